package dev.parity.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A table as the engine describes it: columns in order, keys, foreign keys and CHECK constraints.
 *
 * @param schema        its schema (PostgreSQL) or database (MariaDB)
 * @param qualifiedName schema and name, quoted for SQL
 * @param name          how datasets name it: its bare name in the connection's schema, {@code schema.name} in another
 * @param uniqueKeys    unique constraints and indexes, each as its columns; a partial or expression index counts as a
 *                      key of the columns it mentions, which is stricter and so safe. A partitioned table's include its
 *                      partitions' (as do its foreign keys and checks)
 * @param partitioning  how rows are routed to partitions, or null: not partitioned (or by something Parity does not read)
 * @param triggerFilled whether a BEFORE INSERT row trigger may fill columns the load leaves out
 * @param maintained    columns the schema's triggers keep up to date from other tables' rows (a count of a person's
 *                      posts), found in the triggers' UPDATEs ({@link TriggerWrites})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TableInfo(
        String schema,
        String name,
        String qualifiedName,
        List<ColumnInfo> columns,
        List<String> primaryKey,
        List<List<String>> uniqueKeys,
        List<ForeignKey> foreignKeys,
        List<Check> checks,
        Partitioning partitioning,
        boolean triggerFilled,
        java.util.Set<String> maintained) {

    public TableInfo {
        maintained = java.util.Set.copyOf(maintained);
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** A table that is not partitioned and has no triggers that fill columns. */
    public TableInfo(
            String schema,
            String name,
            String qualifiedName,
            List<ColumnInfo> columns,
            List<String> primaryKey,
            List<List<String>> uniqueKeys,
            List<ForeignKey> foreignKeys,
            List<Check> checks) {
        this(
                schema,
                name,
                qualifiedName,
                columns,
                primaryKey,
                uniqueKeys,
                foreignKeys,
                checks,
                null,
                false,
                java.util.Set.of());
    }

    /** A table whose triggers maintain no columns of it. */
    public TableInfo(
            String schema,
            String name,
            String qualifiedName,
            List<ColumnInfo> columns,
            List<String> primaryKey,
            List<List<String>> uniqueKeys,
            List<ForeignKey> foreignKeys,
            List<Check> checks,
            Partitioning partitioning,
            boolean triggerFilled) {
        this(
                schema,
                name,
                qualifiedName,
                columns,
                primaryKey,
                uniqueKeys,
                foreignKeys,
                checks,
                partitioning,
                triggerFilled,
                java.util.Set.of());
    }

    /**
     * A foreign key: {@code columns} reference {@code refColumns} of {@code refTable} (named as datasets name it), pairwise.
     *
     * @param deferrable whether its check can wait for the end of the transaction
     */
    public record ForeignKey(
            String name,
            List<String> columns,
            String refTable,
            List<String> refColumns,
            boolean deferrable) {

        public ForeignKey(
                String name, List<String> columns, String refTable, List<String> refColumns) {
            this(name, columns, refTable, refColumns, false);
        }
    }

    /**
     * How a partitioned table routes rows, by one column: a row whose value no partition takes is rejected.
     *
     * @param column     the partition key's column
     * @param bounds     each partition's bound on it
     * @param hasDefault whether a default partition takes every other value
     */
    public record Partitioning(
            Strategy strategy, String column, List<Bound> bounds, boolean hasDefault) {

        public enum Strategy {
            RANGE,
            LIST,
            HASH
        }

        public Partitioning {
            bounds = List.copyOf(bounds);
        }

        /**
         * One partition's values, as SQL literals' text: {@code values} of a list partition, or a range from
         * {@code from} (inclusive) to {@code to} (exclusive), null where the range is open ({@code MINVALUE}, {@code MAXVALUE}).
         */
        public record Bound(List<String> values, String from, String to) {}
    }

    /**
     * A CHECK constraint.
     *
     * @param definition as the engine prints it, for messages, e.g. {@code CHECK ((price > (0)::numeric))}
     * @param condition  the boolean expression as the engine can evaluate it
     * @param neutral    the condition in the standard SQL Parity's CHECK parser reads: identifiers bare or in
     *                   double quotes, strings with {@code ''} escapes, LIKE spelled out; the engine's own casts
     *                   ({@code ::text}) and functions as they are
     */
    public record Check(String name, String definition, String condition, String neutral) {}

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key and every unique constraint or index, each as its columns. */
    public List<List<String>> keys() {
        List<List<String>> keys = new ArrayList<>();
        if (!primaryKey.isEmpty()) {
            keys.add(primaryKey);
        }
        uniqueKeys.stream().filter(k -> !k.equals(primaryKey)).forEach(keys::add);
        return keys;
    }
}
