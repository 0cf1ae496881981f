package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the shop writes values for other machines (the ERP feed, JSON, status keys): the same bytes
 * whatever locale the server runs in. People get {@link #forPeople(BigDecimal, Locale)}.
 */
public final class MachineFormat {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);

    private MachineFormat() {}

    /** "1234.50": a dot, no grouping. */
    public static String price(BigDecimal price) {
        return price.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    public static BigDecimal parsePrice(String text) {
        return new BigDecimal(text.strip());
    }

    /** "PAID" → "paid", also on a Turkish server (where "I".toLowerCase() is a dotless "ı"). */
    public static String statusKey(String status) {
        return status.toLowerCase(Locale.ROOT);
    }

    /** "31 Mar 2024", as the ERP expects it. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static LocalDate parseDay(String text) {
        return LocalDate.parse(text, DAY);
    }

    /** For a receipt: the customer's own conventions, e.g. "1.234,50 €" in German. */
    public static String forPeople(BigDecimal amount, Locale locale) {
        return java.text.NumberFormat.getCurrencyInstance(locale).format(amount);
    }
}
