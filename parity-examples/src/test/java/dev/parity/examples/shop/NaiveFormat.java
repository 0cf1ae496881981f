package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The naive twin of {@link MachineFormat}: the JVM's default locale everywhere, as on a developer's en-US laptop. */
final class NaiveFormat {

    private NaiveFormat() {}

    static String price(BigDecimal price) {
        return String.format("%.2f", price);
    }

    static String statusKey(String status) {
        return status.toLowerCase();
    }

    static String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("dd MMM yyyy").format(day);
    }
}
