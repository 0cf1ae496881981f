package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign keys and refs of one table, each a group of columns pointing at one referenced row: rows
 * loaded before it, rows already in the table, or (self-references) earlier rows of the table itself.
 */
final class References {

    /** Parent rows read from tables nobody loads, at most this many: enough to spread references over. */
    private static final int MAX_EXISTING_KEYS = 1_000_000;

    private final DatabaseState database;
    private final Map<String, TableInfo> schema;
    private final List<Problem> problems;

    References(DatabaseState database, Map<String, TableInfo> schema, List<Problem> problems) {
        this.database = database;
        this.schema = schema;
        this.problems = problems;
    }

    /** A group of columns pointing at rows of one table: a foreign key, or a ref. */
    static final class Reference {
        final String name;
        final List<String> columns;
        final KeySource keys;
        final Skew skew;
        final boolean nullable;
        final boolean self;

        /** Filled in a second pass, once the rows it points at are loaded (a nullable foreign key in a cycle). */
        final boolean later;

        long divisor;
        private ReferencePick pick;

        Reference(
                String name,
                List<String> columns,
                KeySource keys,
                Skew skew,
                boolean nullable,
                boolean self) {
            this(name, columns, keys, skew, nullable, self, false);
        }

        Reference(
                String name,
                List<String> columns,
                KeySource keys,
                Skew skew,
                boolean nullable,
                boolean self,
                boolean later) {
            this.later = later;
            this.name = name;
            this.columns = columns;
            this.keys = keys;
            this.skew = skew;
            this.nullable = nullable;
            this.self = self;
        }

        private final Map<Long, ReferencePick> retries =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** Whether it has rows to point at. */
        boolean canPoint() {
            return keys != null && keys.size() > 0;
        }

        /**
         * Its values for another attempt at a row (a CHECK said no to the first): another referenced row, from a
         * pick salted by the attempt; never NULL when {@code nonNull}. Enumerated keys keep their one pick.
         */
        ValueGenerator generator(
                String column, long tableSeed, double nulls, int attempt, boolean nonNull) {
            if (keys == null) {
                return (row, r) -> null;
            }
            if (divisor > 0) {
                return generator(column, tableSeed, nulls);
            }
            long key = attempt * 2L + (nonNull ? 1 : 0);
            ReferencePick retry =
                    retries.computeIfAbsent(
                            key,
                            k ->
                                    new ReferencePick(
                                            keys,
                                            skew,
                                            nullable && !nonNull,
                                            nulls,
                                            tableSeed,
                                            name + "#" + attempt,
                                            self,
                                            0));
            return retry.column(columns.indexOf(column));
        }

        ValueGenerator generator(String column, long tableSeed, double nulls) {
            if (keys == null) {
                return (row, r) -> null;
            }
            if (pick == null) {
                pick =
                        new ReferencePick(
                                keys, skew, nullable, nulls, tableSeed, name, self, divisor);
            }
            return pick.column(columns.indexOf(column));
        }
    }

    /**
     * The table's references. Those that {@code order} cut to break a cycle point at a table loaded later: a
     * deferrable one directly, a nullable one in a second pass.
     */
    List<Reference> of(
            DatasetSpec spec,
            TableInfo table,
            Map<String, TablePlan> plans,
            LoadOrder.Result order,
            TablePlan own)
            throws SQLException {
        Set<TableInfo.ForeignKey> broken = order.broken();
        List<Reference> references = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (TableInfo.ForeignKey fk : table.foreignKeys()) {
            boolean nullable =
                    fk.columns().stream()
                            .allMatch(c -> table.column(c).map(ColumnInfo::nullable).orElse(false));
            Skew skew = Skew.UNIFORM;
            for (int i = 0; i < fk.columns().size(); i++) {
                if (spec.columns().get(fk.columns().get(i)) instanceof ColumnRule.Ref ref) {
                    if (!ref.table().equalsIgnoreCase(fk.refTable())
                            || !ref.column().equalsIgnoreCase(fk.refColumns().get(i))) {
                        problems.add(
                                new Problem(
                                        spec.origin(),
                                        "column '"
                                                + fk.columns().get(i)
                                                + "' has ref '"
                                                + ref.table()
                                                + "."
                                                + ref.column()
                                                + "', but its foreign key "
                                                + fk.name()
                                                + " points at "
                                                + fk.refTable()
                                                + "."
                                                + fk.refColumns().get(i),
                                        "Write ref: "
                                                + fk.refTable()
                                                + "."
                                                + fk.refColumns().get(i)
                                                + ", or remove the ref."));
                    }
                    skew = ref.skew();
                }
            }
            if (broken.contains(fk) || order.deferred().contains(fk)) {
                long rows = order.rows().getOrDefault(fk.refTable(), 0L);
                KeySource keys =
                        KeySource.later(() -> plans.get(fk.refTable()), rows, fk.refColumns());
                if (rows == 0 && !nullable) {
                    problems.add(
                            new Problem(
                                    spec.origin(),
                                    "table '"
                                            + table.name()
                                            + "' references "
                                            + fk.refTable()
                                            + " ("
                                            + String.join(", ", fk.columns())
                                            + " → "
                                            + String.join(", ", fk.refColumns())
                                            + "), whose dataset asks for no rows, and those columns are NOT NULL",
                                    "Ask for rows in "
                                            + fk.refTable()
                                            + "'s dataset, or insert its rows in an init script."));
                }
                references.add(
                        new Reference(
                                fk.name(),
                                fk.columns(),
                                rows == 0 ? null : keys,
                                skew,
                                nullable,
                                false,
                                broken.contains(fk)));
            } else {
                references.add(
                        reference(
                                spec,
                                table,
                                fk.name(),
                                fk.columns(),
                                fk.refTable(),
                                fk.refColumns(),
                                skew,
                                nullable,
                                plans,
                                own));
            }
            covered.addAll(fk.columns());
        }
        for (Map.Entry<String, ColumnRule> entry : spec.columns().entrySet()) {
            if (entry.getValue() instanceof ColumnRule.Ref ref
                    && !covered.contains(entry.getKey())) {
                String target =
                        schema.keySet().stream()
                                .filter(t -> t.equalsIgnoreCase(ref.table()))
                                .findFirst()
                                .orElse(ref.table());
                boolean nullable =
                        table.column(entry.getKey()).map(ColumnInfo::nullable).orElse(false);
                references.add(
                        reference(
                                spec,
                                table,
                                "ref:" + entry.getKey(),
                                List.of(entry.getKey()),
                                target,
                                List.of(ref.column()),
                                ref.skew(),
                                nullable,
                                plans,
                                own));
            }
        }
        return references;
    }

