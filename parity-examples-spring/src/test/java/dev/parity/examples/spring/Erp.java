package dev.parity.examples.spring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** How the ERP reads the price feed: {@code sku;price}, the price as a plain decimal. */
final class Erp {

    private Erp() {}

    static List<BigDecimal> prices(String feed) {
        return Arrays.stream(feed.split("\\R"))
                .map(line -> new BigDecimal(line.split(";", -1)[1]))
                .toList();
    }
}
