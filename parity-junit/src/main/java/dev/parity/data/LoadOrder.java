package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.engine.ColumnInfo;
import dev.parity.engine.TableInfo;
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
 * commit). A cycle of NOT NULL keys that cannot wait cannot be loaded and is reported.
 */
final class LoadOrder {

    /**
     * The order, and how cycles were broken.
     *
     * @param broken   nullable foreign keys filled in a second pass
     * @param deferred deferrable foreign keys pointing at tables loaded later
     * @param rows     the rows each table (by its name) is loaded with
     */
    record Result(List<DatasetSpec> order, Set<TableInfo.ForeignKey> broken, Set<TableInfo.ForeignKey> deferred, Map<String, Long> rows,
                  List<Problem> problems) {
    }

    private LoadOrder() {
    }

    static Result of(List<DatasetSpec> specs, Map<DatasetSpec, TableInfo> tables) {
        Map<String, DatasetSpec> byTable = new LinkedHashMap<>();
        specs.forEach(s -> byTable.put(tables.get(s).name(), s));
        Map<String, Long> rows = new LinkedHashMap<>();
        byTable.forEach((name, spec) -> rows.put(name, spec.rows()));
        Set<TableInfo.ForeignKey> broken = new LinkedHashSet<>();
        Set<TableInfo.ForeignKey> deferred = new LinkedHashSet<>();
        Set<TableInfo.ForeignKey> cut = new LinkedHashSet<>();
        List<DatasetSpec> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<DatasetSpec> waiting = new ArrayList<>(specs);
        while (!waiting.isEmpty()) {
            DatasetSpec ready = waiting.stream().filter(s -> dependencies(s, tables.get(s), byTable, cut).stream().allMatch(placed::contains))
                    .findFirst().orElse(null);
            if (ready != null) {
                order.add(ready);
                placed.add(tables.get(ready).name());
                waiting.remove(ready);
                continue;
            }
            TableInfo.ForeignKey breakable = cuttable(waiting, tables, byTable, placed, cut, true);
            TableInfo.ForeignKey deferrable = breakable != null ? null : cuttable(waiting, tables, byTable, placed, cut, false);
            if (breakable == null && deferrable == null) {
                List<String> names = waiting.stream().map(s -> tables.get(s).name()).toList();
                return new Result(order, broken, deferred, rows, List.of(new Problem(waiting.get(0).origin(),
                        "tables " + String.join(", ", names) + " reference one another through NOT NULL foreign keys",
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
        return new Result(order, broken, deferred, rows, List.of());
    }

    /** A foreign key of a waiting table to another waiting table: all nullable ({@code nullable}), or else deferrable. */
    private static TableInfo.ForeignKey cuttable(List<DatasetSpec> waiting, Map<DatasetSpec, TableInfo> tables, Map<String, DatasetSpec> byTable,
                                                 Set<String> placed, Set<TableInfo.ForeignKey> cut, boolean nullable) {
        return waiting.stream().flatMap(s -> tables.get(s).foreignKeys().stream()
                        .filter(fk -> byTable.containsKey(fk.refTable()) && !placed.contains(fk.refTable()) && !cut.contains(fk)
                                && !fk.refTable().equals(tables.get(s).name())
                                && (nullable ? fk.columns().stream().allMatch(c -> tables.get(s).column(c).map(ColumnInfo::nullable).orElse(false))
                                        : fk.deferrable())))
                .findFirst().orElse(null);
    }

    private static Set<String> dependencies(DatasetSpec spec, TableInfo table, Map<String, DatasetSpec> byTable, Set<TableInfo.ForeignKey> broken) {
        Set<String> parents = new LinkedHashSet<>();
        for (TableInfo.ForeignKey fk : table.foreignKeys()) {
            if (!broken.contains(fk) && !fk.refTable().equals(table.name()) && byTable.containsKey(fk.refTable())) {
                parents.add(fk.refTable());
            }
        }
        spec.columns().values().forEach(rule -> {
            if (rule instanceof ColumnRule.Ref ref && byTable.containsKey(ref.table()) && !ref.table().equals(table.name())) {
                parents.add(ref.table());
            }
        });
        return parents;
    }
}
