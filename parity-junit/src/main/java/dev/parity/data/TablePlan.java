package dev.parity.data;

import dev.parity.config.Location;
import dev.parity.engine.RowSource;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One table ready to load: its rows, its seed and how each written column gets its values. */
final class TablePlan implements RowSource {

    private final DatasetSpec spec;
    private final TableInfo table;
    private final long seed;
    private final List<ColumnPlan> columns = new ArrayList<>();
    private final Map<String, ColumnPlan> byName = new HashMap<>();
    private final List<ColumnInfo> autoIncrementColumns = new ArrayList<>();
    private final List<RowGroup> groups = new ArrayList<>();
    private final List<ColumnPlan> later = new ArrayList<>();

    TablePlan(DatasetSpec spec, TableInfo table, long seed) {
        this.spec = spec;
        this.table = table;
        this.seed = seed;
    }

    void add(ColumnPlan column) {
        columns.add(column);
        byName.put(column.name(), column);
        if (column.column().autoIncrement()) {
            autoIncrementColumns.add(column.column());
        }
    }

    /** A column written in a second pass, after every table is loaded: it points at rows loaded after its own. */
    void addLater(ColumnPlan column) {
        later.add(column);
        byName.put(column.name(), column);
    }

    List<ColumnPlan> later() {
        return later;
    }

    /** Columns its CHECKs tie together, made row by row. */
    void addGroup(RowGroup group) {
        groups.add(group);
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

    Location origin() {
        return spec.origin();
    }

    List<ColumnPlan> columns() {
        return columns;
    }

    List<ColumnInfo> writtenColumns() {
        return columns.stream().map(ColumnPlan::column).toList();
    }

    ColumnPlan column(String name) {
        return byName.get(name);
    }

    List<ColumnInfo> autoIncrementColumns() {
        return autoIncrementColumns;
    }

    List<RowGroup> groups() {
        return groups;
    }

    @Override
    public int width() {
        return columns.size();
    }

    @Override
    public Cursor cursor() {
        CellRandom random = new CellRandom();
        ColumnPlan[] plans = columns.toArray(ColumnPlan[]::new);
        return (row, column) -> plans[column].written(seed, row, random);
    }

    /** The mess its written cells took, as fractions of the cells that could take each kind. */
    Mess measuredMess() {
        return MessCount.measured(columns.stream().map(ColumnPlan::count).toList(), rows());
    }
}
