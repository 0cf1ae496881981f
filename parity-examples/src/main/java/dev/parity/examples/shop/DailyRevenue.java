package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;

/** Revenue per business day, where a day is midnight to midnight in the business's own zone. */
public class DailyRevenue {

    private final Jdbc jdbc;
    private final ZoneId businessZone;

    public DailyRevenue(DataSource dataSource, ZoneId businessZone) {
        this.jdbc = new Jdbc(dataSource);
        this.businessZone = businessZone;
    }

    /** The total of the orders placed on {@code day}. A day may last 23 or 25 hours. */
    public BigDecimal of(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(businessZone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(businessZone).toInstant());
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
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
                });
    }
}
