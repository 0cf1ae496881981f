package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.engine.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Before any row is written, lets the server judge the rows of the CHECKs whose verdict the evaluator cannot
 * give for sure (a function of the schema's own, a regular expression, text under a collation that ignores
 * case): each table's rows go to the server in chunks, as values, and the ones the CHECK rejects are made again
 * from their next attempt ({@link RowGroup#rejected}), a few rounds at most. What is still rejected after that
 * is a problem naming the CHECK and its columns: no load then ends in the database's own rejection.
 */
final class ServerJudge {

    /** Rows a query carries. */
    static final int CHUNK = 1000;
    /** Rounds of making rejected rows again. */
    static final int ROUNDS = 8;
    /** Queries of a CHECK the server may fail on (a row whose cast or function raises an error) before the CHECK is left to the load. */
    private static final int ERRORS = 64;

    private final Connection connection;
    private final SqlDialect dialect;
    private final Consumer<String> progress;

    ServerJudge(Connection connection, SqlDialect dialect, Consumer<String> progress) {
        this.connection = connection;
        this.dialect = dialect;
        this.progress = progress;
    }

    /** Judges every group of every plan, in load order; the problems of rows no attempt made acceptable. */
    List<Problem> judge(List<TablePlan> plans) {
        List<Problem> problems = new ArrayList<>();
        for (TablePlan plan : plans) {
            for (RowGroup group : plan.groups()) {
                for (CheckReader.Parsed check : group.judged()) {
                    judge(plan, group, check).ifPresent(problems::add);
                }
            }
        }
        return problems;
    }

    private java.util.Optional<Problem> judge(TablePlan plan, RowGroup group, CheckReader.Parsed check) {
        List<String> columns = List.copyOf(check.columns());
        List<String> types = columns.stream().map(c -> plan.table().column(c).orElseThrow().type().sqlType()).toList();
        int[] members = columns.stream().mapToInt(group::indexOf).toArray();
        if (plan.rows() == 0) {
            return java.util.Optional.empty();
        }
        long started = System.nanoTime();
        errors = 0;
        try {
            rejected(group, check, columns, types, members, List.of(0L), false);
        } catch (SQLException e) {
            // the server cannot evaluate it on rows of values at all (it reads other tables, say): the load will tell
            progress.accept("the server cannot judge rows of " + plan.table().name() + " by its CHECK " + check.check().name() + " before they are"
                    + " written (" + dialect.errorMessage(e) + "); the load will");
            return java.util.Optional.empty();
        }
        List<Long> rejected = new ArrayList<>();
        for (long from = 0; from < plan.rows(); from += CHUNK) {
            List<Long> chunk = new ArrayList<>();
            for (long row = from; row < Math.min(plan.rows(), from + CHUNK); row++) {
                chunk.add(row);
            }
            rejected.addAll(attempt(plan, group, check, columns, types, members, chunk));
        }
        for (int round = 0; round < ROUNDS && !rejected.isEmpty(); round++) {
            rejected = attempt(plan, group, check, columns, types, members, rejected);
        }
        if (System.nanoTime() - started > 2_000_000_000L) {
            progress.accept(String.format("the server judged %,d rows of %s by its CHECK %s in %.1f s", plan.rows(), plan.table().name(),
                    check.check().name(), (System.nanoTime() - started) / 1e9));
        }
        if (rejected.isEmpty()) {
            return java.util.Optional.empty();
        }
        long row = rejected.get(0);
        String[] values = group.made(row).values();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            shown.add(columns.get(i) + " = " + (values[members[i]] == null ? "NULL" : "'" + values[members[i]] + "'"));
        }
        return java.util.Optional.of(new Problem(plan.origin(), "table '" + plan.table().name() + "' has the CHECK constraint " + check.check().name()
                + " (" + check.check().definition() + "), which the server judges, and it still rejects " + rejected.size() + " of the "
                + plan.rows() + " rows Parity made after " + (RowGroup.ATTEMPTS + ROUNDS) + " tries each (row " + row + ": " + String.join(", ", shown)
                + ")", "Give its columns (" + String.join(", ", columns) + ") rules under columns whose values meet it."));
    }

    private int errors;

    private List<Long> attempt(TablePlan plan, RowGroup group, CheckReader.Parsed check, List<String> columns, List<String> types, int[] members,
                               List<Long> rows) {
        try {
            return rejected(group, check, columns, types, members, rows, true);
        } catch (SQLException e) {
            progress.accept("the server failed too often judging rows of " + plan.table().name() + " by its CHECK " + check.check().name()
                    + " (" + dialect.errorMessage(e) + "); the load will tell");
            return List.of();
        }
    }

    /**
     * The rows of {@code rows} the server rejects as they are made now; each of them is moved to its next
     * attempt. A chunk the server cannot evaluate at all (a cast or function that raises an error) is halved
     * until the rows that raise it are found: those count as rejected.
     */
    private List<Long> rejected(RowGroup group, CheckReader.Parsed check, List<String> columns, List<String> types, int[] members, List<Long> rows,
                                boolean halve) throws SQLException {
        Map<Long, RowGroup.Made> made = new LinkedHashMap<>();
        for (long row : rows) {
            made.put(row, group.made(row));
        }
        Set<Long> rejected = new HashSet<>();
        ask(check, columns, types, members, made, new ArrayList<>(made.keySet()), rejected, halve);
        List<Long> again = new ArrayList<>();
        for (long row : rows) {
            if (rejected.contains(row)) {
                group.rejected(row, made.get(row).attempt());
                again.add(row);
            }
        }
        return again;
    }

    private void ask(CheckReader.Parsed check, List<String> columns, List<String> types, int[] members, Map<Long, RowGroup.Made> made, List<Long> rows,
                     Set<Long> rejected, boolean halve) throws SQLException {
        List<List<String>> values = new ArrayList<>();
        for (long row : rows) {
            String[] all = made.get(row).values();
            List<String> picked = new ArrayList<>();
            for (int member : members) {
                picked.add(all[member]);
            }
            values.add(picked);
        }
        String query = dialect.rejectedRows(columns, types, rows, values, check.check().condition());
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rejected.add(result.getLong(1));
            }
        } catch (SQLException e) {
            if (!halve || ++errors > ERRORS) {
                throw e;
            }
            if (rows.size() == 1) {
                rejected.add(rows.get(0));
                return;
            }
            int half = rows.size() / 2;
            ask(check, columns, types, members, made, rows.subList(0, half), rejected, true);
            ask(check, columns, types, members, made, rows.subList(half, rows.size()), rejected, true);
        }
    }
}
