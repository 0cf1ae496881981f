package dev.parity.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Groups of work after a load's commit, each on a session of its own at once, so that the server uses its
 * cores: the first group on the load's own connection, the others on connections of the data source run by
 * the load's worker threads, each closed when its group is done, and all closed when one fails.
 */
final class ParallelSessions {

    /** One group's work on one session. */
    @FunctionalInterface
    interface Work<T> {
        void run(Connection connection, List<T> group) throws SQLException;
    }

    private ParallelSessions() {}

    /**
     * Runs {@code work} for each of {@code groups}, the first on {@code connection}; the others are waited for at
     * most {@code wait} after the first ends.
     *
     * @param what  what the work does, for messages ("ANALYZE", "the indexes built after the commit")
     * @param names names a group's items, for messages
     */
    static <T> void run(
            Connection connection,
            DataSource dataSource,
            ExecutorService workers,
            List<List<T>> groups,
            Work<T> work,
            Duration wait,
            String what,
            Function<List<T>, String> names)
            throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        Queue<Connection> open = new ConcurrentLinkedQueue<>();
        for (List<T> group : groups.subList(1, groups.size())) {
            others.add(
                    workers.submit(
                            () -> {
                                Connection own = dataSource.getConnection();
                                open.add(own);
                                try {
                                    work.run(own, group);
                                } finally {
                                    open.remove(own);
                                    own.close();
                                }
                                return null;
                            }));
        }
        boolean ended = false;
        try {
            work.run(connection, groups.get(0));
            long deadline = System.nanoTime() + wait.toNanos();
            for (int i = 0; i < others.size(); i++) {
                await(others.get(i), deadline, wait, what, names.apply(groups.get(i + 1)));
            }
            ended = true;
        } finally {
            if (!ended) {
                // closing a session's connection ends its statement; an interrupt alone would not
                others.forEach(f -> f.cancel(true));
                open.forEach(ParallelSessions::closeQuietly);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the failure that led here is the one to report
        }
    }

    private static void await(
            Future<?> session, long deadline, Duration wait, String what, String names)
            throws SQLException {
        try {
            session.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(
                    what + " of " + names + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    what
                            + " of "
                            + names
                            + " did not end within "
                            + wait.toMinutes()
                            + " min after the load",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for " + what + " of " + names, e);
        }
    }
}
