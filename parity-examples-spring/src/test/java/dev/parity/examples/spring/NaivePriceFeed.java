package dev.parity.examples.spring;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Case 2's naive twin: {@code String.format} without a locale, which is the server's. Right on an English laptop. */
final class NaivePriceFeed {

    private final JdbcClient jdbc;

    NaivePriceFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String lines() {
        StringBuilder feed = new StringBuilder();
        jdbc.sql("select sku, price from products order by id")
                .query(
                        (row, n) ->
                                feed.append(
                                        String.format(
                                                "%s;%.2f%n",
                                                row.getString(1), row.getBigDecimal(2))))
                .list();
        return feed.toString();
    }
}
