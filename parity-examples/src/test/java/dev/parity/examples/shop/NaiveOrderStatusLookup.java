package dev.parity.examples.shop;

import dev.parity.junit.ProdEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The naive twin of {@link OrderStatusLookup}: a connection and a query without any timeout. */
class NaiveOrderStatusLookup {

    private final ProdEnvironment environment;

    NaiveOrderStatusLookup(ProdEnvironment environment) {
        this.environment = environment;
    }

    String statusOf(long orderId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(environment.jdbcUrl(), environment.username(), environment.password());
             PreparedStatement select = connection.prepareStatement("select status from orders where id = ?")) {
            select.setLong(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