    /** Each column's reference (the first, where a column is in two). */
    static Map<String, Reference> byColumn(List<Reference> references) {
        Map<String, Reference> byColumn = new HashMap<>();
        for (Reference reference : references) {
            reference.columns.forEach(c -> byColumn.putIfAbsent(c, reference));
        }
        return byColumn;
    }

    private Reference reference(
            DatasetSpec spec,
            TableInfo table,
            String name,
            List<String> columns,
            String refTable,
            List<String> refColumns,
            Skew skew,
            boolean nullable,
            Map<String, TablePlan> plans,
            TablePlan own)
            throws SQLException {
        if (refTable.equals(table.name())) {
            return new Reference(name, columns, rowsOf(own, refColumns), skew, nullable, true);
        }
        TablePlan parent = plans.get(refTable);
        KeySource keys =
                parent != null && parent.rows() > 0
                        ? rowsOf(parent, refColumns)
                        : KeySource.existing(existingKeys(refTable, refColumns));
        if (keys.size() == 0 && !nullable) {
            problems.add(
                    new Problem(
                            spec.origin(),
                            "table '"
                                    + table.name()
                                    + "' references "
                                    + refTable
                                    + " ("
                                    + String.join(", ", columns)
                                    + " → "
                                    + String.join(", ", refColumns)
                                    + "), which has no rows, and those columns are NOT NULL",
                            "Add a dataset for "
                                    + refTable
                                    + " with rows above 0, or insert its rows in an init script."));
        }
        return new Reference(name, columns, keys.size() == 0 ? null : keys, skew, nullable, false);
    }

    /** The key values of rows a plan loads. */
    private static KeySource rowsOf(TablePlan plan, List<String> columns) {
        return new KeySource() {
            @Override
            public long size() {
                return plan.rows();
            }

            @Override
            public String value(int ordinal, long index, CellRandom random) {
                return plan.column(columns.get(ordinal)).value(plan.seed(), index, random);
            }
        };
    }

    private List<String[]> existingKeys(String table, List<String> columns) throws SQLException {
        TableInfo info = schema.get(table);
        return info == null ? List.of() : database.keys(info, columns, MAX_EXISTING_KEYS);
    }

    /**
     * A unique key made of foreign keys and small numbers: rows enumerate the combinations of referenced rows
     * and numbers (mixed radix, referenced rows turning fastest, so each parent gets its share of numbers).
     *
     * @param counters the key's columns that are not references, with how many values each can take
     * @return each counter column's {divisor, capacity}: its value in a row is the lowest + (row / divisor) % capacity
     */
    Map<String, long[]> enumerate(
            DatasetSpec spec,
            TableInfo table,
            List<String> key,
            Map<String, Reference> referenceOf,
            Map<String, Long> counters) {
        List<Reference> groups =
                key.stream()
                        .filter(referenceOf::containsKey)
                        .map(referenceOf::get)
                        .distinct()
                        .toList();
        if (groups.stream().anyMatch(g -> g.divisor > 0 || g.keys == null || g.self)) {
            return Map.of();
        }
        long divisor = 1;
        for (Reference group : groups) {
            group.divisor = divisor;
            divisor = multiply(divisor, Math.max(1, group.keys.size()));
        }
        Map<String, long[]> enumerated = new HashMap<>();
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            enumerated.put(counter.getKey(), new long[] {divisor, counter.getValue()});
            divisor = multiply(divisor, counter.getValue());
        }
        if (spec.rows() > divisor) {
            problems.add(
                    new Problem(
                            spec.origin(),
                            "table '"
                                    + table.name()
                                    + "' has the unique key ("
                                    + String.join(", ", key)
                                    + ")"
                                    + (counters.isEmpty() ? " of foreign keys" : "")
                                    + ", which allows only "
                                    + divisor
                                    + " distinct rows, fewer than the "
                                    + spec.rows()
                                    + " asked for",
                            "Ask for at most "
                                    + divisor
                                    + " rows"
                                    + (groups.isEmpty()
                                            ? "."
                                            : ", or more rows in the referenced tables.")));
        }
        return enumerated;
    }

    private static long multiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
