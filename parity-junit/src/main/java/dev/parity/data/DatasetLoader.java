package dev.parity.data;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * Fills tables with large, messy, reproducible data.
 *
 * <p>Everything is validated before the first row is written (tables, columns, refs, row counts,
 * Datafaker expressions, CHECK constraints on a sample); a {@link DatasetException} then names each
 * spec's origin. Rows are generated in parallel in fixed chunks and written in order through one
 * connection, in one transaction: PostgreSQL gets {@code COPY ... FROM STDIN}, other databases batched
 * multi-row inserts. At most {@code 2 × threads} chunks are in memory at a time.
 *
 * <p>A cell's value depends only on (seed, table, row, column), so the same seed, schema and specs give
 * the same rows whatever the thread count. Sequences behind loaded serial or identity columns are moved
 * past the loaded rows, and loaded tables are analyzed.
 */
@API(status = API.Status.INTERNAL)
public final class DatasetLoader {

    /** Rows generated and written as one unit. */
    static final int CHUNK_ROWS = 4096;

    private static final System.Logger LOG = System.getLogger(DatasetLoader.class.getName());
    private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

    private DatasetLoader() {
    }

    /**
     * Loads {@code specs} into the database of {@code dataSource}.
     *
     * @param seed    the seed of every dataset that has none of its own
     * @param threads threads generating rows; 1 or more, any number gives the same rows
     * @return what was loaded, and how fast
     * @throws DatasetException when a spec cannot be loaded (nothing is written then) or the database
     *                          rejects the rows (the transaction is rolled back)
     */
    public static LoadReport load(DataSource dataSource, List<DatasetSpec> specs, long seed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, FakerPools> pools = new HashMap<>();
            List<TablePlan> plans = new DatasetPlanner(connection, seed, s -> pools.computeIfAbsent(s, FakerPools::new)).plan(specs);
            pools.values().forEach(p -> p.fill(workers));
            List<String> problems = CheckProbe.probe(connection, plans);
            if (!problems.isEmpty()) {
                throw new DatasetException(problems);
            }
            List<LoadReport.TableLoad> loads = write(connection, plans, workers, started);
            LoadReport report = new LoadReport(seed, loads, Duration.ofNanos(System.nanoTime() - started));
            if (report.duration().toNanos() > PROGRESS_AFTER_NANOS) {
                LOG.log(Level.INFO, "Parity loaded " + report);
            }
            return report;
        } catch (SQLException e) {
            throw new DatasetException("could not load the datasets: " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Validates {@code specs} against the database's schema without writing anything. */
    public static void validate(DataSource dataSource, List<DatasetSpec> specs) {
        try (Connection connection = dataSource.getConnection()) {
            new DatasetPlanner(connection, 0, FakerPools::new).plan(specs);
        } catch (SQLException e) {
            throw new DatasetException("could not read the schema to validate the datasets: " + e.getMessage(), e);
        }
    }

    private static List<LoadReport.TableLoad> write(Connection connection, List<TablePlan> plans, ExecutorService workers, long started)
            throws SQLException {
        boolean postgres = SchemaReader.isPostgres(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        List<LoadReport.TableLoad> loads = new ArrayList<>();
        TablePlan current = null;
        try {
            for (TablePlan plan : plans) {
                current = plan;
                long tableStarted = System.nanoTime();
                if (plan.rows() > 0 && !plan.columns().isEmpty()) {
                    RowSink sink = postgres ? new CopySink(connection, plan) : new InsertSink(connection, plan);
                    writeTable(plan, sink, workers, started);
                    moveSequences(connection, plan, postgres);
                }
                loads.add(new LoadReport.TableLoad(plan.table().name(), plan.rows(), Duration.ofNanos(System.nanoTime() - tableStarted)));
            }
            current = null;
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            if (current != null && !(e instanceof DatasetException)) {
                throw new DatasetException(SpecValidator.problem(current.origin(), "the database rejected rows of table '" + current.table().name()
                        + "' (nothing was loaded): " + e.getMessage(), "This is a bug in Parity if the columns have no rules; otherwise check"
                        + " the rules of the columns named above"), e);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        if (postgres) {
            try (Statement analyze = connection.createStatement()) {
                for (TablePlan plan : plans) {
                    analyze.execute("analyze " + plan.table().qualifiedName());
                }
            }
        }
        return loads;
    }

    private static void writeTable(TablePlan plan, RowSink sink, ExecutorService workers, long started) throws SQLException {
        long rows = plan.rows();
        long chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        int window = 2 * ((java.util.concurrent.ThreadPoolExecutor) workers).getCorePoolSize();
        Deque<Future<Object>> inFlight = new ArrayDeque<>();
        long submitted = 0;
        long written = 0;
        long tableStarted = System.nanoTime();
        long lastLog = tableStarted;
        try {
            while (written < chunks) {
                while (inFlight.size() < window && submitted < chunks) {
                    long from = submitted * CHUNK_ROWS;
                    long to = Math.min(rows, from + CHUNK_ROWS);
                    inFlight.add(workers.submit(() -> sink.encode(plan, from, to)));
                    submitted++;
                }
                sink.write(inFlight.poll().get());
                written++;
                long now = System.nanoTime();
                if (now - started > PROGRESS_AFTER_NANOS && now - lastLog > PROGRESS_AFTER_NANOS) {
                    long done = Math.min(rows, written * CHUNK_ROWS);
                    LOG.log(Level.INFO, String.format("Parity is loading %s: %,d of %,d rows (%,.0f rows/s)", plan.table().name(), done, rows,
                            done / ((now - tableStarted) / 1e9)));
                    lastLog = now;
                }
            }
            sink.finish();
        } catch (ExecutionException e) {
            sink.abort();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            sink.abort();
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while loading " + plan.table().name(), e);
        } catch (SQLException | RuntimeException e) {
            sink.abort();
            throw e;
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static void moveSequences(Connection connection, TablePlan plan, boolean postgres) throws SQLException {
        if (!postgres) {
            return;
        }
        for (String column : plan.sequenceColumns()) {
            String table = plan.table().qualifiedName();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence(" + Sql.literal(table) + ", " + Sql.literal(column) + "), max("
                        + Sql.identifier(column) + ")) from " + table + " having max(" + Sql.identifier(column) + ") is not null");
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "parity-data-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
