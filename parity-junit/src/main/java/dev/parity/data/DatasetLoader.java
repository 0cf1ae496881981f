package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.engine.BulkLoader;
import dev.parity.engine.Engine;
import dev.parity.engine.FreeDisk;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * Fills tables with large, messy, reproducible data.
 *
 * <p>Everything is validated before the first row is written (tables, columns, refs, row counts,
 * Datafaker expressions, CHECK constraints on a sample); a {@link ProblemException} then names each
 * spec's origin. Rows are generated in parallel in fixed chunks and written in order through one
 * connection, in one transaction, by the engine's {@link BulkLoader} (PostgreSQL's COPY, MariaDB's LOAD
 * DATA). At most {@code 2 × threads} chunks are in memory at a time.
 *
 * <p>A cell's value depends only on (seed, table, row, column), so the same seed, schema and specs give
 * the same rows whatever the thread count. Sequences and auto-increment counters behind loaded columns
 * are moved past the loaded rows, and loaded tables are analyzed after the commit, on up to {@code threads}
 * sessions at once ({@link ParallelAnalyze}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatasetLoader {

    /** Rows generated and written as one unit. */
    static final int CHUNK_ROWS = 4096;

    /** How long one chunk's rows may take to make: milliseconds, seconds where a dataset's rules are slow. */
    static final Duration CHUNK_WAIT = Duration.ofMinutes(5);

    private static final long PROGRESS_AFTER_NANOS = 2_000_000_000L;

    private DatasetLoader() {}

    /**
     * Loads {@code specs} into the database of {@code dataSource}.
     *
     * @param seed     the seed of every dataset that has none of its own
     * @param threads  threads generating rows; 1 or more, any number gives the same rows
     * @param progress told now and then how a long load goes ("loading customers: 400,000 of 1,000,000 rows ...")
     * @return what was loaded, and how fast
     * @throws ProblemException when a spec cannot be loaded (nothing is written then) or the database
     *                          rejects the rows (the transaction is rolled back)
     * @throws IllegalStateException when building an index the engine left for after the commit fails (an index
     *                               expression that raises): the rows stay, without that index, and the message
     *                               says so
     */
    public static LoadReport load(
            Engine engine,
            DataSource dataSource,
            List<DatasetSpec> specs,
            long seed,
            int threads,
            Consumer<String> progress) {
        return load(engine, dataSource, specs, seed, threads, progress, Optional::empty);
    }

    /**
     * {@link #load(Engine, DataSource, List, long, int, Consumer)}, refusing a load the database's disk cannot hold.
     *
     * @param freeDisk the free space where the database writes, asked only for a large load
     */
    public static LoadReport load(
            Engine engine,
            DataSource dataSource,
            List<DatasetSpec> specs,
            long seed,
            int threads,
            Consumer<String> progress,
            Supplier<Optional<FreeDisk>> freeDisk) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + threads);
        }
        // a warm-up still under way would take a core from the load
        GeneratorWarmUp.stop();
        long started = System.nanoTime();
        LoadPhases.Clock clock = new LoadPhases.Clock(started);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        // beside the connection and the schema's queries: Datafaker's files, which the pools need
        workers.execute(FakerPools::warmUp);
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, FakerPools> pools = new HashMap<>();
            // the session reads timestamps in the JVM's zone, which drivers send when they connect
            DatabaseState state = DatabaseState.of(connection, engine);
            clock.lap(LoadPhases.SCHEMA);
            DatasetPlanner planner =
                    new DatasetPlanner(
                            state,
                            engine,
                            seed,
                            s -> pools.computeIfAbsent(s, FakerPools::new),
                            ZoneId.systemDefault());
            List<TablePlan> plans = planner.plan(specs);
            clock.lap(LoadPhases.PLAN);
            pools.values().forEach(p -> p.fill(workers));
            clock.lap(LoadPhases.POOLS);
            LoadSize.check(plans, LoadSize.maxBytes(), freeDisk)
                    .ifPresent(
                            tooLarge -> {
                                throw new ProblemException(tooLarge);
                            });
            List<Problem> problems = sample(plans);
            if (problems.isEmpty()) {
                problems =
                        new ServerJudge(
                                        ServerJudge.Verdicts.of(connection, engine.dialect()),
                                        engine.dialect(),
                                        progress)
                                .judge(plans);
            }
            if (!problems.isEmpty()) {
                throw new ProblemException(problems);
            }
            clock.lap(LoadPhases.VALIDATE);
            List<LoadReport.TableLoad> loads =
                    new Writer(
                                    engine.loader(),
                                    engine.dialect(),
                                    connection,
                                    dataSource,
                                    workers,
                                    threads,
                                    started,
                                    clock,
                                    progress,
                                    planner.neededBy(),
                                    planner.unchecked())
                            .write(plans);
            return new LoadReport(
                    seed, loads, Duration.ofNanos(System.nanoTime() - started), clock.phases());
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the datasets: " + e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Rows of each table made before anything is written: a CHECK no values meet fails here, naming it, not half way through the load. */
    static final int SAMPLE = 200;

    static List<Problem> sample(List<TablePlan> plans) {
        List<Problem> problems = new ArrayList<>();
        for (TablePlan plan : plans) {
            for (RowGroup group : plan.groups()) {
                try {
                    for (long row = 0; row < Math.min(SAMPLE, plan.rows()); row++) {
                        group.made(row);
                    }
                } catch (ProblemException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return problems;
    }

    /**
     * Loads Datafaker's classes and files on a thread of its own, once per JVM, so that a load started later
     * finds them ready: an environment calls it when its database starts cold with datasets to load.
     */
    public static void warmUpInBackground() {
        FakerPools.warmUpInBackground();
    }

    /**
     * As {@link #warmUpInBackground()}, and for a load of {@code rows} rows or more (100,000), also has the JIT compile
     * the row generators, by making rows of a common table and throwing them away ({@link GeneratorWarmUp}) until the
     * load begins. The load's rows are the same either way.
     */
    public static void warmUpInBackground(Engine engine, long rows) {
        FakerPools.warmUpInBackground();
        GeneratorWarmUp.startInBackground(engine, rows);
    }

    /** The largest load allowed ({@code parity.data.maxBytes}, or its default); a value that is not whole bytes is an error. */
    public static long maxBytes() {
        return LoadSize.maxBytes();
    }

    /** How long the indexes built after the commit may take, after the load's own session ended its share. */
    static final Duration AFTER_COMMIT_WAIT = Duration.ofMinutes(30);

    /** Writes the plans in order, one transaction. */
    private record Writer(
            BulkLoader loader,
            SqlDialect dialect,
            Connection connection,
            DataSource dataSource,
            ExecutorService workers,
            int threads,
            long started,
            LoadPhases.Clock clock,
            Consumer<String> progress,
            Map<DatasetSpec, String> neededBy,
            Set<TableInfo.ForeignKey> unchecked) {

        List<LoadReport.TableLoad> write(List<TablePlan> plans) throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            List<LoadReport.TableLoad> loads = new ArrayList<>();
            TablePlan current = null;
            BulkLoader.Restore restore = BulkLoader.Restore.NOTHING;
            try {
                List<TablePlan> written =
                        plans.stream().filter(p -> p.rows() > 0 && !p.columns().isEmpty()).toList();
                restore =
                        loader.prepare(
                                connection,
                                written.stream().map(TablePlan::table).toList(),
                                written.stream()
                                        .filter(p -> !p.later().isEmpty())
                                        .map(TablePlan::table)
                                        .toList());
                clock.lap(LoadPhases.DROP);
                for (TablePlan plan : plans) {
                    current = plan;
                    long tableStarted = System.nanoTime();
                    if (plan.rows() > 0 && !plan.columns().isEmpty()) {
                        writeTable(
                                plan, loader.open(connection, plan.table(), plan.writtenColumns()));
                        loader.afterTable(connection, plan.table(), plan.autoIncrementColumns());
                    }
                    loads.add(
                            new LoadReport.TableLoad(
                                    plan.table().name(),
                                    plan.rows(),
                                    Duration.ofNanos(System.nanoTime() - tableStarted),
                                    Optional.ofNullable(neededBy.get(plan.spec())),
                                    plan.measuredMess()));
                }
                current = null;
                clock.skip();
                SecondPass.fill(connection, dialect, plans, progress);
                checkAhead(plans);
                clock.lap(LoadPhases.SECOND_PASS);
                restore.restore(connection);
                clock.lap(LoadPhases.RESTORE);
                connection.commit();
                clock.lap(LoadPhases.COMMIT);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (current != null && !(e instanceof ProblemException)) {
                    List<String> triggers = insertTriggers(current.table());
                    throw new ProblemException(
                            new Problem(
                                    current.origin(),
                                    "the database rejected rows of table '"
                                            + current.table().name()
                                            + "' (nothing was loaded): "
                                            + e.getMessage()
                                            + (triggers.isEmpty()
                                                    ? ""
                                                    : "; the table has triggers that run on insert: "
                                                            + String.join(", ", triggers)),
                                    "If no rule of this dataset explains it (a value, an expression), the schema has something Parity does not "
                                            + "understand yet: "
                                            + (triggers.isEmpty()
                                                    ? "a trigger that rejects rows, or a constraint it cannot read"
                                                    : "one of those triggers rejects rows, or a constraint it cannot read")
                                            + ". Give the columns named above rules whose values the database accepts."),
                            e);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            afterCommit(restore.afterCommit());
            clock.lap(LoadPhases.AFTER_COMMIT);
            ParallelAnalyze.analyze(loader, connection, dataSource, workers, plans, threads);
            clock.lap(LoadPhases.ANALYZE);
            return loads;
        }

        /**
         * What the loader left for after the commit (indexes no row can fail), on up to {@code threads} sessions at
         * once, the heaviest first, each unit in a transaction of its own. A failure here leaves the rows committed
         * without what failed, and says so; the environment that loaded them is then not used.
         */
        private void afterCommit(List<BulkLoader.AfterCommit> units) throws SQLException {
            try {
                ParallelSessions.run(
                        connection,
                        dataSource,
                        workers,
                        ParallelAnalyze.split(units, BulkLoader.AfterCommit::weight, threads),
                        Writer::runAll,
                        AFTER_COMMIT_WAIT,
                        "building",
                        group ->
                                String.join(
                                        ", ",
                                        group.stream().map(BulkLoader.AfterCommit::what).toList()));
            } catch (SQLException e) {
                throw new SQLException(
                        e.getMessage()
                                + " (after the load's commit: its rows are in the database without it)",
                        e.getSQLState(),
                        e);
            }
        }

        private static void runAll(Connection session, List<BulkLoader.AfterCommit> units)
                throws SQLException {
            boolean autoCommit = session.getAutoCommit();
            session.setAutoCommit(false);
            try (java.sql.Statement statement = session.createStatement()) {
                for (BulkLoader.AfterCommit unit : units) {
                    for (String sql : unit.statements()) {
                        try {
                            statement.execute(sql);
                        } catch (SQLException e) {
                            session.rollback();
                            throw new SQLException(
                                    "could not build "
                                            + unit.what()
                                            + ": "
                                            + e.getMessage()
                                            + " (while running: "
                                            + sql
                                            + ")",
                                    e.getSQLState(),
                                    e);
                        }
                    }
                    session.commit();
                }
            } finally {
                session.setAutoCommit(autoCommit);
            }
        }

        /** The table's insert triggers, as "name (BEFORE)", to name in a failure; none when the catalog cannot say. */
        private List<String> insertTriggers(TableInfo table) {
            String sql =
                    "select distinct trigger_name, action_timing from information_schema.triggers where event_object_schema = ?"
                            + " and event_object_table = ? and event_manipulation = 'INSERT' order by trigger_name";
            List<String> triggers = new ArrayList<>();
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, table.schema());
                statement.setString(2, table.name());
                try (java.sql.ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        triggers.add(result.getString(1) + " (" + result.getString(2) + ")");
                    }
                }
            } catch (SQLException e) {
                return List.of(); // the failure itself is what counts
            }
            return triggers;
        }

        /**
         * The rows of foreign keys that pointed ahead with nothing checking them (a NOT NULL cycle on MariaDB): every one
         * must reach a row now, or the load fails as such a cycle did before it could be loaded.
         */
        private void checkAhead(List<TablePlan> plans) throws SQLException {
            Map<String, TablePlan> byName = new HashMap<>();
            plans.forEach(p -> byName.put(p.table().name(), p));
            for (TablePlan plan : plans) {
                for (TableInfo.ForeignKey fk : plan.table().foreignKeys()) {
                    TablePlan parent = byName.get(fk.refTable());
                    if (!unchecked.contains(fk) || parent == null) {
                        continue;
                    }
                    StringBuilder join = new StringBuilder();
                    StringBuilder set = new StringBuilder();
                    for (int i = 0; i < fk.columns().size(); i++) {
                        join.append(i == 0 ? "" : " and ")
                                .append("c.")
                                .append(dialect.identifier(fk.columns().get(i)))
                                .append(" = p.")
                                .append(dialect.identifier(fk.refColumns().get(i)));
                        set.append(i == 0 ? "" : " and ")
                                .append("c.")
                                .append(dialect.identifier(fk.columns().get(i)))
                                .append(" is not null");
                    }
                    String orphans =
                            "select count(*) from "
                                    + plan.table().qualifiedName()
                                    + " c where "
                                    + set
                                    + " and not exists (select 1 from "
                                    + parent.table().qualifiedName()
                                    + " p where "
                                    + join
                                    + ")";
                    try (java.sql.Statement statement = connection.createStatement();
                            java.sql.ResultSet result = statement.executeQuery(orphans)) {
                        result.next();
                        if (result.getLong(1) > 0) {
                            throw new ProblemException(
                                    new Problem(
                                            plan.origin(),
                                            "tables "
                                                    + plan.table().name()
                                                    + ", "
                                                    + parent.table().name()
                                                    + " reference one another through NOT NULL foreign keys, and "
                                                    + result.getLong(1)
                                                    + " rows of "
                                                    + plan.table().name()
                                                    + " point at no row of "
                                                    + parent.table().name()
                                                    + " ("
                                                    + fk.name()
                                                    + ") after the load",
                                            "Load one of them from an init script instead, make one of those foreign key columns nullable, "
                                                    + "or declare one of those foreign keys DEFERRABLE."));
                        }
                    }
                }
            }
        }

        private void writeTable(TablePlan plan, BulkLoader.TableWriter writer) throws SQLException {
            long rows = plan.rows();
            long chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
            int window = 2 * threads;
            Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
            long submitted = 0;
            long written = 0;
            long tableStarted = System.nanoTime();
            long lastLog = tableStarted;
            try {
                while (written < chunks) {
                    while (inFlight.size() < window && submitted < chunks) {
                        long from = submitted * CHUNK_ROWS;
                        long to = Math.min(rows, from + CHUNK_ROWS);
                        inFlight.add(workers.submit(() -> writer.encode(plan.cursor(), from, to)));
                        submitted++;
                    }
                    long waiting = System.nanoTime();
                    byte[] chunk = encoded(inFlight.poll(), plan);
                    long sending = System.nanoTime();
                    writer.write(chunk);
                    clock.add(LoadPhases.GENERATE, sending - waiting);
                    clock.add(LoadPhases.SEND, System.nanoTime() - sending);
                    written++;
                    long now = System.nanoTime();
                    if (now - started > PROGRESS_AFTER_NANOS
                            && now - lastLog > PROGRESS_AFTER_NANOS) {
                        long done = Math.min(rows, written * CHUNK_ROWS);
                        progress.accept(
                                String.format(
                                        "loading %s: %,d of %,d rows (%,.0f rows/s)",
                                        plan.table().name(),
                                        done,
                                        rows,
                                        done / ((now - tableStarted) / 1e9)));
                        lastLog = now;
                    }
                }
                long finishing = System.nanoTime();
                writer.finish();
                clock.add(LoadPhases.SEND, System.nanoTime() - finishing);
            } catch (ExecutionException e) {
                writer.abort();
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                writer.abort();
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while loading " + plan.table().name(), e);
            } catch (SQLException | RuntimeException e) {
                writer.abort();
                throw e;
            } finally {
                inFlight.forEach(f -> f.cancel(true));
            }
        }
    }

    /** A chunk's rows, encoded by a worker within {@link #CHUNK_WAIT}. */
    private static byte[] encoded(Future<byte[]> chunk, TablePlan plan)
            throws ExecutionException, InterruptedException {
        try {
            return chunk.get(CHUNK_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            chunk.cancel(true);
            throw new IllegalStateException(
                    "a chunk of "
                            + CHUNK_ROWS
                            + " rows of "
                            + plan.table().name()
                            + " was not made within "
                            + CHUNK_WAIT.toSeconds()
                            + " s: a rule of its dataset takes too long to make values",
                    e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "parity-data-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
