package dev.parity.examples.spring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Case 1's naive twin: a query per order. Instant against a database on the same machine. */
final class NaiveOrderTotals {

    private final JdbcClient jdbc;

    NaiveOrderTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, BigDecimal> of(List<Long> orderIds) {
        Map<Long, BigDecimal> totals = new TreeMap<>();
        for (long id : orderIds) {
            totals.put(
                    id,
                    jdbc.sql(
                                    "select o.quantity * p.price from orders o join products p on p.id = o.product_id where o.id = ?")
                            .param(id)
                            .query(BigDecimal.class)
                            .single());
        }
        return totals;
    }
}
