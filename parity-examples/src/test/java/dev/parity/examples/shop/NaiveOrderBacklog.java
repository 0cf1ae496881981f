package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The naive twin of {@link OrderBacklog}: the same query, waiting for a lock as long as the server lets it (forever, by default). */
class NaiveOrderBacklog {

    private final DataSource dataSource;

    NaiveOrderBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Map<String, Long> byStatus() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "select status, count(*) from orders group by status");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
