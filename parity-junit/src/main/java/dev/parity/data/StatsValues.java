package dev.parity.data;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of a {@link ColumnRule.Stats} column. Each row takes a position of its own in a seeded shuffle
 * of the rows ({@link RowShuffle}); the positions, read as fractions of the rows, fall into consecutive
 * segments: NULLs, each most common value, then the other values, each of those equally often. So the
 * fractions are exact and the distinct values come out as many as asked (as the rows allow), whatever the
 * seed. The other values are the histogram's buckets, each holding as many values as the others (as
 * PostgreSQL's equal-frequency histograms do), or generated values of the column's type and name, the same
 * one for the same index in every row.
 */
final class StatsValues {

    /** Fractions of the rows that make no difference. */
    private static final double EPSILON = 1e-9;

    private StatsValues() {}

    static ColumnContext.Planned plan(ColumnRule.Stats stats, ColumnContext column) {
        ColumnInfo info = column.info();
        long rows = column.rows();
        double nulls = info.nullable() && stats.nulls() != null ? stats.nulls() : 0;
        List<String> common = new ArrayList<>(stats.mcv().keySet());
        List<Double> fractions = new ArrayList<>(stats.mcv().values());
        fractions.addAll(stats.withheld());
        double others =
                Math.max(0, 1 - nulls - fractions.stream().mapToDouble(Double::doubleValue).sum());
        double[] upTo = new double[fractions.size() + 1];
        upTo[0] = nulls;
        for (int i = 0; i < fractions.size(); i++) {
            upTo[i + 1] = upTo[i] + fractions.get(i);
        }
        double total =
                upTo[fractions.size()]
                        + others; // above 1 only where a NOT NULL column drops production's NULLs
        long otherCount =
                others < EPSILON
                        ? 0
                        : Math.max(1, distinct(stats, rows, others) - fractions.size());

        long seed = CellRandom.mix(column.seed(), CellRandom.hash("stats"));
        ColumnContext.Planned base = column.fromType();
        ValueGenerator generated = base.values() == null ? null : base.values().generator();
        // free text takes a suffix to make its values distinct; a closed set (a CHECK's list, an
        // enum) keeps its values
        boolean freeText = base.values() != null && base.values().text();
        Pool pool = new Pool(generated, seed, freeText, info.type().length(), stats.width());
        List<String> bounds =
                stats.histogram().size() >= 2
                        ? stats.histogram()
                        : spanOf(generated, info.type(), seed);
        Placed histogram = Histogram.of(bounds, info.type(), otherCount, seed, column);
        int withheldFrom = common.size();
        int withheldCount = stats.withheld().size();
        Order order = order(stats.correlation(), rows, seed);
        ValueGenerator values =
                (row, r) -> {
                    double u = (order.position(row) + 0.5) / Math.max(1, rows) * total;
                    if (u < upTo[0]) {
                        return null;
                    }
                    int k = firstAbove(upTo, u);
                    if (k < upTo.length) {
                        int value = k - 1;
                        return value < withheldFrom
                                ? common.get(value)
                                : pool.value(value - withheldFrom, r);
                    }
                    double place =
                            Math.min(
                                    1 - EPSILON,
                                    (u - upTo[upTo.length - 1]) / Math.max(others, EPSILON));
                    return histogram != null
                            ? histogram.next(place, r)
                            : pool.value(withheldCount + (long) (place * otherCount), r);
                };
        return new ColumnContext.Planned(
                new ColumnValues(values, List.of(), info.type().isText()), Mess.none());
    }

