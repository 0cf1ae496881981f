package dev.parity.data;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The loaded tables' statistics, after the commit, on several sessions at once: the server analyzes one
 * table per session on a core of its own, where one session would leave the other cores idle. The largest
 * tables go first (by {@link #cost}), each to the session with the least so far; the first session is the
 * load's own.
 */
final class ParallelAnalyze {

    /** How long the other sessions may take: ANALYZE samples a fixed number of rows, seconds even for large tables. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private ParallelAnalyze() {}

    /**
     * The rows ANALYZE samples: 300 × the default statistics target of 100 (PostgreSQL; MariaDB's persistent
     * statistics sample fewer), whatever the table's size.
     */
    static final long SAMPLED_ROWS = 30_000;

    /**
     * What analyzing a table costs, roughly: the rows it samples times its columns, each column's sample sorted on
     * its own. Its rows alone weigh wrong: orders of 30,000 rows and 14 columns took 300 ms, order details of
     * 300,000 rows and 5 columns 74 ms (northwind, PostgreSQL 15).
     */
    static long cost(long rows, int columns) {
        return Math.min(rows, SAMPLED_ROWS) * Math.max(1, columns);
    }

    private static long cost(TablePlan plan) {
        return cost(plan.rows(), plan.table().columns().size());
    }

    /**
     * {@code items} in at most {@code sessions} groups, none empty (one, empty, for no items): the heaviest first,
     * each to the group of the least weight so far.
     */
    static <T> List<List<T>> split(List<T> items, ToLongFunction<T> weight, int sessions) {
        int count = Math.max(1, Math.min(sessions, items.size()));
        List<List<T>> groups = new ArrayList<>();
        long[] weights = new long[count];
        for (int i = 0; i < count; i++) {
            groups.add(new ArrayList<>());
        }
        items.stream()
                .sorted(Comparator.comparingLong(weight).reversed())
                .forEachOrdered(
                        item -> {
                            int least = 0;
                            for (int i = 1; i < count; i++) {
                                // an empty group first: tables of no rows weigh nothing
                                if (groups.get(least).isEmpty()) {
                                    break;
                                }
                                if (groups.get(i).isEmpty() || weights[i] < weights[least]) {
                                    least = i;
                                }
                            }
                            groups.get(least).add(item);
                            weights[least] += weight.applyAsLong(item);
                        });
        return groups;
    }

    /**
     * Analyzes {@code plans}' tables: the first session's on {@code connection}, the others' on connections of
     * {@code dataSource} run by {@code workers}, each waited for at most {@link #WAIT}.
     */
    static void analyze(
            BulkLoader loader,
            Connection connection,
            DataSource dataSource,
            ExecutorService workers,
            List<TablePlan> plans,
            int sessions)
            throws SQLException {
        ParallelSessions.run(
                connection,
                dataSource,
                workers,
                split(plans, ParallelAnalyze::cost, sessions),
                (session, group) -> loader.analyze(session, tablesOf(group)),
                WAIT,
                "ANALYZE",
                ParallelAnalyze::names);
    }

    private static List<TableInfo> tablesOf(List<TablePlan> group) {
        return group.stream().map(TablePlan::table).toList();
    }

    private static String names(List<TablePlan> group) {
        return String.join(", ", group.stream().map(p -> p.table().name()).toList());
    }
}
