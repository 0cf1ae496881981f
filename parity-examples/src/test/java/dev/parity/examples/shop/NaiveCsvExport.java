package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The naive twin of {@link CustomerCsvExport}: fields joined with commas, as on clean test data. */
class NaiveCsvExport {

    private final DataSource dataSource;

    NaiveCsvExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String export(long fromId, long toId) throws SQLException {
        StringBuilder csv = new StringBuilder("id,email,full_name,country\n");
        try (Connection connection = dataSource.getConnection();
                ResultSet rows =
                        connection
                                .createStatement()
                                .executeQuery(
                                        "select id, email, full_name, country from customers where id >= "
                                                + fromId
                                                + " and id < "
                                                + toId
                                                + " order by id")) {
            while (rows.next()) {
                csv.append(rows.getLong(1))
                        .append(',')
                        .append(rows.getString(2))
                        .append(',')
                        .append(rows.getString(3))
                        .append(',')
                        .append(rows.getString(4))
                        .append('\n');
            }
        }
        return csv.toString();
    }
}
