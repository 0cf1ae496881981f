package dev.parity.examples.shop;

import dev.parity.junit.ProdEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * The naive twin of {@link StockLookup}: one connection, opened at start-up and kept for good ("a pool is
 * overhead for one query"). Once the server ends its session, every later lookup fails, until a restart.
 */
class NaiveStockLookup implements AutoCloseable {

    private final Connection connection;

    NaiveStockLookup(ProdEnvironment environment) throws SQLException {
        this.connection =
                DriverManager.getConnection(
                        environment.jdbcUrl(), environment.username(), environment.password());
    }

    OptionalInt stockOf(long productId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select stock from products where id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
