package dev.parity.data;

import dev.parity.engine.ColumnInfo;
import dev.parity.engine.ColumnType;
import java.util.ArrayList;
import java.util.List;

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

    private StatsValues() {
    }

    static ColumnContext.Planned plan(ColumnRule.Stats stats, ColumnContext column) {
        ColumnInfo info = column.info();
        long rows = column.rows();
        double nulls = info.nullable() && stats.nulls() != null ? stats.nulls() : 0;
        List<String> common = new ArrayList<>(stats.mcv().keySet());
        List<Double> fractions = new ArrayList<>(stats.mcv().values());
        fractions.addAll(stats.withheld());
        double others = Math.max(0, 1 - nulls - fractions.stream().mapToDouble(Double::doubleValue).sum());
        double[] upTo = new double[fractions.size() + 1];
        upTo[0] = nulls;
        for (int i = 0; i < fractions.size(); i++) {
            upTo[i + 1] = upTo[i] + fractions.get(i);
        }
        double total = upTo[fractions.size()] + others; // above 1 only where a NOT NULL column drops production's NULLs
        long otherCount = others < EPSILON ? 0 : Math.max(1, distinct(stats, rows, others) - fractions.size());

        long seed = CellRandom.mix(column.seed(), CellRandom.hash("stats"));
        ColumnContext.Planned base = column.fromType();
        ValueGenerator generated = base.values() == null ? null : base.values().generator();
        Pool pool = new Pool(generated, seed, info.type(), stats.width());
        ValueGenerator histogram = Histogram.of(stats.histogram(), info.type(), otherCount, seed, column);
        int withheldFrom = common.size();
        int withheldCount = stats.withheld().size();
        Order order = order(stats.correlation(), rows, seed);
        ValueGenerator values = (row, r) -> {
            double u = (order.position(row) + 0.5) / Math.max(1, rows) * total;
            if (u < upTo[0]) {
                return null;
            }
            for (int k = 1; k < upTo.length; k++) {
                if (u < upTo[k]) {
                    int value = k - 1;
                    return value < withheldFrom ? common.get(value) : pool.value(value - withheldFrom, r);
                }
            }
            long index = Math.min(otherCount - 1, (long) ((u - upTo[upTo.length - 1]) / Math.max(others, EPSILON) * otherCount));
            return histogram != null ? histogram.next(index, r) : pool.value(withheldCount + index, r);
        };
        return new ColumnContext.Planned(new ColumnValues(values, List.of(), info.type().isText()), Mess.none());
    }

    /** Whether a column of {@code type} takes a histogram: numbers, dates and timestamps. */
    static boolean ranged(ColumnType type) {
        return switch (type.kind()) {
            case INTEGER, YEAR, DECIMAL, MONEY, FLOAT, DOUBLE, DATE, TIMESTAMP, TIMESTAMP_TZ -> true;
            default -> false;
        };
    }

    /** How many distinct values the column has in {@code rows} rows, NULL not counted. */
    static long distinct(ColumnRule.Stats stats, long rows, double others) {
        if (stats.distinct() == null) {
            return Math.round(Math.ceil(others * rows)) + stats.mcv().size() + stats.withheld().size();
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

        Pool(ValueGenerator generated, long seed, ColumnType type, Double width) {
            this.generated = generated;
            this.seed = seed;
            this.text = type.isText();
            this.length = type.length();
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

    /** The other values within a histogram's buckets, each bucket as many of them as the others. */
    private static final class Histogram {

        private Histogram() {
        }

        /** Null when there is no histogram, or the column's type is not a range of numbers, dates or timestamps. */
        static ValueGenerator of(List<String> bounds, ColumnType type, long count, long seed, ColumnContext column) {
            if (bounds.size() < 2 || count <= 0 || !StatsValues.ranged(type)) {
                return null;
            }
            int buckets = bounds.size() - 1;
            ValueGenerator[] within = new ValueGenerator[buckets];
            long[] first = new long[buckets + 1];
            for (int b = 0; b <= buckets; b++) {
                first[b] = ceilDiv(b * count, buckets);
            }
            for (int b = 0; b < buckets; b++) {
                long size = first[b + 1] - first[b];
                if (size <= 0) {
                    continue;
                }
                RangeValues range = RangeValues.of(type, bound(bounds.get(b)), bound(bounds.get(b + 1)), column.sessionZone(),
                        column.syntax().zonesInLiterals());
                boolean floating = type.kind() == ColumnType.Kind.FLOAT || type.kind() == ColumnType.Kind.DOUBLE;
                within[b] = !floating && range.capacity() >= size ? range.unique(size) : range.any();
            }
            return (index, r) -> {
                int b = (int) Math.min(buckets - 1, index * buckets / count);
                r.seed(CellRandom.mix(seed, index));
                return within[b].next(index - first[b], r);
            };
        }

        private static long ceilDiv(long a, long b) {
            return -Math.floorDiv(-a, b);
        }

        private static Bound bound(String text) {
            return Bound.parse(text).orElseThrow(() -> new IllegalStateException("a histogram bound the validator let through: " + text));
        }
    }
}
