package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.TableInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For CHECK constraints Parity cannot read, asks the database whether a sample of the generated rows
 * passes them, before loading: a failing load would say much less about what to change.
 */
final class CheckProbe {

    static final int SAMPLE = 200;

    private CheckProbe() {
    }

    /** Problems, one per check that sample rows break. */
    static List<Problem> probe(Connection connection, SqlDialect dialect, List<TablePlan> plans) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        CellRandom random = new CellRandom();
        for (TablePlan plan : plans) {
            for (Map.Entry<TableInfo.Check, Set<String>> entry : plan.opaqueChecks().entrySet()) {
                List<String> columns = entry.getValue().stream().filter(c -> plan.column(c) != null).toList();
                long sample = Math.min(SAMPLE, plan.rows());
                if (columns.isEmpty() || sample == 0) {
                    continue;
                }
                List<String> types = columns.stream().map(c -> plan.table().column(c).orElseThrow().type().sqlType()).toList();
                List<List<String>> rows = new ArrayList<>();
                for (long row = 0; row < sample; row++) {
                    List<String> values = new ArrayList<>();
                    for (String column : columns) {
                        values.add(plan.column(column).value(plan.seed(), row, random));
                    }
                    rows.add(values);
                }
                long failing;
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery(dialect.countViolations(columns, types, rows, entry.getKey().condition()))) {
                    result.next();
                    failing = result.getLong(1);
                } catch (SQLException e) {
                    continue; // a check the sample cannot evaluate (it calls something on the table itself): the load will tell
                }
                if (failing > 0) {
                    problems.add(new Problem(plan.origin(), "table '" + plan.table().name() + "' has the CHECK constraint "
                            + entry.getKey().name() + " (" + entry.getKey().definition() + "), which Parity cannot read, and " + failing + " of "
                            + sample + " sample rows break it", "Give its columns (" + String.join(", ", columns)
                            + ") rules under columns (values, or an expression) whose values satisfy it."));
                }
            }
        }
        return problems;
    }
}
