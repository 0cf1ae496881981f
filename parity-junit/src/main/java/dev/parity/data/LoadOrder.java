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
 * foreign key whose columns are all nullable: its rows get NULL there. A cycle of NOT NULL keys cannot be
 * loaded and is reported.
 */
final class LoadOrder {

    /** The order, and the foreign keys left NULL to break cycles. */
    record Result(List<DatasetSpec> order, Set<TableInfo.ForeignKey> broken, List<Problem> problems) {
    }

    private LoadOrder() {
    }

    static Result of(List<DatasetSpec> specs, Map<DatasetSpec, TableInfo> tables) {
        Map<String, DatasetSpec> byTable = new LinkedHashMap<>();
        specs.forEach(s -> byTable.put(tables.get(s).name(), s));
        Set<TableInfo.ForeignKey> broken = new LinkedHashSet<>();
        List<DatasetSpec> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<DatasetSpec> waiting = new ArrayList<>(specs);
        while (!waiting.isEmpty()) {
            DatasetSpec ready = waiting.stream().filter(s -> dependencies(s, tables.get(s), byTable, broken).stream().allMatch(placed::contains))
                    .findFirst().orElse(null);
            if (ready != null) {
                order.add(ready);
                placed.add(tables.get(ready).name());
                waiting.remove(ready);
                continue;
            }
            TableInfo.ForeignKey breakable = waiting.stream().flatMap(s -> tables.get(s).foreignKeys().stream()
                            .filter(fk -> byTable.containsKey(fk.refTable()) && !placed.contains(fk.refTable()) && !broken.contains(fk)
                                    && !fk.refTable().equals(tables.get(s).name())
                                    && fk.columns().stream().allMatch(c -> tables.get(s).column(c).map(ColumnInfo::nullable).orElse(false))))
                    .findFirst().orElse(null);
            if (breakable == null) {
                List<String> names = waiting.stream().map(s -> tables.get(s).name()).toList();
                return new Result(order, broken, List.of(new Problem(waiting.get(0).origin(),
                        "tables " + String.join(", ", names) + " reference one another through NOT NULL foreign keys",
                        "Load one of them from an init script instead, or make one of those foreign key columns nullable.")));
            }
            broken.add(breakable);
        }
        return new Result(order, broken, List.of());
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
