package dev.parity.data;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType.Repertoire;
import java.util.List;

/**
 * One written column: its clean values and the mess it may take. Each cell's value is a function of
 * (table seed, row, column) only.
 */
final class ColumnPlan {

    /** How far back a duplicate reaches: near enough to be found by a test, far enough to be unnoticed. */
    private static final int DUPLICATE_WINDOW = 1000;

    private static final int MAX_HOPS = 8;

    private final ColumnInfo column;
    private final long salt;
    private final ValueGenerator generator;
    private final String[] extremes;
    private final boolean text;
    private final boolean trailingKept;
    private final Repertoire repertoire;
    private final int minLength;
    private final int maxLength;
    // cumulative thresholds of the mess kinds, in this order
    private final double nulls;
    private final double duplicates;
    private final double extremesUpTo;
    private final double unicode;
    private final double whitespace;
    private final MessCount count;

    ColumnPlan(ColumnInfo column, ColumnValues values, Mess mess, int minLength, int maxLength) {
        this.column = column;
        this.salt = CellRandom.hash(column.name());
        this.generator = values.generator();
        this.extremes = values.extremes().toArray(String[]::new);
        this.text = values.text();
        this.trailingKept = !column.type().isFixedWidth();
        this.repertoire = column.type().repertoire();
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.nulls = mess.nulls();
        this.duplicates = nulls + mess.duplicates();
        this.extremesUpTo = duplicates + (extremes.length > 0 ? mess.extremes() : 0);
        this.unicode = extremesUpTo + (text ? mess.unicode() : 0);
        this.whitespace = unicode + (text ? mess.whitespace() : 0);
        this.count =
                new MessCount(
                        nulls > 0,
                        duplicates > nulls,
                        extremesUpTo > duplicates,
                        unicode > extremesUpTo,
                        whitespace > unicode);
    }

    /** The mess its written cells took so far. */
    MessCount count() {
        return count;
    }

    String name() {
        return column.name();
    }

    ColumnInfo column() {
        return column;
    }

    /** The value of this column in {@code row}, mess included. */
    String value(long tableSeed, long row, CellRandom random) {
        return value(tableSeed, row, random, draw(tableSeed, row, random), 0);
    }

    /** {@link #value}, for the cell written to the table: its mess is counted. */
    String written(long tableSeed, long row, CellRandom random) {
        double u = draw(tableSeed, row, random);
        if (u < whitespace) {
            count.add(
                    u < nulls
                            ? MessCount.Kind.NULLS
                            : u < duplicates
                                    ? MessCount.Kind.DUPLICATES
                                    : u < extremesUpTo
                                            ? MessCount.Kind.EXTREMES
                                            : u < unicode
                                                    ? MessCount.Kind.UNICODE
                                                    : MessCount.Kind.WHITESPACE);
        }
        return value(tableSeed, row, random, u, 0);
    }

    /** The cell's first draw, which decides its mess: the random seeded by (table seed, row, column). */
    private double draw(long tableSeed, long row, CellRandom random) {
        random.seed(CellRandom.mix(CellRandom.mix(tableSeed, row), salt));
        return random.nextDouble();
    }

    /** A duplicate copies the final value of an earlier row, itself maybe a duplicate: a few hops at most. */
    private String value(long tableSeed, long row, CellRandom random, double u, int hops) {
        if (u >= whitespace) {
            return fit(generator.next(row, random));
        }
        if (u < nulls) {
            return null;
        }
        if (u < duplicates) {
            if (row == 0) {
                return fit(generator.next(row, random));
            }
            long source = row - 1 - random.nextLong(Math.min(row, DUPLICATE_WINDOW));
            int variant = text ? random.nextInt(4) : 0;
            String copied =
                    hops < MAX_HOPS
                            ? value(
                                    tableSeed,
                                    source,
                                    random,
                                    draw(tableSeed, source, random),
                                    hops + 1)
                            : clean(tableSeed, source, random);
            return copied == null ? null : fit(Nastiness.variant(copied, variant));
        }
        if (u < extremesUpTo) {
            return fit(extremes[random.nextInt(extremes.length)]);
        }
        String clean = generator.next(row, random);
        if (u < unicode) {
            return fit(Nastiness.unicode(clean, random, repertoire));
        }
        if (clean == null) {
            return null;
        }
        if (maxLength >= 0) {
            clean = Formats.truncate(clean, Math.max(0, maxLength - 4)); // room for the padding
        }
        return fit(Nastiness.whitespace(clean, random, trailingKept));
    }

    /** The value {@code row} has before any mess. */
    String clean(long tableSeed, long row, CellRandom random) {
        draw(
                tableSeed, row,
                random); // the mess draw, skipped: the clean value comes from the same draws as in
        // value()
        return fit(generator.next(row, random));
    }

    /** Text within the column's length and character set, padded to its minimum length. */
    private String fit(String value) {
        if (value == null || !text) {
            return value;
        }
        String fitted = Nastiness.fitted(Formats.truncate(value, maxLength), repertoire);
        if (minLength > 0 && Formats.length(fitted) < minLength) {
            StringBuilder padded = new StringBuilder(fitted);
            while (Formats.length(padded.toString()) < minLength) {
                padded.append('x');
            }
            return padded.toString();
        }
        return fitted;
    }

    static List<String> names(List<ColumnPlan> columns) {
        return columns.stream().map(ColumnPlan::name).toList();
    }
}
