package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A placed order and its lines. */
public record Order(
        long id, long customerId, String status, Instant placedAt, List<OrderLine> lines) {

    public BigDecimal total() {
        return lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
