package dev.parity.examples.shop;

import java.math.BigDecimal;

/** Something the shop sells, with its current price and stock. */
public record Product(long id, String sku, String name, BigDecimal price, int stock) {}
