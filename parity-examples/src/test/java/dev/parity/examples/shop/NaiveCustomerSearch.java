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

    private final DataSource dataSource;

    NaiveCustomerSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<String> byName(String text) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select full_name from customers where full_name like '%' || ? || '%' order by id limit 10")) {
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
