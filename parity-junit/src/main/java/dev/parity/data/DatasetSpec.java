package dev.parity.data;

import dev.parity.config.Location;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One table to fill: how many rows, how messy, and what some of its columns hold. Or, when {@code table}
 * is a pattern ({@code *}, {@code public.*}, {@code *.*}), every table it matches that no dataset of its
 * own names.
 *
 * @param table   the table, as named in the database's current schema (or {@code schema.table}); or a
 *                pattern with {@code *}: {@code *} every table of the current schema, {@code schema.*}
 *                every table of that schema, {@code *.*} every table Parity reads ({@link #isPattern()})
 * @param rows    how many rows to add, 0 or more
 * @param seed    this dataset's own seed, overriding the load's seed for its rows and pools
 * @param mess    how messy; {@link Mess#defaults()} unless the profile says otherwise
 * @param columns rules for some columns, in the order written; the others are generated (a pattern's
 *                apply to the tables that have them)
 * @param followParents whether tables its NOT NULL foreign keys reference, when no dataset fills them and
 *                they are empty, are filled too (with their own parents); else such a reference is a problem
 * @param origin  where the spec was written ({@code parity.yml, line 12}, or an annotation on a class);
 *                every problem with this spec is reported there. Not part of its identity: two classes
 *                declaring the same dataset share one load.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DatasetSpec(
        String table,
        long rows,
        OptionalLong seed,
        Mess mess,
        Map<String, ColumnRule> columns,
        boolean followParents,
        Location origin) {

    public DatasetSpec {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mess, "mess");
        Objects.requireNonNull(origin, "origin");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** {@code rows} rows of {@code table} with the default mess, no rules, no own seed, parents followed. */
    public static DatasetSpec of(String table, long rows) {
        return new DatasetSpec(
                table,
                rows,
                OptionalLong.empty(),
                Mess.defaults(),
                Map.of(),
                true,
                Location.of("dataset " + table));
    }

    public DatasetSpec withSeed(long ownSeed) {
        return new DatasetSpec(
                table, rows, OptionalLong.of(ownSeed), mess, columns, followParents, origin);
    }

    public DatasetSpec withMess(Mess newMess) {
        return new DatasetSpec(table, rows, seed, newMess, columns, followParents, origin);
    }

    public DatasetSpec withColumn(String column, ColumnRule rule) {
        Map<String, ColumnRule> more = new LinkedHashMap<>(columns);
        more.put(column, rule);
        return new DatasetSpec(table, rows, seed, mess, more, followParents, origin);
    }

    public DatasetSpec withOrigin(Location where) {
        return new DatasetSpec(table, rows, seed, mess, columns, followParents, where);
    }

    /** Whether empty tables its NOT NULL foreign keys reference are filled too (the default), or reported. */
    public DatasetSpec withFollowParents(boolean follow) {
        return new DatasetSpec(table, rows, seed, mess, columns, follow, origin);
    }

    /** The same spec for another table: a table a pattern matched, or one followed. */
    DatasetSpec forTable(String otherTable, long otherRows, Map<String, ColumnRule> otherColumns) {
        return new DatasetSpec(
                otherTable, otherRows, seed, mess, otherColumns, followParents, origin);
    }

    /** Whether {@code table} is a pattern of tables ({@code *}, {@code public.*}) rather than one table. */
    public boolean isPattern() {
        return table.contains("*");
    }

    /** The rule for {@code column}: its own, or {@link ColumnRule#FROM_TYPE}. */
    public ColumnRule rule(String column) {
        return columns.getOrDefault(column, ColumnRule.FROM_TYPE);
    }

    /** Equal when they load the same rows, wherever they were declared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetSpec that
                && table.equals(that.table)
                && rows == that.rows
                && seed.equals(that.seed)
                && mess.equals(that.mess)
                && columns.equals(that.columns)
                && followParents == that.followParents;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, rows, seed, mess, columns, followParents);
    }
}
