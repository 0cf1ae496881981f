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
import java.util.Optional;
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

    /** Who says which rows a CHECK rejects: the server, or (for tests without one) a stand-in. */
    @FunctionalInterface
    interface Verdicts {
        /** The ordinals of those of {@code rows} (the check's columns' values, in text form) that {@code check} rejects. */
        Set<Long> rejected(
                CheckReader.Parsed check,
                List<String> columns,
                List<String> types,
                List<Long> ordinals,
                List<List<String>> rows)
                throws SQLException;

        /** The server behind {@code connection}, asked in one query per chunk ({@link SqlDialect#rejectedRows}). */
        static Verdicts of(Connection connection, SqlDialect dialect) {
            return (check, columns, types, ordinals, rows) -> {
                Set<Long> rejected = new HashSet<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result =
                                statement.executeQuery(
                                        dialect.rejectedRows(
                                                columns,
                                                types,
                                                ordinals,
                                                rows,
                                                check.check().condition()))) {
                    while (result.next()) {
                        rejected.add(result.getLong(1));
                    }
                }
                return rejected;
            };
        }
    }

    private final Verdicts verdicts;
    private final SqlDialect dialect;
    private final Consumer<String> progress;

    ServerJudge(Verdicts verdicts, SqlDialect dialect, Consumer<String> progress) {
        this.verdicts = verdicts;
        this.dialect = dialect;
        this.progress = progress;
    }

    /** Judges every group of every plan, in load order; the problems of rows no attempt made acceptable. */
    List<Problem> judge(List<TablePlan> plans) {
        List<Problem> problems = new ArrayList<>();
        for (TablePlan plan : plans) {
            for (RowGroup group : plan.groups()) {
                judge(plan, group).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** One CHECK the server judges, with its columns as the group holds them. */
    private record Judged(
            CheckReader.Parsed check, List<String> columns, List<String> types, int[] members) {}

    private int errors;

    /**
     * The group's rows, judged by all its CHECKs the server judges at once: a row made again for one of them is judged
     * by the others too.
     */
    private Optional<Problem> judge(TablePlan plan, RowGroup group) {
        if (plan.rows() == 0) {
            return Optional.empty();
        }
        List<Judged> judged = new ArrayList<>();
        for (CheckReader.Parsed check : group.judged()) {
            List<String> columns = List.copyOf(check.columns());
            Judged one =
                    new Judged(
                            check,
                            columns,
                            columns.stream()
                                    .map(c -> plan.table().column(c).orElseThrow().type().sqlType())
                                    .toList(),
                            columns.stream().mapToInt(group::indexOf).toArray());
            try {
                ask(one, Map.of(0L, group.made(0)), List.of(0L), new HashSet<>(), false);
                judged.add(one);
            } catch (SQLException e) {
                // the server cannot evaluate it on rows of values at all (it reads other tables,
                // say): the load will tell
                progress.accept(
                        "the server cannot judge rows of "
                                + plan.table().name()
                                + " by its CHECK "
                                + check.check().name()
                                + " before they are written ("
                                + dialect.errorMessage(e)
                                + "); the load will");
            }
        }
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        errors = 0;
        List<Long> rejected = new ArrayList<>();
        try {
            for (long from = 0; from < plan.rows(); from += CHUNK) {
                List<Long> chunk = new ArrayList<>();
                for (long row = from; row < Math.min(plan.rows(), from + CHUNK); row++) {
                    chunk.add(row);
                }
                rejected.addAll(rejected(group, judged, chunk));
            }
            for (int round = 0; round < ROUNDS && !rejected.isEmpty(); round++) {
                rejected = rejected(group, judged, rejected);
            }
        } catch (SQLException e) {
            progress.accept(
                    "the server failed too often judging rows of "
                            + plan.table().name()
                            + " ("
                            + dialect.errorMessage(e)
                            + "); the load will tell");
            return Optional.empty();
        }
        if (System.nanoTime() - started > 2_000_000_000L) {
            progress.accept(
                    String.format(
                            "the server judged %,d rows of %s by %d CHECKs in %.1f s",
                            plan.rows(),
                            plan.table().name(),
                            judged.size(),
                            (System.nanoTime() - started) / 1e9));
        }
        return rejected.isEmpty()
                ? Optional.empty()
                : Optional.of(problem(plan, group, judged, rejected));
    }

    private Problem problem(
            TablePlan plan, RowGroup group, List<Judged> judged, List<Long> rejected) {
        long row = rejected.get(0);
        RowGroup.Made made = group.made(row);
        Judged failing = judged.get(0);
        for (Judged one : judged) {
            Set<Long> no = new HashSet<>();
            try {
                ask(one, Map.of(row, made), List.of(row), no, true);
            } catch (SQLException e) {
                no.add(row);
            }
            if (!no.isEmpty()) {
                failing = one;
                break;
            }
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < failing.columns().size(); i++) {
            String value = made.values()[failing.members()[i]];
            shown.add(
                    failing.columns().get(i)
                            + " = "
                            + (value == null ? "NULL" : "'" + value + "'"));
        }
        CheckReader.Parsed check = failing.check();
        return new Problem(
                plan.origin(),
                "table '"
                        + plan.table().name()
                        + "' has the CHECK constraint "
                        + check.check().name()
                        + " ("
                        + check.check().definition()
                        + "), which the server judges, and it still rejects "
                        + rejected.size()
                        + " of the "
                        + plan.rows()
                        + " rows Parity made after "
                        + (RowGroup.ATTEMPTS + ROUNDS)
                        + " tries each (row "
                        + row
                        + ": "
                        + String.join(", ", shown)
                        + ")",
                "Give its columns ("
                        + String.join(", ", failing.columns())
                        + ") rules under columns whose values meet it.");
    }

    /** The rows of {@code rows} some CHECK rejects as they are made now; each of them is moved to its next attempt. */
    private List<Long> rejected(RowGroup group, List<Judged> judged, List<Long> rows)
            throws SQLException {
        Map<Long, RowGroup.Made> made = new LinkedHashMap<>();
        for (long row : rows) {
            made.put(row, group.made(row));
        }
        Set<Long> rejected = new HashSet<>();
        for (Judged one : judged) {
            ask(one, made, rows, rejected, true);
        }
        List<Long> again = new ArrayList<>();
        for (long row : rows) {
            if (rejected.contains(row)) {
                group.rejected(row, made.get(row).attempt());
                again.add(row);
            }
        }
        return again;
    }

    /**
     * Adds to {@code rejected} the rows of {@code rows} the CHECK rejects. A chunk the server cannot evaluate at all (a cast
     * or function that raises an error) is halved until the rows that raise it are found: those count as rejected.
     */
    private void ask(
            Judged one,
            Map<Long, RowGroup.Made> made,
            List<Long> rows,
            Set<Long> rejected,
            boolean halve)
            throws SQLException {
        List<List<String>> values = new ArrayList<>();
        for (long row : rows) {
            String[] all = made.get(row).values();
            List<String> picked = new ArrayList<>();
            for (int member : one.members()) {
                picked.add(all[member]);
            }
            values.add(picked);
        }
        try {
            rejected.addAll(
                    verdicts.rejected(one.check(), one.columns(), one.types(), rows, values));
        } catch (SQLException e) {
            if (!halve || ++errors > ERRORS) {
                throw e;
            }
            if (rows.size() == 1) {
                rejected.add(rows.get(0));
                return;
            }
            int half = rows.size() / 2;
            ask(one, made, rows.subList(0, half), rejected, true);
            ask(one, made, rows.subList(half, rows.size()), rejected, true);
        }
    }
}
