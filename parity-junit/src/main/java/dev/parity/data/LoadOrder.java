package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables it references. A cycle is broken at a
 * foreign key whose columns are all nullable (its columns are filled in a second pass, once the rows they
 * point at are loaded), or else at a deferrable one (its rows point ahead, and the database checks them at
 * commit), or else, where the engine's loader checks foreign keys only after the load
 * ({@link dev.parity.engine.BulkLoader#checksForeignKeysAfterLoad()}), at any one: its rows point ahead and are
 * checked once every table is written. A cycle of NOT NULL keys that cannot wait cannot be loaded and is reported.
 */
final class LoadOrder {

    /**
     * The order, and how cycles were broken.
     *
     * @param broken   nullable foreign keys filled in a second pass
     * @param deferred foreign keys pointing at tables loaded later: deferrable ones, or any where the loader checks them after the load
     * @param unchecked those of {@code deferred} that are not deferrable: the load checks their rows itself
     * @param rows     the rows each table (by its name) is loaded with
     */
    record Result(
            List<DatasetSpec> order,
            Set<TableInfo.ForeignKey> broken,
            Set<TableInfo.ForeignKey> deferred,
            Set<TableInfo.ForeignKey> unchecked,
            Map<String, Long> rows,
            List<Problem> problems) {}

    private LoadOrder() {}

    static Result of(List<DatasetSpec> specs, Map<DatasetSpec, TableInfo> tables) {
        return of(specs, tables, false);
    }

    /** @param checkedAfterLoad whether the loader checks foreign keys only once every table is written */
    static Result of(
            List<DatasetSpec> specs, Map<DatasetSpec, TableInfo> tables, boolean checkedAfterLoad) {
        Map<String, DatasetSpec> byTable = new LinkedHashMap<>();
        specs.forEach(s -> byTable.put(tables.get(s).name(), s));
        Map<String, Long> rows = new LinkedHashMap<>();
        byTable.forEach((name, spec) -> rows.put(name, spec.rows()));
        Set<TableInfo.ForeignKey> broken = new LinkedHashSet<>();
        Set<TableInfo.ForeignKey> deferred = new LinkedHashSet<>();
        Set<TableInfo.ForeignKey> unchecked = new LinkedHashSet<>();
        Set<TableInfo.ForeignKey> cut = new LinkedHashSet<>();
        List<DatasetSpec> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<DatasetSpec> waiting = new ArrayList<>(specs);
        while (!waiting.isEmpty()) {
            DatasetSpec ready =
                    waiting.stream()
                            .filter(
                                    s ->
                                            dependencies(s, tables.get(s), byTable, cut).stream()
                                                    .allMatch(placed::contains))
                            .findFirst()
                            .orElse(null);
            if (ready != null) {
                order.add(ready);
                placed.add(tables.get(ready).name());
                waiting.remove(ready);
                continue;
            }
            TableInfo.ForeignKey breakable =
                    cuttable(waiting, tables, byTable, placed, cut, Cut.NULLABLE);
            TableInfo.ForeignKey deferrable =
                    breakable != null
                            ? null
                            : cuttable(waiting, tables, byTable, placed, cut, Cut.DEFERRABLE);
            TableInfo.ForeignKey afterLoad =
                    breakable != null || deferrable != null || !checkedAfterLoad
                            ? null
                            : cuttable(waiting, tables, byTable, placed, cut, Cut.ANY);
            if (afterLoad != null) {
                deferred.add(afterLoad);
                unchecked.add(afterLoad);
                cut.add(afterLoad);
                continue;
            }
            if (breakable == null && deferrable == null) {
                List<String> names = waiting.stream().map(s -> tables.get(s).name()).toList();
                return new Result(
                        order,
                        broken,
                        deferred,
                        unchecked,
                        rows,
                        List.of(
                                new Problem(
                                        waiting.get(0).origin(),
                                        "tables "
                                                + String.join(", ", names)
                                                + " reference one another through NOT NULL foreign keys",
                                        "Load one of them from an init script instead, make one of those foreign key columns nullable, "
                                                + "or declare one of those foreign keys DEFERRABLE.")));
            }
            if (breakable != null) {
                broken.add(breakable);
                cut.add(breakable);
            } else {
                deferred.add(deferrable);
                cut.add(deferrable);
            }
        }
        return new Result(order, broken, deferred, unchecked, rows, List.of());
    }

    /** Which foreign keys a cycle may be cut at. */
    private enum Cut {
        NULLABLE,
        DEFERRABLE,
        ANY
    }

    /**
     * A foreign key on a cycle of waiting tables (its table waits for the table it references, which waits for it in
     * turn): all nullable, or deferrable, or any.
     */
    private static TableInfo.ForeignKey cuttable(
            List<DatasetSpec> waiting,
            Map<DatasetSpec, TableInfo> tables,
            Map<String, DatasetSpec> byTable,
            Set<String> placed,
            Set<TableInfo.ForeignKey> cut,
            Cut kind) {
        return waiting.stream()
                .flatMap(
                        s ->
                                tables.get(s).foreignKeys().stream()
                                        .filter(
                                                fk ->
                                                        byTable.containsKey(fk.refTable())
                                                                && !placed.contains(fk.refTable())
                                                                && !cut.contains(fk)
                                                                && !fk.refTable()
                                                                        .equals(
                                                                                tables.get(s)
                                                                                        .name())
                                                                && switch (kind) {
                                                                    case NULLABLE ->
                                                                            fk.columns().stream()
                                                                                    .allMatch(
                                                                                            c ->
                                                                                                    tables.get(
                                                                                                                    s)
                                                                                                            .column(
                                                                                                                    c)
                                                                                                            .map(
                                                                                                                    ColumnInfo
                                                                                                                            ::nullable)
                                                                                                            .orElse(
                                                                                                                    false));
                                                                    case DEFERRABLE ->
                                                                            fk.deferrable();
                                                                    case ANY -> true;
                                                                }
                                                                && reaches(
                                                                        fk.refTable(),
                                                                        tables.get(s).name(),
                                                                        tables,
                                                                        byTable,
                                                                        placed,
                                                                        cut)))
                .findFirst()
                .orElse(null);
    }

    /** Whether table {@code from} waits, directly or through others not placed yet, for table {@code to}. */
    private static boolean reaches(
            String from,
            String to,
            Map<DatasetSpec, TableInfo> tables,
            Map<String, DatasetSpec> byTable,
            Set<String> placed,
            Set<TableInfo.ForeignKey> cut) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(List.of(from));
        while (!next.isEmpty()) {
            String at = next.remove(next.size() - 1);
            if (at.equals(to)) {
                return true;
            }
            if (!seen.add(at) || !byTable.containsKey(at)) {
                continue;
            }
            DatasetSpec spec = byTable.get(at);
            dependencies(spec, tables.get(spec), byTable, cut).stream()
                    .filter(d -> !placed.contains(d))
                    .forEach(next::add);
        }
        return false;
    }

    private static Set<String> dependencies(
            DatasetSpec spec,
            TableInfo table,
            Map<String, DatasetSpec> byTable,
            Set<TableInfo.ForeignKey> broken) {
        Set<String> parents = new LinkedHashSet<>();
        for (TableInfo.ForeignKey fk : table.foreignKeys()) {
            if (!broken.contains(fk)
                    && !fk.refTable().equals(table.name())
                    && byTable.containsKey(fk.refTable())) {
                parents.add(fk.refTable());
            }
        }
        spec.columns()
                .values()
                .forEach(
                        rule -> {
                            if (rule instanceof ColumnRule.Ref ref
                                    && byTable.containsKey(ref.table())
                                    && !ref.table().equals(table.name())) {
                                parents.add(ref.table());
                            }
                        });
        return parents;
    }
}
