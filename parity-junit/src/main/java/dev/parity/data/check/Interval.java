package dev.parity.data.check;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A span of time as SQL adds it to a date: months and days as the calendar counts them, the rest exactly
 * ({@code '18 years'}, {@code '1 day'}, {@code '2 days 03:00:00'}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Interval(long months, long days, long micros) {

    private static final Pattern PART =
            Pattern.compile(
                    "([-+]?\\d+(?:\\.\\d+)?)\\s*([a-z]+)|([-+]?)(\\d+):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?");

    /** The interval {@code text} spells, as PostgreSQL prints them and MariaDB's {@code INTERVAL n unit} reads; empty if it is none. */
    public static Optional<Interval> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        long months = 0;
        long days = 0;
        long micros = 0;
        Matcher m = PART.matcher(t);
        int at = 0;
        while (m.find()) {
            if (!t.substring(at, m.start()).isBlank()) {
                return Optional.empty();
            }
            at = m.end();
            if (m.group(2) != null) {
                double n = Double.parseDouble(m.group(1));
                String unit = m.group(2);
                if (unit.startsWith("mil")) { // millennium, millennia
                    months += (long) (n * 12_000);
                } else if (unit.startsWith("cent")) {
                    months += (long) (n * 1200);
                } else if (unit.startsWith("dec")) {
                    months += (long) (n * 120);
                } else if (unit.startsWith("y")) {
                    months += (long) (n * 12);
                } else if (unit.startsWith("mon")) {
                    months += (long) n;
                } else if (unit.startsWith("w")) {
                    days += (long) (n * 7);
                } else if (unit.startsWith("d")) {
                    days += (long) n;
                } else if (unit.startsWith("h")) {
                    micros += (long) (n * 3_600_000_000L);
                } else if (unit.startsWith("min") || unit.equals("m")) {
                    micros += (long) (n * 60_000_000L);
                } else if (unit.startsWith("s")) {
                    micros += (long) (n * 1_000_000L);
                } else if (unit.startsWith("ms") || unit.startsWith("millis")) {
                    micros += (long) (n * 1000);
                } else if (unit.startsWith("us") || unit.startsWith("micro")) {
                    micros += (long) n;
                } else {
                    return Optional.empty();
                }
            } else {
                long sign = "-".equals(m.group(3)) ? -1 : 1;
                long hours = Long.parseLong(m.group(4));
                long minutes = Long.parseLong(m.group(5));
                long seconds = m.group(6) == null ? 0 : Long.parseLong(m.group(6));
                long fraction =
                        m.group(7) == null
                                ? 0
                                : Long.parseLong((m.group(7) + "00000").substring(0, 6));
                micros += sign * (((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + fraction);
            }
        }
        if (at == 0 || !t.substring(at).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Interval(months, days, micros));
    }

    public Interval negated() {
        return new Interval(-months, -days, -micros);
    }

    /** {@code at} plus this interval, months first, as SQL adds them. */
    public LocalDateTime addTo(LocalDateTime at) {
        return at.plusMonths(months).plusDays(days).plus(Duration.ofNanos(micros * 1000));
    }
}
