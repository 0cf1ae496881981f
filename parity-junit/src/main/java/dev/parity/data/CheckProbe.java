package dev.parity.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For CHECK constraints Parity cannot read, asks the database whether a sample of the generated rows
 * passes them, before loading: a failing load would say much less about what to change.
 */
final class CheckProbe {

    static final int SAMPLE = 200;

    private CheckProbe() {
    }

    /** Problems, one per check that sample rows break. */
    static List<String> probe(Connection connection, List<TablePlan> plans) throws SQLException {
        List<String> problems = new ArrayList<>();
        CellRandom random = new CellRandom();
        for (TablePlan plan : plans) {
            for (Map.Entry<TableInfo.Check, Set<String>> entry : plan.opaqueChecks().entrySet()) {
                List<String> columns = entry.getValue().stream().filter(c -> plan.column(c) != null).toList();
                long sample = Math.min(SAMPLE, plan.rows());
                if (columns.isEmpty() || sample == 0) {
                    continue;
                }
                StringBuilder values = new StringBuilder();
                for (long row = 0; row < sample; row++) {
                    values.append(row == 0 ? "(" : ", (");
                    for (int i = 0; i < columns.size(); i++) {
                        String column = columns.get(i);
                        String type = plan.table().column(column).orElseThrow().sqlType();
                        values.append(i == 0 ? "" : ", ").append(Sql.literal(plan.column(column).value(plan.seed(), row, random))).append("::").append(type);
                    }
                    values.append(')');
                }
                String sql = "select count(*) from (values " + values + ") as t(" + columns.stream().map(Sql::identifier).collect(Collectors.joining(", "))
                        + ") where not (" + CheckReader.body(entry.getKey().definition()) + ")";
                long failing;
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    failing = result.getLong(1);
                } catch (SQLException e) {
                    continue; // a check the sample cannot evaluate (it calls something on the table itself): the load will tell
                }
                if (failing > 0) {
                    problems.add(SpecValidator.problem(plan.origin(), "table '" + plan.table().name() + "' has the CHECK constraint "
                            + entry.getKey().name() + " (" + entry.getKey().definition() + "), which Parity cannot read, and " + failing + " of "
                            + sample + " sample rows break it", "Give its columns (" + String.join(", ", columns)
                            + ") rules under columns (values, or an expression) whose values satisfy it"));
                }
            }
        }
        return problems;
    }
}