    /** The first index from 1 whose bound is above {@code u}, or the length: a statistics target of 10,000 lists as many values. */
    private static int firstAbove(double[] upTo, double u) {
        int low = 1;
        int high = upTo.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (u < upTo[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** How many values of the column's own generator tell its span. */
    private static final int SPAN_SAMPLE = 256;

    /**
     * A one-bucket histogram from the lowest to the highest of a sample of the column's own values (a birth date's
     * usual years, an amount's usual range), so that values made without production's histogram are as distinct as
     * asked, not drawn with repeats; empty where the type is no range or the values are no bounds. Called while
     * planning, before Datafaker's pools are filled: numbers' and dates' generators use none.
     */
    private static List<String> spanOf(ValueGenerator generated, ColumnType type, long seed) {
        if (generated == null || !ranged(type)) {
            return List.of();
        }
        CellRandom random = new CellRandom();
        Bound lowest = null;
        Bound highest = null;
        for (int i = 0; i < SPAN_SAMPLE; i++) {
            String value = generated.next(i, random.seed(CellRandom.mix(seed, -1 - i)));
            Optional<Bound> bound = value == null ? Optional.empty() : Bound.parse(value);
            if (bound.isEmpty()) {
                return List.of();
            }
            lowest = lowest == null || lowest.isAfter(bound.get()) ? bound.get() : lowest;
            highest = highest == null || bound.get().isAfter(highest) ? bound.get() : highest;
        }
        return List.of(lowest.text(), highest.text());
    }

    /** Whether a column of {@code type} takes a histogram: numbers, dates and timestamps. */
    static boolean ranged(ColumnType type) {
        return switch (type.kind()) {
            case INTEGER, YEAR, DECIMAL, MONEY, FLOAT, DOUBLE, DATE, TIMESTAMP, TIMESTAMP_TZ ->
                    true;
            default -> false;
        };
    }

    /** How many distinct values the column has in {@code rows} rows, NULL not counted. */
    static long distinct(ColumnRule.Stats stats, long rows, double others) {
        if (stats.distinct() == null) {
            return Math.round(Math.ceil(others * rows))
                    + stats.mcv().size()
                    + stats.withheld().size();
        }
        return Math.round(stats.distinct() > 0 ? stats.distinct() : -stats.distinct() * rows);
    }

    /** A row's place among the rows: shuffled, or in order where the values follow the rows' order. */
    private interface Order {
        long position(long row);
    }

    private static Order order(Double correlation, long rows, long seed) {
        if (correlation != null && correlation >= 0.9) {
            return row -> row;
        }
        if (correlation != null && correlation <= -0.9) {
            return row -> rows - 1 - row;
        }
        RowShuffle shuffle = new RowShuffle(rows, seed);
        return shuffle::position;
    }

    /** Generated values by index: the same index, the same value; text made distinct by a suffix and kept near {@code width}. */
    private static final class Pool {
        private final ValueGenerator generated;
        private final long seed;
        private final boolean text;
        private final int length;
        private final int width;

        Pool(ValueGenerator generated, long seed, boolean text, int length, Double width) {
            this.generated = generated;
            this.seed = seed;
            this.text = text;
            this.length = length;
            this.width = width == null ? -1 : (int) Math.max(1, Math.round(width));
        }

        String value(long index, CellRandom random) {
            if (generated == null) {
                return null;
            }
            random.seed(CellRandom.mix(seed, index));
            String value = generated.next(index, random);
            if (!text || value == null) {
                return value;
            }
            String suffix = Long.toString(index, 36);
            int max = length;
            if (width > 0) {
                StringBuilder longer = new StringBuilder(value);
                while (longer.length() > 0 && longer.length() + suffix.length() + 1 < width) {
                    longer.append(' ').append(value);
                }
                value = longer.toString();
                int near = Math.max(width + width / 4, suffix.length() + 2);
                max = max < 0 ? near : Math.min(max, near);
            }
            return ColumnGenerators.withSuffix(value, suffix, max);
        }
    }

    /** A value by its place among the rows of the other values, in [0, 1). */
    @FunctionalInterface
    private interface Placed {
        String next(double place, CellRandom random);
    }

    /** The other values within a histogram's buckets, each bucket as many rows as the others. */
    static final class Histogram {

        private Histogram() {}

        /**
         * Null when there is no histogram, or the column's type is not a range of numbers, dates or timestamps. The
         * generator takes the place of a row among the other values, in [0, 1): each bucket takes as many rows as the
         * others, and within a bucket each of its values as many. The {@code count} distinct values are spread over
         * the buckets evenly, except that a bucket holds no more than its range has (1.00 to 1.05 holds six amounts):
         * what it cannot hold goes to the others, and its rows repeat its values, as production's do.
         */
        static Placed of(
                List<String> bounds, ColumnType type, long count, long seed, ColumnContext column) {
            if (bounds.size() < 2 || count <= 0 || !StatsValues.ranged(type)) {
                return null;
            }
            int buckets = bounds.size() - 1;
            RangeValues[] ranges = new RangeValues[buckets];
            long[] capacity = new long[buckets];
            boolean floating =
                    type.kind() == ColumnType.Kind.FLOAT || type.kind() == ColumnType.Kind.DOUBLE;
            for (int b = 0; b < buckets; b++) {
                ranges[b] =
                        RangeValues.of(
                                type,
                                bound(bounds.get(b)),
                                bound(bounds.get(b + 1)),
                                column.sessionZone(),
                                column.syntax().zonesInLiterals());
                // a bucket's lower bound is the one before's upper: counted once, in the bucket
                // before
                capacity[b] = floating ? Long.MAX_VALUE : ranges[b].capacity() - (b > 0 ? 1 : 0);
            }
            long[] sizes = spread(count, capacity);
            ValueGenerator[] within = new ValueGenerator[buckets];
            for (int b = 0; b < buckets; b++) {
                String lower = bounds.get(b);
                if (floating) {
                    within[b] = ranges[b].any();
                } else if (capacity[b] <= 0) {
                    within[b] = (j, r) -> lower;
                } else if (b == 0) {
                    within[b] = ranges[b].unique(sizes[b]);
                } else {
                    ValueGenerator past =
                            ranges[b].unique(
                                    sizes[b]
                                            + 1); // its first stride holds the lower bound: skipped
                    within[b] = (j, r) -> past.next(j + 1, r);
                }
            }
            return (place, r) -> {
                int b = (int) Math.min(buckets - 1, (long) (place * buckets));
                long j = Math.min(sizes[b] - 1, (long) ((place * buckets - b) * sizes[b]));
                r.seed(CellRandom.mix(CellRandom.mix(seed, b), j));
                return within[b].next(j, r);
            };
        }

        /** {@code count} values over buckets of the given capacities: evenly, none past its capacity, each at least one. */
        static long[] spread(long count, long[] capacity) {
            int buckets = capacity.length;
            long[] sizes = new long[buckets];
            boolean[] full = new boolean[buckets];
            long left = Math.max(count, buckets);
            int open = buckets;
            boolean capped = true;
            while (capped && open > 0) {
                capped = false;
                long share = Math.max(1, left / open);
                for (int b = 0; b < buckets; b++) {
                    if (!full[b] && capacity[b] <= share) {
                        sizes[b] = Math.max(1, capacity[b]);
                        full[b] = true;
                        left -= sizes[b];
                        open--;
                        capped = true;
                    }
                }
            }
            long extra = open == 0 ? 0 : Math.max(0, left);
            int seen = 0;
            for (int b = 0; b < buckets; b++) {
                if (!full[b]) {
                    sizes[b] = Math.max(1, extra / open + (seen++ < extra % open ? 1 : 0));
                }
            }
            return sizes;
        }

        private static Bound bound(String text) {
            return Bound.parse(text)
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "a histogram bound the validator let through: "
                                                    + text));
        }
    }
}
