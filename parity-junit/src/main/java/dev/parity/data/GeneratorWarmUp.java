package dev.parity.data;

import dev.parity.engine.Engine;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import dev.parity.engine.sql.TabSeparatedBuffer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Rows of a table such as most schemas have (names, e-mails, phones, cities, countries, dates, timestamps, amounts,
 * flags, notes), made, encoded and thrown away on one daemon thread while a database starts, so that the JIT compiler
 * has the generators and the encoder compiled when the load begins. In a JVM of its own, which is how a developer runs
 * one test class, a million rows otherwise spend their first seconds in code not compiled yet: measured here, a load
 * of 1,000,000 rows took 5.8 s in a fresh JVM and 3.7 s after 100,000 rows made before it.
 *
 * <p>Once per JVM. It stops when a load begins (so that it never takes a core from one), after {@link #ROWS} rows, or
 * after {@link #BOUND}, whichever comes first; it writes nothing and shares no state with a load but what is
 * compiled, so the rows of a load are the same with or without it.
 */
final class GeneratorWarmUp {

    /** Enough for the hot code to be compiled: more rows gave no faster load. */
    static final long ROWS = 100_000;

    /** However slow the machine, the thread ends. */
    static final Duration BOUND = Duration.ofSeconds(20);

    /** Loads of fewer rows than this finish before compilation would pay off; they are not warmed for. */
    static final long WORTH_IT = 100_000;

    private static final String TABLE = "parity_warm_up";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static volatile boolean stopped;

    private GeneratorWarmUp() {}

    /** Starts the warm-up for {@code engine}'s loads, once per JVM, if a load of {@code rows} rows is coming. */
    static void startInBackground(Engine engine, long rows) {
        if (rows < WORTH_IT || stopped || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread =
                new Thread(() -> make(engine, ROWS, () -> stopped), "parity-generator-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** A load begins: the warm-up ends at its next chunk, and none starts after. */
    static void stop() {
        stopped = true;
    }

    /**
     * Makes up to {@code rows} of the warm-up's rows for {@code engine}, a chunk at a time, until {@code stop} says
     * so; returns how many it made (0 if planning them failed).
     */
    static long make(Engine engine, long rows, BooleanSupplier stop) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        long made = 0;
        try {
            TablePlan plan = plan(engine, rows);
            while (made < rows && !stop.getAsBoolean() && System.nanoTime() < deadline) {
                long to = Math.min(rows, made + DatasetLoader.CHUNK_ROWS);
                TabSeparatedBuffer.encode(plan.cursor(), plan.width(), made, to);
                made = to;
            }
        } catch (Exception | LinkageError e) {
            // only a warm-up: the load itself reports what is wrong, if anything is
        }
        return made;
    }

    /** The plan of the warm-up's table, its Datafaker pools filled. */
    static TablePlan plan(Engine engine, long rows) throws SQLException {
        ExecutorService pool = Executors.newSingleThreadExecutor(GeneratorWarmUp::daemon);
        try {
            Map<Long, FakerPools> pools = new HashMap<>();
            DatasetPlanner planner =
                    new DatasetPlanner(
                            DatabaseState.empty(
                                    Map.of(TABLE, table(engine.id().equals("mariadb")))),
                            engine,
                            1,
                            s -> pools.computeIfAbsent(s, FakerPools::new),
                            ZoneOffset.UTC);
            TablePlan plan = planner.plan(List.of(DatasetSpec.of(TABLE, rows))).get(0);
            pools.values().forEach(p -> p.fill(pool));
            return plan;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TableInfo table(boolean mariadb) {
        List<ColumnInfo> columns =
                List.of(
                        column(
                                "id",
                                ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
                                false),
                        column("full_name", ColumnType.text("varchar(200)", 200), true),
                        column("email", ColumnType.text("varchar(320)", 320), false),
                        column("phone", ColumnType.text("varchar(40)", 40), true),
                        column("city", ColumnType.text("text", -1), true),
                        column("country", ColumnType.text("char(2)", 2), false),
                        column("status", ColumnType.text("varchar(16)", 16), false),
                        column("birth_date", ColumnType.of(ColumnType.Kind.DATE, "date"), true),
                        column(
                                "created_at",
                                mariadb
                                        ? ColumnType.of(ColumnType.Kind.TIMESTAMP_TZ, "timestamp")
                                        : ColumnType.of(
                                                ColumnType.Kind.TIMESTAMP_TZ,
                                                "timestamp with time zone"),
                                false),
                        column(
                                "balance",
                                ColumnType.decimal(
                                        mariadb ? "decimal(12,2)" : "numeric(12,2)", 12, 2),
                                true),
                        column(
                                "quantity",
                                ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                                true),
                        column(
                                "active",
                                ColumnType.of(
                                        ColumnType.Kind.BOOLEAN,
                                        mariadb ? "tinyint(1)" : "boolean"),
                                true),
                        column("notes", ColumnType.text("text", -1), true));
        String quoted = mariadb ? "`" + TABLE + "`" : "\"public\".\"" + TABLE + "\"";
        return new TableInfo(
                mariadb ? "parity" : "public",
                TABLE,
                quoted,
                columns,
                List.of("id"),
                List.of(List.of("email")),
                List.of(),
                List.of());
    }

    private static ColumnInfo column(String name, ColumnType type, boolean nullable) {
        return new ColumnInfo(name, type, nullable, null, false, false);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "parity-generator-warm-up-pools");
        thread.setDaemon(true);
        return thread;
    }
}
