package dev.parity.data;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many of a column's written cells took each kind of mess, counted as they are made (clean cells cost
 * nothing: only a messy one is counted), from any thread. {@link #measured} turns a table's counts into
 * fractions, each of the cells that could take that kind, to set beside what the dataset asked for.
 */
final class MessCount {

    enum Kind {
        NULLS,
        DUPLICATES,
        EXTREMES,
        UNICODE,
        WHITESPACE
    }

    private final LongAdder[] counts = new LongAdder[Kind.values().length];
    private final boolean[] possible;

    /** @param possible by {@link Kind}, whether this column can take that kind of mess at all */
    MessCount(boolean... possible) {
        this.possible = possible.clone();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void add(Kind kind) {
        counts[kind.ordinal()].increment();
    }

    /**
     * The table's mess: for each kind, its cells over the written cells ({@code rows} per column) of the columns
     * that could take it; 0 where none could.
     */
    static Mess measured(List<MessCount> columns, long rows) {
        double[] fractions = new double[Kind.values().length];
        for (Kind kind : Kind.values()) {
            long cells = 0;
            long messy = 0;
            for (MessCount column : columns) {
                if (column.possible[kind.ordinal()]) {
                    cells += rows;
                    messy += column.counts[kind.ordinal()].sum();
                }
            }
            fractions[kind.ordinal()] = cells == 0 ? 0 : (double) messy / cells;
        }
        return new Mess(
                fractions[Kind.NULLS.ordinal()],
                fractions[Kind.UNICODE.ordinal()],
                fractions[Kind.WHITESPACE.ordinal()],
                fractions[Kind.DUPLICATES.ordinal()],
                fractions[Kind.EXTREMES.ordinal()]);
    }
}
