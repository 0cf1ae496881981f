package dev.parity.examples.spring;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The price list the ERP imports every night: {@code sku;price} lines with a decimal point, whatever language the
 * server runs in (production's servers run in German).
 */
@Service
public class PriceFeed {

    private final JdbcClient jdbc;

    public PriceFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String lines() {
        StringBuilder feed = new StringBuilder();
        jdbc.sql("select sku, price from products order by id")
                .query((row, n) -> feed.append(line(row.getString(1), row.getBigDecimal(2))))
                .list();
        return feed.toString();
    }

    /** Locale.ROOT: a machine format is not the reader's language. */
    static String line(String sku, BigDecimal price) {
        return String.format(Locale.ROOT, "%s;%.2f%n", sku, price);
    }
}
