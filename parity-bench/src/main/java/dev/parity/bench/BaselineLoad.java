package dev.parity.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;

/**
 * What a user writes by hand, for either engine: Datafaker called for every cell, JDBC batches of 1000
 * inserts in one transaction, with whatever batch rewriting the JDBC URL asks the driver for (the
 * benchmark passes {@code reWriteBatchedInserts=true} to pgjdbc, {@code rewriteBatchedStatements=true}
 * to MariaDB Connector/J). Arguments: url, user, password, rows. Prints a {@link LoadRun} line.
 */
public final class BaselineLoad {

    private static final String INSERT =
            "insert into people (id, full_name, email, phone, city, country, birth_date,"
                    + " created_at, balance, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BaselineLoad() {}

    public static void main(String[] args) throws Exception {
        PeakRss rss = PeakRss.start();
        long rows = Long.parseLong(args[3]);
        Faker faker = new Faker(Locale.ENGLISH, new Random(42));
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (long id = 1; id <= rows; id++) {
                insert.setLong(1, id);
                insert.setString(2, faker.name().fullName());
                insert.setString(3, faker.internet().emailAddress());
                insert.setString(4, faker.phoneNumber().phoneNumber());
                insert.setString(5, faker.address().city());
                insert.setString(6, faker.address().countryCode());
                insert.setObject(7, faker.timeAndDate().birthday());
                insert.setTimestamp(
                        8, Timestamp.from(faker.timeAndDate().past(1825, TimeUnit.DAYS)));
                insert.setBigDecimal(
                        9, BigDecimal.valueOf(faker.number().randomDouble(2, -1000, 50_000)));
                insert.setString(10, faker.lorem().sentence());
                insert.addBatch();
                if (id % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(
                new LoadRun(seconds, rows, rss.sampledPeakMb(), PeakRss.highWaterMarkMb()).line());
    }
}
