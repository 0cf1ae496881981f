package dev.parity.data;

import java.time.Duration;
import java.util.List;
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
    }

    public long rows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    public double rowsPerSecond() {
        return rows() / Math.max(1e-9, duration.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format("%,d rows in %.2f s (%,.0f rows/s), seed %d: %s", rows(), duration.toNanos() / 1e9, rowsPerSecond(), seed,
                tables.stream().map(t -> t.table() + " " + String.format("%,d", t.rows())).collect(Collectors.joining(", ")));
    }
}
