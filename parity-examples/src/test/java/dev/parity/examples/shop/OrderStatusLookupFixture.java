package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Picks an order of the loaded data. */
final class OrderStatusLookupFixture {

    private final DataSource dataSource;

    OrderStatusLookupFixture(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long anyOrder() {
        try (Connection connection = dataSource.getConnection();
                ResultSet row =
                        connection.createStatement().executeQuery("select min(id) from orders")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
