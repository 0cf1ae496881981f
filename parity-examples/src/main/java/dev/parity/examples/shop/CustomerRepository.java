package dev.parity.examples.shop;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Customers, over plain JDBC. */
public class CustomerRepository {

    private final Jdbc jdbc;

    public CustomerRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Customer create(String email, String fullName, String country) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement insert =
                            connection.prepareStatement(
                                    "insert into customers (email, full_name, country) values (?, ?, ?) returning id")) {
                        insert.setString(1, email);
                        insert.setString(2, fullName);
                        insert.setString(3, country);
                        try (ResultSet key = insert.executeQuery()) {
                            key.next();
                            return new Customer(key.getLong(1), email, fullName, country);
                        }
                    }
                });
    }

    public Optional<Customer> findByEmail(String email) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id, email, full_name, country from customers where email = ?")) {
                        select.setString(1, email);
                        try (ResultSet row = select.executeQuery()) {
                            return row.next()
                                    ? Optional.of(
                                            new Customer(
                                                    row.getLong(1),
                                                    row.getString(2),
                                                    row.getString(3),
                                                    row.getString(4)))
                                    : Optional.empty();
                        }
                    }
                });
    }
}
