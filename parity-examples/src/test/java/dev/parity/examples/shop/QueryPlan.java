package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What the database says it will do for a query, as text: PostgreSQL's plan lines as they are
 * ("Index Scan using customers_email_lower_idx on customers"), MariaDB's EXPLAIN rows as
 * {@code column=value} pairs ("table=customers type=ref ... key=customers_email_lower_idx").
 */
final class QueryPlan {

    private QueryPlan() {}

    static String of(DataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
            explain.setString(1, parameter);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        plan.append(
                                        columns.getColumnCount() == 1
                                                ? ""
                                                : columns.getColumnLabel(i) + "=")
                                .append(rows.getString(i))
                                .append(' ');
                    }
                    plan.append('\n');
                }
            }
            return plan.toString();
        }
    }
}
