package dev.parity.examples.shop;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** The support dashboard's customer lookup: by e-mail, whatever case the customer typed it in. */
public class CustomerDirectory {

    private final Jdbc jdbc;

    public CustomerDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Uses the index on the lower-cased e-mail: one index probe, however many customers there are. */
    public Optional<Customer> findByEmail(String email) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id, email, full_name, country from customers where "
                                            + Dialect.of(connection).emailIgnoringCase())) {
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
