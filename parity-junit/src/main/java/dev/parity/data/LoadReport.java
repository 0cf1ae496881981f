package dev.parity.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a load did.
 *
 * @param seed     the seed in use; the same seed, schema and specs give the same rows
 * @param tables   each table loaded, in load order
 * @param duration the whole load, validation included
 * @param phases   where that time went
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LoadReport(long seed, List<TableLoad> tables, Duration duration, LoadPhases phases) {

    public LoadReport {
        tables = List.copyOf(tables);
    }

    /** A report without its phases. */
    public LoadReport(long seed, List<TableLoad> tables, Duration duration) {
        this(seed, tables, duration, LoadPhases.none());
    }

    /**
     * One table: its rows and how long writing them took.
     *
     * @param neededBy the table whose NOT NULL foreign key made Parity fill this one, which no dataset asked
     *                 for (see {@link DatasetSpec#followParents()}); empty for a table a dataset asked for
     * @param mess     the mess its cells took, measured as they were made: each kind's share of the cells that could take it
     */
    public record TableLoad(
            String table, long rows, Duration duration, Optional<String> neededBy, Mess mess) {

        /** A table a dataset asked for. */
        public TableLoad(String table, long rows, Duration duration) {
            this(table, rows, duration, Optional.empty(), Mess.none());
        }

        /** "rental needs customer: filling it with 1,000 rows (turn off with follow-parents: false)", for a table nobody asked for. */
        public Optional<String> followed() {
            return neededBy.map(
                    child ->
                            String.format(
                                    Locale.ROOT,
                                    "%s needs %s: filling it with %,d %s (turn off with follow-parents: false)",
                                    child,
                                    table,
                                    rows,
                                    rows == 1 ? "row" : "rows"));
        }

        public double rowsPerSecond() {
            return rows / seconds(duration);
        }

        /** "customers 1,000 in 0.12 s (8,333 rows/s)"; a table of no rows gives no rate; a followed one says who needed it. */
        @Override
        public String toString() {
            String loaded =
                    String.format(Locale.ROOT, "%s %,d in %.2f s", table, rows, seconds(duration));
            List<String> notes = new ArrayList<>();
            if (rows > 0) {
                notes.add(String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond()));
            }
            neededBy.ifPresent(child -> notes.add("needed by " + child));
            return notes.isEmpty() ? loaded : loaded + " (" + String.join(", ", notes) + ")";
        }
    }

    /** One line for each table nobody asked for, which Parity filled because another needed it. */
    public List<String> followed() {
        return tables.stream().flatMap(t -> t.followed().stream()).toList();
    }

    public long rows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    public double rowsPerSecond() {
        return rows() / seconds(duration);
    }

    private static double seconds(Duration duration) {
        return Math.max(1e-9, duration.toNanos() / 1e9);
    }

    /** In the root locale, whatever locale a test pins: "11,000 rows in 1.30 s (8,462 rows/s), seed 42: customers 1,000 in 0.12 s (8,333 rows/s), orders 10,000 in ..." */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%,d rows in %.2f s (%,.0f rows/s), seed %d: %s",
                rows(),
                duration.toNanos() / 1e9,
                rowsPerSecond(),
                seed,
                tables.stream().map(TableLoad::toString).collect(Collectors.joining(", ")));
    }
}
