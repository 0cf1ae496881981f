package dev.parity.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One table ready to load: its rows, its seed and how each written column gets its values. */
final class TablePlan {

    private final DatasetSpec spec;
    private final TableInfo table;
    private final long seed;
    private final List<ColumnPlan> columns = new ArrayList<>();
    private final Map<String, ColumnPlan> byName = new HashMap<>();
    private final List<String> sequenceColumns = new ArrayList<>();
    private final Map<TableInfo.Check, java.util.Set<String>> opaqueChecks = new java.util.LinkedHashMap<>();

    TablePlan(DatasetSpec spec, TableInfo table, long seed) {
        this.spec = spec;
        this.table = table;
        this.seed = seed;
    }

    void add(ColumnPlan column) {
        columns.add(column);
        byName.put(column.name(), column);
    }

    void addSequence(String column) {
        sequenceColumns.add(column);
    }

    void addOpaqueCheck(TableInfo.Check check, java.util.Set<String> columns) {
        opaqueChecks.put(check, columns);
    }

    DatasetSpec spec() {
        return spec;
    }

    TableInfo table() {
        return table;
    }

    long seed() {
        return seed;
    }

    long rows() {
        return spec.rows();
    }

    String origin() {
        return spec.origin();
    }

    List<ColumnPlan> columns() {
        return columns;
    }

    ColumnPlan column(String name) {
        return byName.get(name);
    }

    List<String> sequenceColumns() {
        return sequenceColumns;
    }

    Map<TableInfo.Check, java.util.Set<String>> opaqueChecks() {
        return opaqueChecks;
    }
}
