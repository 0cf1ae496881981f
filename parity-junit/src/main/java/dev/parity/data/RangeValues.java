package dev.parity.data;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * The values of a {@code between} rule in one column's type, spread evenly over the range, bounds
 * included and never outside it. Integers, decimals (in steps of their scale), dates (days) and
 * timestamps (seconds, a quarter of them with microseconds that stay below the upper bound) are whole
 * steps from {@code lo} to {@code hi}, so a key column can take distinct values: one per stride of the
 * range. Floats are drawn from the range and have no distinct values to promise.
 */
final class RangeValues {

    private static final long MAX_UNSCALED = 999_999_999_999_999_999L;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final long lo;
    private final long hi;
    private final long span;
    private final StepText text;
    private final boolean fractionalSeconds;
    private final double floatLo;
    private final double floatHi;
    private final boolean floating;
    private final boolean single;

    /** One step of the range as the engine's bulk loader reads it, and whether microseconds may be added to it. */
    @FunctionalInterface
    private interface StepText {
        String of(long step, int micros);
    }

    private RangeValues(long lo, long hi, StepText text, boolean fractionalSeconds) {
        this.lo = lo;
        this.hi = hi;
        BigInteger steps =
                BigInteger.valueOf(hi).subtract(BigInteger.valueOf(lo)).add(BigInteger.ONE);
        this.span =
                steps.min(LONG_MAX)
                        .longValueExact(); // a range wider than a long counts a long's steps: never
        // past hi
        this.text = text;
        this.fractionalSeconds = fractionalSeconds;
        this.floatLo = 0;
        this.floatHi = 0;
        this.floating = false;
        this.single = false;
    }

    private RangeValues(double lo, double hi, boolean single) {
        this.lo = 0;
        this.hi = 0;
        this.span = Long.MAX_VALUE;
        this.text = null;
        this.fractionalSeconds = false;
        this.floatLo = lo;
        this.floatHi = hi;
        this.floating = true;
        this.single = single;
    }

    /**
     * The range of a column of {@code type}, whose bounds passed {@link #problem}.
     *
     * @param sessionZone the zone the loading session reads timestamps in: a zoned timestamp's bound without an
     *                    offset is a time there, and an engine without zones in literals gets its wall times
     * @param zonesInLiterals whether the engine's zoned timestamps take an offset ({@code +00}); else wall times in {@code sessionZone}
     */
    static RangeValues of(
            ColumnType type, Bound from, Bound to, ZoneId sessionZone, boolean zonesInLiterals) {
        return switch (type.kind()) {
            case INTEGER, YEAR ->
                    new RangeValues(
                            from.number().longValueExact(),
                            to.number().longValueExact(),
                            (step, micros) -> Long.toString(step),
                            false);
            case DECIMAL, MONEY -> {
                int scale = scale(type, from, to);
                yield new RangeValues(
                        unscaled(from.number(), scale, RoundingMode.CEILING).longValueExact(),
                        unscaled(to.number(), scale, RoundingMode.FLOOR).longValueExact(),
                        (step, micros) -> Formats.decimal(step, scale),
                        false);
            }
            case FLOAT, DOUBLE ->
                    new RangeValues(
                            from.number().doubleValue(),
                            to.number().doubleValue(),
                            type.kind() == Kind.FLOAT);
            case DATE ->
                    new RangeValues(
                            from.time().toLocalDate().toEpochDay(),
                            to.time().toLocalDate().toEpochDay(),
                            (step, micros) -> Formats.date(step),
                            false);
            case TIMESTAMP ->
                    new RangeValues(
                            ceilSecond(from.time(), ZoneOffset.UTC),
                            floorSecond(to.time(), ZoneOffset.UTC),
                            Formats::timestamp,
                            true);
            case TIMESTAMP_TZ -> {
                ZoneRules rules = sessionZone.getRules();
                StepText text =
                        zonesInLiterals
                                ? (step, micros) -> Formats.timestamp(step, micros) + "+00"
                                : (step, micros) ->
                                        Formats.timestamp(
                                                step
                                                        + rules.getOffset(
                                                                        Instant.ofEpochSecond(step))
                                                                .getTotalSeconds(),
                                                micros);
                yield new RangeValues(
                        ceilSecond(instant(from, sessionZone)),
                        floorSecond(instant(to, sessionZone)),
                        text,
                        true);
            }
            default ->
                    throw new IllegalArgumentException(
                            "between on a " + type.kind() + " column: " + type.sqlType());
        };
    }

    /** How many distinct values the range holds: Long.MAX_VALUE for floats and ranges as wide as a long. */
    long capacity() {
        return span;
    }

    /** Values drawn evenly from the range. */
    ValueGenerator any() {
        if (floating) {
            return (row, r) -> floatText(floatLo + r.nextDouble() * (floatHi - floatLo));
        }
        return (row, r) -> {
            long step = lo + r.nextLong(span);
            return text.of(
                    step,
                    fractionalSeconds && step < hi && r.nextInt(4) == 0 ? r.nextInt(1_000_000) : 0);
        };
    }

