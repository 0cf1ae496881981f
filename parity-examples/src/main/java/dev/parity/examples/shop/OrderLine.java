package dev.parity.examples.shop;

import java.math.BigDecimal;

/** One product of an order, at the price it had when the order was placed. */
public record OrderLine(long productId, int quantity, BigDecimal unitPrice) {

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
