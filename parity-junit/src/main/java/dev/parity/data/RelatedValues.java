package dev.parity.data;

import dev.parity.engine.ColumnType;
import dev.parity.engine.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Values of a column that a CHECK ties to another column of the same row ({@code ends_at > starts_at},
 * {@code discount <= price}): the other column's value in that row, moved the allowed way by a random amount.
 * Where the other value is NULL the comparison cannot fail, and the column takes a value of its own.
 */
final class RelatedValues {

    private static final Set<Kind> NUMBERS = Set.of(Kind.INTEGER, Kind.DECIMAL, Kind.MONEY, Kind.FLOAT, Kind.DOUBLE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final long MAX_SECONDS = 4 * 3600;

    private RelatedValues() {
    }

    /** Whether a column of type {@code a} can follow one of type {@code b}. */
    static boolean comparable(ColumnType a, ColumnType b) {
        return NUMBERS.contains(a.kind()) && NUMBERS.contains(b.kind())
                || a.kind() == b.kind() && (a.kind() == Kind.DATE || a.kind() == Kind.TIMESTAMP || a.kind() == Kind.TIMESTAMP_TZ);
    }

    /**
     * @param op        how the column compares to the other: {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param other     the other column's plan, looked up when rows are made (it may come later in the table)
     * @param own       the column's own values, for rows where the other is NULL
     * @param wholeDays move timestamps by whole days only: a wall time in a zone with DST then stays valid
     */
    static ValueGenerator of(String op, ColumnType type, Supplier<ColumnPlan> other, long tableSeed, ValueGenerator own, boolean wholeDays) {
        boolean up = op.startsWith(">");
        boolean strict = op.length() == 1;
        return (row, r) -> {
            ColumnPlan plan = other.get();
            String base = plan == null ? null : plan.value(tableSeed, row, r);
            if (base == null) {
                return own == null ? null : own.next(row, r);
            }
            return switch (type.kind()) {
                case DATE -> {
                    long days = r.nextInt(60) + (strict ? 1 : 0);
                    LocalDate date = LocalDate.parse(base.substring(0, 10));
                    yield (up ? date.plusDays(days) : date.minusDays(days)).toString();
                }
                case TIMESTAMP, TIMESTAMP_TZ -> {
                    long seconds = wholeDays ? 86_400L * (1 + r.nextInt(30)) : 60 + r.nextLong(MAX_SECONDS);
                    LocalDateTime at = LocalDateTime.parse(base.substring(0, 19), SECONDS);
                    // the fraction and any offset ("+00") stay as they were
                    yield (up ? at.plusSeconds(seconds) : at.minusSeconds(seconds)).format(SECONDS) + base.substring(19);
                }
                default -> number(new BigDecimal(base), type, up, strict, r);
            };
        };
    }

    /** Above: up to half as much again; below: a share of a positive value (so it stays positive), or further down. */
    private static String number(BigDecimal base, ColumnType type, boolean up, boolean strict, CellRandom r) {
        int scale = type.kind() == Kind.INTEGER ? 0 : type.kind() == Kind.MONEY ? 2 : type.scale() >= 0 ? Math.min(type.scale(), 6) : 2;
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal share = BigDecimal.valueOf(r.nextInt(1000), 3);
        BigDecimal value;
        if (up) {
            value = base.add(base.abs().multiply(share).multiply(BigDecimal.valueOf(5, 1))).setScale(scale, RoundingMode.CEILING);
            value = strict && value.compareTo(base) <= 0 ? base.setScale(scale, RoundingMode.FLOOR).add(unit) : value;
        } else if (base.signum() > 0) {
            value = base.multiply(share).setScale(scale, RoundingMode.FLOOR);
            value = strict && value.compareTo(base) >= 0 ? base.setScale(scale, RoundingMode.CEILING).subtract(unit) : value;
        } else {
            value = base.subtract(base.abs().multiply(share).multiply(BigDecimal.valueOf(5, 1))).setScale(scale, RoundingMode.FLOOR);
            value = strict && value.compareTo(base) >= 0 ? base.setScale(scale, RoundingMode.CEILING).subtract(unit) : value;
        }
        return value.toPlainString();
    }
}
