package dev.parity.data;

import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers within the column's type and CHECK limits: integers and decimals in a usual range chosen by
 * name (amounts log-uniform: many small, a few large), floats, years, bits and booleans; their extremes
 * are the limits themselves, 0, 1 and -1.
 */
final class NumberValues {

    private static final long MAX_UNSCALED = 999_999_999_999_999_999L;

    private NumberValues() {}

    static ColumnValues integer(String columnName, ColumnType type, ColumnLimits limits) {
        long lo = Math.max(type.min(), lowest(limits, 0));
        long hi = Math.min(type.max(), highest(limits, 0));
        long[] usual = NameRules.integerRange(columnName, NameRules.words(columnName));
        long from = Math.max(lo, usual[0]);
        long to = Math.min(hi, usual[1]);
        if (from > to) {
            from = lo;
            to = lo <= hi - 1000 ? lo + 1000 : hi;
        }
        long first = from;
        long span = to - from + 1;
        return new ColumnValues(
                (row, r) -> Long.toString(first + r.nextLong(span)), extremes(lo, hi, 0), false);
    }

    static ColumnValues year(ColumnType type, ColumnLimits limits) {
        long lo = Math.max(type.min(), lowest(limits, 0));
        long hi = Math.min(type.max(), highest(limits, 0));
        long from = Math.max(lo, 1950);
        long to = Math.min(hi, 2030);
        if (from > to) {
            from = lo;
            to = hi;
        }
        long first = from;
        long span = to - from + 1;
        return new ColumnValues(
                (row, r) -> Long.toString(first + r.nextLong(span)), extremes(lo, hi, 0), false);
    }

    static ColumnValues bits(ColumnType type, ValueSyntax syntax) {
        int width = Math.max(1, type.length());
        int bits = Math.min(63, width);
        long max = (1L << bits) - 1;
        // a mask, not nextLong(max + 1): for 63 bits max + 1 overflows and the values would be
        // negative
        return new ColumnValues(
                (row, r) -> syntax.bits(r.nextLong() & max, width),
                List.of(syntax.bits(0, width), syntax.bits(max, width)),
                false);
    }

    static ColumnValues bool(ValueSyntax syntax) {
        String yes = syntax.bool(true);
        String no = syntax.bool(false);
        return ColumnValues.of((row, r) -> r.nextInt(10) < 6 ? yes : no);
    }

    static ColumnValues decimal(
            String columnName, ColumnType type, int precision, int scale, ColumnLimits limits) {
        boolean unconstrained = precision < 0;
        int s =
                unconstrained
                        ? 2
                        : Math.min(
                                scale,
                                18); // a long holds 18 digits: finer scales get values with 18
        int integerDigits = unconstrained ? 16 : precision - scale;
        long typeMax =
                integerDigits + s >= 18
                        ? MAX_UNSCALED
                        : BigInteger.TEN.pow(integerDigits + s).longValueExact() - 1;
        long lo = Math.max(type.min() >= 0 ? 0 : -typeMax, lowest(limits, s));
        long hi = Math.min(typeMax, highest(limits, s));
        long unit = BigInteger.TEN.pow(s).longValueExact();
        long[] usual = NameRules.decimalRange(NameRules.words(columnName));
        long from = Math.max(lo, usual[0] * unit);
        long to = Math.min(hi, usual[1] * unit);
        if (from > to) {
            from = lo;
            to = hi;
        }
        long first = from;
        long last = to;
        long span = to - from + 1;
        List<String> extremes = extremes(lo, hi, s);
        if (unconstrained && limits.min() == null && limits.max() == null && type.min() < 0) {
            extremes.add("123456789012345678901234567890.123456789012345");
            extremes.add("-123456789012345678901234567890.123456789012345");
            extremes.add("0.000000000000000000000000000001");
        }
        boolean skewed = span > 100 * unit;
        long negatives = Math.max(0, Math.min(last, -1) - first + 1);
        return new ColumnValues(
                (row, r) -> {
                    if (!skewed) {
                        return Formats.decimal(first + r.nextLong(span), s);
                    }
                    // amounts follow roughly a log-uniform law: many small ones, a few large; one
                    // in ten below zero where allowed
                    boolean negative = negatives > 0 && (negatives == span || r.nextInt(10) == 0);
                    long low = negative ? 0 : Math.max(0, first);
                    long high = negative ? negatives : last - low + 1;
                    // log-uniform from one unit (1.00) up: exact zeros and cents stay rare, as in
                    // production
                    double floor = Math.log(Math.min(unit, high - 1) + 1.0);
                    long magnitude =
                            Math.min(
                                    high - 1,
                                    (long)
                                                    Math.exp(
                                                            floor
                                                                    + r.nextDouble()
                                                                            * (Math.log(high)
                                                                                    - floor))
                                            - 1);
                    return Formats.decimal(
                            negative ? Math.min(last, -1) - magnitude : low + magnitude, s);
                },
                extremes,
                false);
    }

