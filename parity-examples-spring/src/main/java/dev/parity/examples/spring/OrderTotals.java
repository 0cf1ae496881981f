package dev.parity.examples.spring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each order on the order page costs. One query for the whole page: each round trip to the database costs
 * production's network latency, so a page that asks per order is as slow as its longest list.
 */
@Service
public class OrderTotals {

    private final JdbcClient jdbc;

    public OrderTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The total of each of {@code orderIds}, by order id. */
    public Map<Long, BigDecimal> of(List<Long> orderIds) {
        Map<Long, BigDecimal> totals = new TreeMap<>();
        jdbc.sql(
                        "select o.id, o.quantity * p.price from orders o join products p on p.id = o.product_id where o.id = any(?)")
                .param(orderIds.toArray(Long[]::new))
                .query((row, n) -> totals.put(row.getLong(1), row.getBigDecimal(2)))
                .list();
        return totals;
    }
}
