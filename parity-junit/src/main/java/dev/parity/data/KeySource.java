package dev.parity.data;

import java.util.List;

/** The rows a foreign key (or a {@code ref}) can point at: their key values by index. */
interface KeySource {

    long size();

    /** The value of the {@code ordinal}-th referenced column in the {@code index}-th row. */
    String value(int ordinal, long index, CellRandom random);

    /** Rows of a table loaded after the referencing one, whose plan is looked up when values are made. */
    static KeySource later(
            java.util.function.Supplier<TablePlan> plan, long rows, List<String> columns) {
        return new KeySource() {
            @Override
            public long size() {
                return rows;
            }

            @Override
            public String value(int ordinal, long index, CellRandom random) {
                TablePlan target = plan.get();
                return target.column(columns.get(ordinal)).value(target.seed(), index, random);
            }
        };
    }

    /** Rows that were in the table before the load, read once. */
    static KeySource existing(List<String[]> rows) {
        return new KeySource() {
            @Override
            public long size() {
                return rows.size();
            }

            @Override
            public String value(int ordinal, long index, CellRandom random) {
                return rows.get((int) index)[ordinal];
            }
        };
    }
}
