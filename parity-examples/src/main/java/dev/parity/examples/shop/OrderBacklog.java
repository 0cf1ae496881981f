package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The warehouse dashboard's backlog: how many orders are in each status, refreshed every few seconds. A
 * migration (an {@code alter table orders ...}) holds an exclusive lock on {@code orders} for as long as it
 * runs, and every query on the table queues behind it, each holding a pooled connection. The backlog waits
 * for the lock a short while at most, then answers "being updated, try later" and gives its connection back.
 */
public class OrderBacklog {

    private final DataSource dataSource;
    private final Duration lockWait;

    public OrderBacklog(DataSource dataSource, Duration lockWait) {
        this.dataSource = dataSource;
        this.lockWait = lockWait;
    }

    /** The number of orders by status; empty if {@code orders} stayed locked longer than the lock wait: try later. */
    public Optional<Map<String, Long>> byStatus() {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            connection.setAutoCommit(false);
            try {
                Map<String, Long> counts = new TreeMap<>();
                String sql =
                        dialect.waitingForLocksAtMost(
                                connection,
                                "select status, count(*) from orders group by status",
                                lockWait);
                try (PreparedStatement select = connection.prepareStatement(sql);
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
                connection.commit();
                return Optional.of(counts);
            } catch (SQLException e) {
                connection.rollback();
                if (dialect.isLockTimeout(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ShopException("could not count the orders by status: " + e.getMessage(), e);
        }
    }
}