    /** Distinct values for {@code rows} rows (at most {@link #capacity()}): row i takes a step of the i-th stride of the range. */
    ValueGenerator unique(long rows) {
        long stride = span / Math.max(1, rows);
        return (row, r) -> text.of(lo + row * stride + r.nextLong(stride), 0);
    }

    /** The bounds themselves, in the column's form: the extremes of the range. */
    List<String> bounds() {
        return floating
                ? List.of(floatText(floatLo), floatText(floatHi))
                : List.of(text.of(lo, 0), text.of(hi, 0));
    }

    /** A float's text; a single-precision float rounded towards the range, so the stored value stays inside it. */
    private String floatText(double value) {
        double within = Math.min(floatHi, Math.max(floatLo, value));
        if (!single) {
            return Double.toString(within);
        }
        float rounded = (float) within;
        if (rounded > floatHi) {
            rounded = Math.nextDown(rounded);
        } else if (rounded < floatLo) {
            rounded = Math.nextUp(rounded);
        }
        return Float.toString(rounded);
    }

    /**
     * What is wrong with {@code between: [from, to]} on a column of {@code type} under {@code limits}, if anything:
     * bounds of the wrong kind, outside the type or its CHECK, or a range that holds no value of the column's scale.
     *
     * @param column the column as messages name it, e.g. {@code customers.rating}
     */
    static Optional<Problem> problem(
            Location where,
            String column,
            ColumnType type,
            Bound from,
            Bound to,
            ColumnLimits limits) {
        String has =
                "column '"
                        + column
                        + "' ("
                        + type.sqlType()
                        + ") has between ["
                        + from.text()
                        + ", "
                        + to.text()
                        + "]";
        Kind kind = type.kind();
        if (from.isNumber() == to.isNumber() && from.isAfter(to)) {
            return Optional.of(
                    new Problem(
                            where,
                            has + ", which runs downwards",
                            "Write the lower bound first: between: ["
                                    + to.text()
                                    + ", "
                                    + from.text()
                                    + "]"));
        }
        switch (kind) {
            case INTEGER, YEAR, DECIMAL, MONEY, FLOAT, DOUBLE -> {
                boolean whole = kind == Kind.INTEGER || kind == Kind.YEAR;
                if (!from.isNumber()
                        || !to.isNumber()
                        || whole && !(isWhole(from.number()) && isWhole(to.number()))) {
                    return Optional.of(
                            new Problem(
                                    where,
                                    has
                                            + ", but "
                                            + (whole
                                                    ? "a whole number column takes whole numbers"
                                                    : "a number column takes numbers"),
                                    "Give "
                                            + (whole ? "whole " : "")
                                            + "numbers, for example: between: [1, 50]"));
                }
                return numberProblem(where, has, type, from.number(), to.number(), limits);
            }
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> {
                String example =
                        "for example: between: [2020-01-01, 2024-12-31]"
                                + (kind == Kind.DATE
                                        ? ""
                                        : " or between: [\"2024-01-01 08:00\", \"2024-01-01 18:00\"]");
                if (from.isNumber() || to.isNumber()) {
                    return Optional.of(
                            new Problem(
                                    where,
                                    has
                                            + ", but a "
                                            + (kind == Kind.DATE
                                                    ? "date column takes dates"
                                                    : "timestamp column takes dates or timestamps"),
                                    "Give "
                                            + (kind == Kind.DATE ? "dates" : "dates or timestamps")
                                            + ", "
                                            + example));
                }
                if (kind == Kind.DATE && !(from.dateOnly() && to.dateOnly())) {
                    return Optional.of(
                            new Problem(
                                    where,
                                    has + ", but a date column takes dates without a time of day",
                                    "Give dates, " + example));
                }
                if (kind == Kind.TIMESTAMP && (from.offset() != null || to.offset() != null)) {
                    return Optional.of(
                            new Problem(
                                    where,
                                    has + ", but a timestamp without time zone takes no offset",
                                    "Leave the offset out (2024-01-01 08:00, not 2024-01-01 08:00+02)."));
                }
                return timeProblem(where, has, type, from, to);
            }
            default -> {
                return Optional.of(
                        new Problem(
                                where,
                                has + ", but between is for numbers, dates and timestamps",
                                "Give it values, an expression or a constant instead."));
            }
        }
    }

