package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The naive twin of {@link CustomerSearch}: LIKE with what the user typed. */
class NaiveCustomerSearch {

    /** On PostgreSQL, where text compares exactly. */
    static final String ON_POSTGRES = "full_name like '%' || ? || '%'";

    /**
     * On MariaDB, over the column as it is when the schema names no collation: the server's default,
     * utf8mb4_general_ci, which ignores case and most accents already but gives every emoji the same weight.
     */
    static final String ON_MARIADB =
            "full_name collate utf8mb4_general_ci like concat('%', ?, '%')";

    private final DataSource dataSource;
    private final String condition;

    /** @param condition {@link #ON_POSTGRES} or {@link #ON_MARIADB} */
    NaiveCustomerSearch(DataSource dataSource, String condition) {
        this.dataSource = dataSource;
        this.condition = condition;
    }

    List<String> byName(String text) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "select full_name from customers where "
                                        + condition
                                        + " order by id limit 10")) {
            select.setString(1, text);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
