package dev.parity.bench;

import dev.parity.config.Location;
import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.data.LoadReport;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Parity side, in a JVM of its own so that its memory is its own: loads {@code rows} messy rows into
 * {@code people} with {@link DatasetLoader} and prints a {@link LoadRun} line.
 *
 * <p>Arguments: loader, url, user, password, rows, generator threads, and optionally the loads made and
 * emptied before the measured one in the same JVM (0; 1 measures a load whose code the JVM has compiled
 * already, as a test run's second profile finds it). The loader is an engine id
 * ({@code postgres}: COPY, {@code mariadb}: LOAD DATA LOCAL INFILE) or {@value #MARIADB_INSERT}, MariaDB
 * with {@link MultiRowInsertLoader} in place of its own bulk loader.
 *
 * <p>System properties (through {@code -Dbench.jvmArgs}): {@code bench.warmupRows}, the rows of the loads before
 * (the measured load's by default); {@code bench.startMillis}, a pause before the measured load standing for a
 * database's start, with {@code bench.warmUp=true} the generators' warm-up an environment runs meanwhile.
 */
public final class ParityLoad {

    static final String MARIADB_INSERT = "mariadb-insert";

    private ParityLoad() {}

    public static void main(String[] args) throws SQLException {
        PeakRss rss = PeakRss.start();
        Engine engine = engine(args[0]);
        DataSource dataSource = dataSource(args[1], args[2], args[3]);
        long rows = Long.parseLong(args[4]);
        int threads = Integer.parseInt(args[5]);
        DatasetSpec people =
                DatasetSpec.of("people", rows)
                        .withOrigin(Location.of("the benchmark's people dataset"));
        int loadsBefore = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        DatasetSpec before =
                DatasetSpec.of("people", Long.getLong("bench.warmupRows", rows))
                        .withOrigin(Location.of("the benchmark's people dataset"));
        for (int i = 0; i < loadsBefore; i++) {
            DatasetLoader.load(engine, dataSource, List.of(before), 42, threads, line -> {});
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("truncate people");
            }
        }
        // as an environment gives a load: the database's start first, generators warmed meanwhile
        long startMillis = Long.getLong("bench.startMillis", 0);
        if (startMillis > 0) {
            if (Boolean.getBoolean("bench.warmUp")) {
                DatasetLoader.warmUpInBackground(engine, rows);
            }
            try {
                Thread.sleep(startMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long started = System.nanoTime();
        LoadReport report =
                DatasetLoader.load(
                        engine, dataSource, List.of(people), 42, threads, System.out::println);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(report);
        System.out.println(LoadRun.of(seconds, report, rss).line());
    }

    private static Engine engine(String loader) {
        if (loader.equals(MARIADB_INSERT)) {
            Engine mariadb = Engines.byId("mariadb").orElseThrow();
            return new EngineWithLoader(
                    mariadb, new MultiRowInsertLoader(mariadb.loader(), mariadb.dialect()));
        }
        return Engines.byId(loader)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no engine " + loader + "; known: " + Engines.ids()));
    }

    private static DataSource dataSource(String url, String user, String password)
            throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setUser(user);
            postgres.setPassword(password);
            return postgres;
        }
        MariaDbDataSource mariadb = new MariaDbDataSource(url);
        mariadb.setUser(user);
        mariadb.setPassword(password);
        return mariadb;
    }
}
