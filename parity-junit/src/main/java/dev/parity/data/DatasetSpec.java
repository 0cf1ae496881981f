package dev.parity.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One table to fill: how many rows, how messy, and what some of its columns hold.
 *
 * @param table   the table, as named in the database's current schema (or {@code schema.table})
 * @param rows    how many rows to add, 0 or more
 * @param seed    this dataset's own seed, overriding the load's seed for its rows and pools
 * @param mess    how messy; {@link Mess#defaults()} unless the profile says otherwise
 * @param columns rules for some columns, in the order written; the others are generated
 * @param origin  where the spec was written, e.g. {@code "parity.yml, line 12"}; every error about this
 *                spec starts with it
 */
@API(status = API.Status.INTERNAL)
public record DatasetSpec(String table, long rows, OptionalLong seed, Mess mess, Map<String, ColumnRule> columns, String origin) {

    public DatasetSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mess, "mess");
        Objects.requireNonNull(origin, "origin");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** {@code rows} rows of {@code table} with the default mess, no rules and no own seed. */
    public static DatasetSpec of(String table, long rows) {
        return new DatasetSpec(table, rows, OptionalLong.empty(), Mess.defaults(), Map.of(), "dataset " + table);
    }

    public DatasetSpec withSeed(long ownSeed) {
        return new DatasetSpec(table, rows, OptionalLong.of(ownSeed), mess, columns, origin);
    }

    public DatasetSpec withMess(Mess newMess) {
        return new DatasetSpec(table, rows, seed, newMess, columns, origin);
    }

    public DatasetSpec withColumn(String column, ColumnRule rule) {
        Map<String, ColumnRule> more = new LinkedHashMap<>(columns);
        more.put(column, rule);
        return new DatasetSpec(table, rows, seed, mess, more, origin);
    }

    public DatasetSpec withOrigin(String where) {
        return new DatasetSpec(table, rows, seed, mess, columns, where);
    }
}
