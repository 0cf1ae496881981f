package dev.parity.data;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the parents nobody asked for. A dataset's NOT NULL foreign keys (and refs on NOT NULL columns)
 * need rows to point at; when the referenced table has no dataset and no rows, it gets a dataset of its
 * own, and so do its parents in turn. Datasets that say {@code follow-parents: false} are left alone, and
 * the reference stays the problem {@link References} reports. Nullable references to such tables are
 * left NULL, as before: cheaper, and nothing needs them.
 *
 * <p>A parent gets a tenth of the rows of the table that needs it, at least 1: ten rows per parent on
 * average, as orders per customer. When its foreign key is the child's unique key, one parent per child;
 * when it is part of a unique key made of foreign keys only, enough parents that their combinations
 * cover the child's rows. A parent needed by several tables takes the most any of them needs. It inherits
 * the mess, seed and origin of the first dataset that needed it, so its problems are reported there.
 */
final class FollowedParents {

    /** Parents per child row: one parent for every ten children. */
    static final int CHILDREN_PER_PARENT = 10;

    /**
     * @param specs    the specs given and the parents added after them
     * @param neededBy for each added spec, the table that needed it first
     */
    record Result(List<DatasetSpec> specs, Map<DatasetSpec, String> neededBy) {}

    /**
     * One NOT NULL reference of a child to a parent.
     *
     * @param group  its name as {@link References} gives it: the foreign key's, or "ref:column"
     * @param parent the referenced table's key in the schema
     */
    private record Edge(TableInfo child, String group, List<String> columns, String parent) {}

    /** Whether a table has rows already; a parent that has is not filled again, its rows are referenced ({@link References}). */
    @FunctionalInterface
    interface RowsCheck {
        boolean hasRows(TableInfo table) throws SQLException;
    }

    private final RowsCheck rowsCheck;
    private final Map<String, TableInfo> schema;
    private final SpecValidator lookup;
    private final Map<TableInfo, String> keys = new HashMap<>();
    private final Map<TableInfo, DatasetSpec> asked = new LinkedHashMap<>();
    private final Map<TableInfo, DatasetSpec> followed = new LinkedHashMap<>();
    private final Map<TableInfo, List<Edge>> edges = new LinkedHashMap<>();
    private final Map<TableInfo, Long> rows = new HashMap<>();

    private FollowedParents(
            RowsCheck rowsCheck, Map<String, TableInfo> schema, SpecValidator lookup) {
        this.rowsCheck = rowsCheck;
        this.schema = schema;
        this.lookup = lookup;
        schema.forEach((key, table) -> keys.put(table, key));
    }

    /** {@code specs} (validated, patterns expanded) and a spec for every empty parent they need that none of them fills. */
    static Result follow(
            List<DatasetSpec> specs,
            Map<String, TableInfo> schema,
            SpecValidator lookup,
            RowsCheck rowsCheck)
            throws SQLException {
        return new FollowedParents(rowsCheck, schema, lookup).follow(specs);
    }

    private Result follow(List<DatasetSpec> specs) throws SQLException {
        specs.forEach(s -> lookup.table(s.table()).ifPresent(t -> asked.put(t, s)));
        Deque<TableInfo> waiting = new ArrayDeque<>();
        asked.forEach(
                (table, spec) -> {
                    if (spec.followParents() && spec.rows() > 0) {
                        waiting.add(table);
                    }
                });
        Set<TableInfo> withRows = new HashSet<>();
        while (!waiting.isEmpty()) {
            TableInfo child = waiting.poll();
            DatasetSpec childSpec = specOf(child);
            for (Edge edge : notNullReferences(child, childSpec)) {
                TableInfo parent = schema.get(edge.parent());
                if (parent == null
                        || parent.equals(child)
                        || asked.containsKey(parent)
                        || withRows.contains(parent)) {
                    continue;
                }
                if (!followed.containsKey(parent)) {
                    if (rowsCheck.hasRows(parent)) {
                        withRows.add(parent);
                        continue;
                    }
                    followed.put(parent, childSpec.forTable(keys.get(parent), 0, Map.of()));
                    waiting.add(parent);
                }
                edges.computeIfAbsent(parent, p -> new ArrayList<>()).add(edge);
            }
        }
        List<DatasetSpec> all = new ArrayList<>(specs);
        Map<DatasetSpec, String> neededBy = new LinkedHashMap<>();
        for (Map.Entry<TableInfo, DatasetSpec> parent : followed.entrySet()) {
            DatasetSpec spec = parent.getValue();
            DatasetSpec sized =
                    spec.forTable(spec.table(), rowsOf(parent.getKey(), new HashSet<>()), Map.of());
            all.add(sized);
            neededBy.put(sized, keys.get(edges.get(parent.getKey()).get(0).child()));
        }
        return new Result(all, neededBy);
    }

