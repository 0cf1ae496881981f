package dev.parity.data;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Values of a column that a CHECK ties to another column of the same row ({@code ends_at > starts_at},
 * {@code discount <= price}): the other column's value in that row, moved the allowed way by a random amount.
 */
final class RelatedValues {

    private static final Set<Kind> NUMBERS =
            Set.of(Kind.INTEGER, Kind.DECIMAL, Kind.MONEY, Kind.FLOAT, Kind.DOUBLE);
    private static final long MAX_SECONDS = 4 * 3600;

    private RelatedValues() {}

    /** Whether a column of type {@code a} can follow one of type {@code b}. */
    static boolean comparable(ColumnType a, ColumnType b) {
        return NUMBERS.contains(a.kind()) && NUMBERS.contains(b.kind())
                || a.kind() == b.kind()
                        && (a.kind() == Kind.DATE
                                || a.kind() == Kind.TIMESTAMP
                                || a.kind() == Kind.TIMESTAMP_TZ);
    }

    /**
     * A value that compares with {@code base} (the other column's value in the same row) as {@code op} says; null
     * when the type holds none (past the latest date it stores).
     *
     * @param op        how the value compares to {@code base}: {@code >}, {@code >=}, {@code <}, {@code <=} or {@code =}
     * @param base      the other column's value, not null
     * @param wholeDays move timestamps by whole days only: a wall time in a zone with DST then stays valid
     */
    static String from(String op, ColumnType type, String base, CellRandom r, boolean wholeDays) {
        if (op.equals("=")) {
            return base;
        }
        boolean up = op.startsWith(">");
        boolean strict = op.length() == 1;
        return switch (type.kind()) {
            case DATE -> {
                long days = r.nextInt(60) + (strict ? 1 : 0);
                LocalDate date = TypedValues.date(base.substring(0, 10));
                LocalDate moved = up ? date.plusDays(days) : date.minusDays(days);
                yield storable(type, moved.atStartOfDay()) ? moved.toString() : null;
            }
            case TIMESTAMP, TIMESTAMP_TZ -> {
                long seconds =
                        wholeDays ? 86_400L * (1 + r.nextInt(30)) : 60 + r.nextLong(MAX_SECONDS);
                LocalDateTime at = TypedValues.wallTime(base.substring(0, 19));
                LocalDateTime moved = up ? at.plusSeconds(seconds) : at.minusSeconds(seconds);
                // the fraction and any offset ("+00") stay as they were
                yield storable(type, moved) ? Formats.wallTime(moved) + base.substring(19) : null;
            }
            default -> {
                String moved = number(new BigDecimal(base), type, up, strict, r);
                yield storable(type, new BigDecimal(moved)) ? moved : null;
            }
        };
    }

    /** Whether the type holds {@code value}: an integer within its range, a decimal within its digits. */
    private static boolean storable(ColumnType type, BigDecimal value) {
        if (type.kind() == Kind.INTEGER) {
            return value.compareTo(BigDecimal.valueOf(type.min())) >= 0
                    && value.compareTo(BigDecimal.valueOf(type.max())) <= 0;
        }
        if (type.kind() == Kind.DECIMAL && type.precision() > 0) {
            return value.precision() - value.scale() <= type.precision() - Math.max(0, type.scale())
                    && (type.min() < 0 || value.signum() >= 0);
        }
        return true;
    }

    /** Whether the type holds {@code at}: within its limits and four-digit years (past an extreme there is no room). */
    private static boolean storable(ColumnType type, LocalDateTime at) {
        return at.getYear() >= 1
                && at.getYear() <= 9999
                && (type.earliest() == null || !at.isBefore(type.earliest()))
                && (type.latest() == null || !at.isAfter(type.latest()));
    }

    /** Above: up to half as much again; below: a share of a positive value (so it stays positive), or further down. */
    private static String number(
            BigDecimal base, ColumnType type, boolean up, boolean strict, CellRandom r) {
        int scale =
                type.kind() == Kind.INTEGER
                        ? 0
                        : type.kind() == Kind.MONEY
                                ? 2
                                : type.scale() >= 0 ? Math.min(type.scale(), 6) : 2;
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal share = BigDecimal.valueOf(r.nextInt(1000), 3);
        BigDecimal value;
        if (up) {
            value =
                    base.add(base.abs().multiply(share).multiply(BigDecimal.valueOf(5, 1)))
                            .setScale(scale, RoundingMode.CEILING);
            value =
                    strict && value.compareTo(base) <= 0
                            ? base.setScale(scale, RoundingMode.FLOOR).add(unit)
                            : value;
        } else if (base.signum() > 0) {
            value = base.multiply(share).setScale(scale, RoundingMode.FLOOR);
            value =
                    strict && value.compareTo(base) >= 0
                            ? base.setScale(scale, RoundingMode.CEILING).subtract(unit)
                            : value;
        } else {
            value =
                    base.subtract(base.abs().multiply(share).multiply(BigDecimal.valueOf(5, 1)))
                            .setScale(scale, RoundingMode.FLOOR);
            value =
                    strict && value.compareTo(base) >= 0
                            ? base.setScale(scale, RoundingMode.CEILING).subtract(unit)
                            : value;
        }
        return value.toPlainString();
    }
}