    private static Optional<Problem> numberProblem(
            Location where,
            String has,
            ColumnType type,
            BigDecimal from,
            BigDecimal to,
            ColumnLimits limits) {
        Kind kind = type.kind();
        if (kind == Kind.INTEGER || kind == Kind.YEAR) {
            if (from.compareTo(BigDecimal.valueOf(type.min())) < 0
                    || to.compareTo(BigDecimal.valueOf(type.max())) > 0) {
                return beyondType(where, has, type.min() + " to " + type.max());
            }
        } else if (kind == Kind.DECIMAL || kind == Kind.MONEY) {
            int scale =
                    scale(
                            type,
                            new Bound("", from, null, null, false),
                            new Bound("", to, null, null, false));
            BigInteger lo = unscaled(from, scale, RoundingMode.CEILING);
            BigInteger hi = unscaled(to, scale, RoundingMode.FLOOR);
            int precision = kind == Kind.MONEY ? 15 : type.precision();
            BigInteger most =
                    (precision > 0
                                    ? BigInteger.TEN
                                            .pow(precision - Math.max(0, type.scale()) + scale)
                                            .subtract(BigInteger.ONE)
                                    : BigInteger.valueOf(MAX_UNSCALED))
                            .min(BigInteger.valueOf(MAX_UNSCALED)); // a long holds 18 digits
            if (lo.abs().compareTo(most) > 0
                    || hi.abs().compareTo(most) > 0
                    || type.min() >= 0 && lo.signum() < 0) {
                String largest = new BigDecimal(most, scale).toPlainString();
                return beyondType(
                        where, has, (type.min() >= 0 ? "0" : "-" + largest) + " to " + largest);
            }
            if (lo.compareTo(hi) > 0) {
                return Optional.of(
                        new Problem(
                                where,
                                has + ", which holds no value with " + scale + " decimals",
                                "Widen the range to at least one step of "
                                        + BigDecimal.ONE.movePointLeft(scale).toPlainString()
                                        + "."));
            }
        }
        boolean belowCheck =
                limits.min() != null
                        && (from.compareTo(limits.min()) < 0
                                || limits.minExclusive() && from.compareTo(limits.min()) == 0);
        boolean aboveCheck =
                limits.max() != null
                        && (to.compareTo(limits.max()) > 0
                                || limits.maxExclusive() && to.compareTo(limits.max()) == 0);
        if (belowCheck || aboveCheck) {
            return Optional.of(
                    new Problem(
                            where,
                            has
                                    + ", beyond what its CHECK constraint allows ("
                                    + allowed(limits)
                                    + ")",
                            "Keep the range within what the CHECK allows, or leave the column to Parity, which reads the CHECK."));
        }
        return Optional.empty();
    }

    private static Optional<Problem> timeProblem(
            Location where, String has, ColumnType type, Bound from, Bound to) {
        LocalDateTime earliest = type.earliest();
        LocalDateTime latest = type.latest();
        if (earliest != null && from.utc().isBefore(earliest)
                || latest != null && to.utc().isAfter(latest)) {
            boolean date = type.kind() == Kind.DATE;
            String first =
                    earliest == null
                            ? "any time"
                            : date
                                    ? earliest.toLocalDate().toString()
                                    : Formats.timestamp(earliest.toEpochSecond(ZoneOffset.UTC), 0);
            String last =
                    latest == null
                            ? "any time"
                            : date
                                    ? latest.toLocalDate().toString()
                                    : Formats.timestamp(latest.toEpochSecond(ZoneOffset.UTC), 0);
            return beyondType(
                    where,
                    has,
                    first + " to " + last + (type.kind() == Kind.TIMESTAMP_TZ ? " UTC" : ""));
        }
        return Optional.empty();
    }

    private static Optional<Problem> beyondType(Location where, String has, String range) {
        return Optional.of(
                new Problem(
                        where,
                        has + ", beyond what its type holds (" + range + ")",
                        "Keep the range within " + range + "."));
    }

    /** "above 0 and up to 5", "from 1", "below 100". */
    private static String allowed(ColumnLimits limits) {
        String low =
                limits.min() == null
                        ? null
                        : (limits.minExclusive() ? "above " : "from ")
                                + limits.min().toPlainString();
        String high =
                limits.max() == null
                        ? null
                        : (limits.maxExclusive() ? "below " : "up to ")
                                + limits.max().toPlainString();
        return low == null ? high : high == null ? low : low + " and " + high;
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /** The decimals values get: the column's scale (at most 18), MONEY's 2, else the bounds' own and at least 2. */
    private static int scale(ColumnType type, Bound from, Bound to) {
        if (type.kind() == Kind.MONEY) {
            return 2;
        }
        if (type.scale() >= 0 && type.precision() > 0) {
            return Math.min(type.scale(), 18);
        }
        return Math.min(
                18,
                Math.max(
                        2,
                        Math.max(
                                from.number().stripTrailingZeros().scale(),
                                to.number().stripTrailingZeros().scale())));
    }

    private static BigInteger unscaled(BigDecimal value, int scale, RoundingMode rounding) {
        return value.movePointRight(scale).setScale(0, rounding).toBigIntegerExact();
    }

    private static Instant instant(Bound bound, ZoneId sessionZone) {
        return bound.offset() != null
                ? bound.time().toInstant(bound.offset())
                : bound.time().atZone(sessionZone).toInstant();
    }

    private static long ceilSecond(LocalDateTime time, ZoneOffset offset) {
        return ceilSecond(time.toInstant(offset));
    }

    private static long floorSecond(LocalDateTime time, ZoneOffset offset) {
        return time.toEpochSecond(offset);
    }

    private static long ceilSecond(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }

    private static long floorSecond(Instant instant) {
        return instant.getEpochSecond();
    }
}
