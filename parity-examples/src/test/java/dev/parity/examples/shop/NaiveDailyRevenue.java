package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The naive twin of {@link DailyRevenue}, kept to show what the pinned zone catches: it takes "a day" to
 * be 24 hours from local midnight. In UTC (a build machine's zone) that is always true and its tests pass.
 */
class NaiveDailyRevenue {

    private final DataSource dataSource;

    NaiveDailyRevenue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    BigDecimal of(LocalDate day) throws SQLException {
        Timestamp from = Timestamp.valueOf(day.atStartOfDay());
        Timestamp to = new Timestamp(from.getTime() + 24 * 60 * 60 * 1000L);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "select coalesce(sum(i.quantity * i.unit_price), 0) from orders o join order_items i on i.order_id = o.id "
                                        + "where o.placed_at >= ? and o.placed_at < ?")) {
            select.setTimestamp(1, from);
            select.setTimestamp(2, to);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }
}
