package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The naive twin of {@link CustomerDirectory}: case-insensitive, but in a way no index serves. */
class NaiveCustomerDirectory {

    private final DataSource dataSource;

    NaiveCustomerDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Long> findByEmail(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "select id from customers where upper(email) = upper(?)")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