    static ColumnValues floating(ColumnType type, ColumnLimits limits) {
        boolean single = type.kind() == ColumnType.Kind.FLOAT;
        double max =
                limits.max() == null
                        ? Double.NaN
                        : limits.max().doubleValue() - (limits.maxExclusive() ? 1e-6 : 0);
        // without a lower limit from 0, or from 1000 below an upper limit under 0
        double lo =
                limits.min() != null
                        ? limits.min().doubleValue() + (limits.minExclusive() ? 1e-6 : 0)
                        : max < 0 ? max - 1000 : 0;
        double hi = limits.max() == null ? lo + 1000 : max;
        List<String> extremes = new ArrayList<>();
        if (!limits.hasRange()) {
            extremes.addAll(
                    single
                            ? List.of("3.4e38", "-3.4e38", "1e-37", "0", "-0")
                            : List.of("1e308", "-1e308", "1e-307", "0", "-0"));
            if (type.min() >= 0) {
                extremes.removeIf(e -> e.startsWith("-")); // unsigned
            }
        } else {
            extremes.add(Double.toString(lo));
            extremes.add(Double.toString(hi));
        }
        return new ColumnValues(
                (row, r) -> Double.toString(lo + r.nextDouble() * (hi - lo)), extremes, false);
    }

    /** Lowest unscaled value (value * 10^scale) the limits allow, or Long.MIN_VALUE. */
    static long lowest(ColumnLimits limits, int scale) {
        if (limits.min() == null) {
            return Long.MIN_VALUE;
        }
        BigDecimal scaled = limits.min().movePointRight(scale);
        BigDecimal ceiling = scaled.setScale(0, RoundingMode.CEILING);
        if (limits.minExclusive() && ceiling.compareTo(scaled) == 0) {
            ceiling = ceiling.add(BigDecimal.ONE);
        }
        return clamp(ceiling.toBigInteger());
    }

    static long highest(ColumnLimits limits, int scale) {
        if (limits.max() == null) {
            return Long.MAX_VALUE;
        }
        BigDecimal scaled = limits.max().movePointRight(scale);
        BigDecimal floor = scaled.setScale(0, RoundingMode.FLOOR);
        if (limits.maxExclusive() && floor.compareTo(scaled) == 0) {
            floor = floor.subtract(BigDecimal.ONE);
        }
        return clamp(floor.toBigInteger());
    }

    private static long clamp(BigInteger value) {
        return value.max(BigInteger.valueOf(Long.MIN_VALUE))
                .min(BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
    }

    private static List<String> extremes(long lo, long hi, int scale) {
        List<String> extremes = new ArrayList<>();
        for (long candidate : new long[] {lo, hi, 0, 1, -1}) {
            String text = Formats.decimal(candidate, scale);
            if (candidate >= lo && candidate <= hi && !extremes.contains(text)) {
                extremes.add(text);
            }
        }
        return extremes;
    }
}
