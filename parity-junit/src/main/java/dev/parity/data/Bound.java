package dev.parity.data;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a {@code between} rule as written: a number ({@code 1}, {@code -0.5}), a date
 * ({@code 2020-01-01}) or a timestamp ({@code 2020-01-01 08:30}, {@code 2020-01-01T08:30:00Z},
 * {@code 2020-01-01 08:30:00 +02:00}), in the forms YAML reads them.
 *
 * @param text     as written
 * @param number   the number, or null for a date or a timestamp
 * @param time     the date (at midnight) or timestamp, or null for a number
 * @param offset   the timestamp's offset from UTC, or null when it has none
 * @param dateOnly a date without a time of day
 */
record Bound(
        String text, BigDecimal number, LocalDateTime time, ZoneOffset offset, boolean dateOnly) {

    private static final Pattern NUMBER =
            Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP =
            Pattern.compile(
                    "(\\d{4}-\\d{1,2}-\\d{1,2})"
                            + "(?:(?:[Tt]| +)(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?(?: *(Z|z|[-+]\\d{1,2}(?::?\\d{2})?))?)?");

    /** The bound {@code text} stands for, or empty when it is neither a number nor a date nor a timestamp. */
    static Optional<Bound> parse(String text) {
        String written = text.strip();
        if (NUMBER.matcher(written).matches()) {
            return Optional.of(new Bound(text, new BigDecimal(written), null, null, false));
        }
        Matcher timestamp = TIMESTAMP.matcher(written);
        if (!timestamp.matches()) {
            return Optional.empty();
        }
        try {
            String[] date = timestamp.group(1).split("-");
            LocalDate day =
                    LocalDate.of(
                            Integer.parseInt(date[0]),
                            Integer.parseInt(date[1]),
                            Integer.parseInt(date[2]));
            if (timestamp.group(2) == null) {
                return Optional.of(new Bound(text, null, day.atStartOfDay(), null, true));
            }
            int nanos =
                    timestamp.group(5) == null
                            ? 0
                            : Integer.parseInt(
                                    (timestamp.group(5).substring(1) + "00000000").substring(0, 9));
            LocalTime clock =
                    LocalTime.of(
                            Integer.parseInt(timestamp.group(2)),
                            Integer.parseInt(timestamp.group(3)),
                            timestamp.group(4) == null ? 0 : Integer.parseInt(timestamp.group(4)),
                            nanos);
            return Optional.of(
                    new Bound(text, null, day.atTime(clock), offset(timestamp.group(6)), false));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty(); // 2024-02-30, 25:00
        }
    }

    private static ZoneOffset offset(String written) {
        if (written == null) {
            return null;
        }
        if (written.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        String digits = written.substring(1).replace(":", "");
        int hours =
                Integer.parseInt(
                        digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes =
                digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        return ZoneOffset.ofHoursMinutes(
                written.startsWith("-") ? -hours : hours,
                written.startsWith("-") ? -minutes : minutes);
    }

    boolean isNumber() {
        return number != null;
    }

    /** What a user would call it: "a number (1)", "a date (2020-01-01)", "a timestamp (2020-01-01 08:30)". */
    String describe() {
        return (isNumber() ? "a number" : dateOnly ? "a date" : "a timestamp") + " (" + text + ")";
    }

    /** Whether this bound lies after {@code other}, both numbers or both dates and timestamps (a timestamp without offset taken as UTC). */
    boolean isAfter(Bound other) {
        if (isNumber()) {
            return number.compareTo(other.number) > 0;
        }
        return utc().isAfter(other.utc());
    }

    /** The date or timestamp in UTC, taking a timestamp without offset as UTC. */
    LocalDateTime utc() {
        return offset == null
                ? time
                : time.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
