package dev.parity.data;

import dev.parity.config.Location;
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
 * @param origin  where the spec was written ({@code parity.yml, line 12}, or an annotation on a class);
 *                every problem with this spec is reported there. Not part of its identity: two classes
 *                declaring the same dataset share one load.
 */
@API(status = API.Status.INTERNAL)
public record DatasetSpec(String table, long rows, OptionalLong seed, Mess mess, Map<String, ColumnRule> columns, Location origin) {

    public DatasetSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mess, "mess");
        Objects.requireNonNull(origin, "origin");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** {@code rows} rows of {@code table} with the default mess, no rules and no own seed. */
    public static DatasetSpec of(String table, long rows) {
        return new DatasetSpec(table, rows, OptionalLong.empty(), Mess.defaults(), Map.of(), Location.of("dataset " + table));
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

    public DatasetSpec withOrigin(Location where) {
        return new DatasetSpec(table, rows, seed, mess, columns, where);
    }

    /** The rule for {@code column}: its own, or {@link ColumnRule#FROM_TYPE}. */
    public ColumnRule rule(String column) {
        return columns.getOrDefault(column, ColumnRule.FROM_TYPE);
    }

    /** Equal when they load the same rows, wherever they were declared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetSpec that && table.equals(that.table) && rows == that.rows && seed.equals(that.seed)
                && mess.equals(that.mess) && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, rows, seed, mess, columns);
    }
}
