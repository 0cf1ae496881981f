package dev.parity.data;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a load did.
 *
 * @param seed     the seed in use; the same seed, schema and specs give the same rows
 * @param tables   each table loaded, in load order
 * @param duration the whole load, validation included
 */
@API(status = API.Status.INTERNAL)
public record LoadReport(long seed, List<TableLoad> tables, Duration duration) {

    public LoadReport {
        tables = List.copyOf(tables);
    }

    /** One table: its rows and how long writing them took. */
    public record TableLoad(String table, long rows, Duration duration) {

        public double rowsPerSecond() {
            return rows / seconds(duration);
        }

        /** "customers 1,000 in 0.12 s (8,333 rows/s)"; a table of no rows gives no rate. */
        @Override
        public String toString() {
            String loaded = String.format(Locale.ROOT, "%s %,d in %.2f s", table, rows, seconds(duration));
            return rows == 0 ? loaded : loaded + String.format(Locale.ROOT, " (%,.0f rows/s)", rowsPerSecond());
        }
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
        return String.format(Locale.ROOT, "%,d rows in %.2f s (%,.0f rows/s), seed %d: %s", rows(), duration.toNanos() / 1e9, rowsPerSecond(), seed,
                tables.stream().map(TableLoad::toString).collect(Collectors.joining(", ")));
    }
}
