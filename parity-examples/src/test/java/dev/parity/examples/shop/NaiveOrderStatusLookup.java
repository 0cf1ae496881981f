package dev.parity.examples.shop;

import dev.parity.junit.ProdEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The naive twin of {@link OrderStatusLookup}: a connection kept open and queries without any timeout. The
 * connection is opened while the network is healthy, as the pool's are, so what a stall catches is the
 * query waiting for its answer, on either engine. (Opening one during a stall would depend on a login
 * timeout: HikariCP sets DriverManager's for the whole JVM, and MariaDB Connector/J honours it.)
 */
class NaiveOrderStatusLookup implements AutoCloseable {

    private final Connection connection;

    NaiveOrderStatusLookup(ProdEnvironment environment) throws SQLException {
        this.connection =
                DriverManager.getConnection(
                        environment.jdbcUrl(), environment.username(), environment.password());
    }

    String statusOf(long orderId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select status from orders where id = ?")) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Aborts rather than closes: a close could wait behind a query still waiting for its answer. */
    @Override
    public void close() throws SQLException {
        connection.abort(Runnable::run);
    }
}
