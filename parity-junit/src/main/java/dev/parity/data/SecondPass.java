package dev.parity.data;

import dev.parity.engine.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills the columns of nullable foreign keys that were cut to break a cycle ({@link LoadOrder}), once every
 * table is loaded and the rows they point at exist: an UPDATE per row, found by its primary key, in batches.
 * The values are the same a load without the cycle would give: a function of (seed, table, row, column).
 */
final class SecondPass {

    private static final int BATCH = 1000;

    private SecondPass() {}

    static void fill(
            Connection connection,
            SqlDialect dialect,
            List<TablePlan> plans,
            Consumer<String> progress)
            throws SQLException {
        for (TablePlan plan : plans) {
            if (plan.later().isEmpty() || plan.rows() == 0) {
                continue;
            }
            List<String> key =
                    plan.table().keys().stream()
                            .filter(
                                    k ->
                                            k.stream()
                                                    .allMatch(
                                                            c ->
                                                                    plan.columns()
                                                                            .contains(
                                                                                    plan.column(
                                                                                            c))))
                            .findFirst()
                            .orElse(null);
            if (key == null) {
                progress.accept(
                        "left "
                                + plan.table().name()
                                + "."
                                + ColumnPlan.names(plan.later())
                                + " NULL: they close a cycle of foreign keys, "
                                + "and the table has no key Parity writes to find its rows again");
                continue;
            }
            String sql =
                    "update "
                            + plan.table().qualifiedName()
                            + " set "
                            + plan.later().stream()
                                    .map(
                                            c ->
                                                    dialect.identifier(c.name())
                                                            + " = "
                                                            + dialect.parameter(c.column().type()))
                                    .collect(Collectors.joining(", "))
                            + " where "
                            + key.stream()
                                    .map(
                                            c ->
                                                    dialect.identifier(c)
                                                            + " = "
                                                            + dialect.parameter(
                                                                    plan.column(c).column().type()))
                                    .collect(Collectors.joining(" and "));
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                CellRandom random = new CellRandom();
                int batched = 0;
                for (long row = 0; row < plan.rows(); row++) {
                    int parameter = 1;
                    boolean any = false;
                    for (ColumnPlan column : plan.later()) {
                        String value = column.value(plan.seed(), row, random);
                        any |= value != null;
                        update.setString(parameter++, value);
                    }
                    if (!any) {
                        continue;
                    }
                    for (String column : key) {
                        update.setString(
                                parameter++, plan.column(column).value(plan.seed(), row, random));
                    }
                    update.addBatch();
                    if (++batched % BATCH == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
        }
    }
}
