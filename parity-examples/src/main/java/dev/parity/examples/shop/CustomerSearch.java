package dev.parity.examples.shop;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Finds customers by a part of their name, ignoring case and accents ("jose muller" finds "José Müller"). */
public class CustomerSearch {

    private final Jdbc jdbc;

    public CustomerSearch(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** At most {@code limit} customers whose name contains {@code text}; customers without a name never match. */
    public List<Customer> byName(String text, int limit) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id, email, full_name, country from customers where "
                                            + Dialect.of(connection).nameContains()
                                            + " order by id limit ?")) {
                        select.setString(1, escapeLike(text.strip()));
                        select.setInt(2, limit);
                        List<Customer> found = new ArrayList<>();
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                found.add(
                                        new Customer(
                                                rows.getLong(1),
                                                rows.getString(2),
                                                rows.getString(3),
                                                rows.getString(4)));
                            }
                        }
                        return found;
                    }
                });
    }

    /** "100%" means the characters, not "100 followed by anything". */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