    private DatasetSpec specOf(TableInfo table) {
        DatasetSpec spec = asked.get(table);
        return spec != null ? spec : followed.get(table);
    }

    /** The child's foreign keys with a NOT NULL column and its refs on NOT NULL columns outside foreign keys, as {@link References} sees them. */
    private List<Edge> notNullReferences(TableInfo child, DatasetSpec spec) {
        List<Edge> references = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (TableInfo.ForeignKey fk : child.foreignKeys()) {
            covered.addAll(fk.columns());
            if (!fk.columns().stream()
                    .allMatch(c -> child.column(c).map(ColumnInfo::nullable).orElse(false))) {
                references.add(new Edge(child, fk.name(), fk.columns(), keyOf(fk.refTable())));
            }
        }
        spec.columns()
                .forEach(
                        (column, rule) -> {
                            if (rule instanceof ColumnRule.Ref ref
                                    && !covered.contains(column)
                                    && !child.column(column)
                                            .map(ColumnInfo::nullable)
                                            .orElse(true)) {
                                references.add(
                                        new Edge(
                                                child,
                                                "ref:" + column,
                                                List.of(column),
                                                keyOf(ref.table())));
                            }
                        });
        return references;
    }

    /** The schema's key of a table as a foreign key or a ref names it. */
    private String keyOf(String table) {
        return schema.containsKey(table) ? table : lookup.table(table).map(keys::get).orElse(table);
    }

    /** The most rows any child needs of {@code parent}; {@code visiting} breaks cycles of followed tables. */
    private long rowsOf(TableInfo parent, Set<TableInfo> visiting) {
        Long known = rows.get(parent);
        if (known != null) {
            return known;
        }
        if (!visiting.add(parent)) {
            return 1;
        }
        long most = 1;
        for (Edge edge : edges.getOrDefault(parent, List.of())) {
            DatasetSpec childSpec = asked.get(edge.child);
            long childRows = childSpec != null ? childSpec.rows() : rowsOf(edge.child, visiting);
            most = Math.max(most, needed(edge, childRows));
        }
        visiting.remove(parent);
        rows.put(parent, most);
        return most;
    }

    /** A tenth of the child's rows; all of them for a one-to-one key; the g-th root of them for a unique key of g references. */
    private static long needed(Edge edge, long childRows) {
        long needed = Math.max(1, (childRows + CHILDREN_PER_PARENT - 1) / CHILDREN_PER_PARENT);
        Map<String, String> groupOf = new HashMap<>();
        edge.child
                .foreignKeys()
                .forEach(fk -> fk.columns().forEach(c -> groupOf.putIfAbsent(c, fk.name())));
        edge.columns.forEach(c -> groupOf.putIfAbsent(c, edge.group));
        for (List<String> key : edge.child.keys()) {
            // a unique key made of references only: its rows are combinations of referenced rows
            // (References.enumerate)
            if (key.containsAll(edge.columns) && key.stream().allMatch(groupOf::containsKey)) {
                int groups = new LinkedHashSet<>(key.stream().map(groupOf::get).toList()).size();
                needed = Math.max(needed, root(childRows, groups));
            }
        }
        return needed;
    }

    /** The smallest n with n^k ≥ value. */
    private static long root(long value, int k) {
        long n = Math.max(1, (long) Math.floor(Math.pow(value, 1.0 / k)));
        while (Math.pow(n, k) < value) {
            n++;
        }
        return n;
    }
}
