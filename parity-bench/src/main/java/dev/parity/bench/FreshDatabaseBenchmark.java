package dev.parity.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a {@code @FreshDatabase} costs a test, beside the shared database: the time from a test's start (as
 * the launcher reports it, before any before-each callback) to its body, where its database is ready; for
 * {@value FreshDatabaseFixtures#TESTS} tests in a row, each changing a row and working
 * {@value FreshDatabaseFixtures#WORK_MILLIS} ms. Four runs through the JUnit Platform launcher, each a test
 * run of its own (its environment started and its {@code orders} table filled with Parity's generated rows):
 * <ol>
 *   <li>the shared database (the baseline: what the same test costs without a copy);</li>
 *   <li>{@code @FreshDatabase} with the default pool, which makes copies while tests work;</li>
 *   <li>{@code @FreshDatabase} without a pool ({@code parity.pool.size=0}): each copy made as its test starts (cold);</li>
 *   <li>{@code @FreshDatabase} with the default pool and tests that do no work: the copies per second the pool
 *       sustains, which tests that work at least (pool workers / that rate) never notice.</li>
 * </ol>
 * The first test of a run waits for the pool's first copy (or, shared, for nothing more): it is reported
 * apart, and medians and 95th percentiles are of the other tests.
 *
 * <p>Run from the repository root (Docker running, the images local):
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.FreshDatabaseBenchmark            # 100,000 rows
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.FreshDatabaseBenchmark 1000000    # 1M rows
 * </pre>
 * A second argument names the image ({@code postgres:15} by default; {@code mariadb:10.11} copies table by table);
 * a third the profile's {@code storage:}, {@code disk} or {@code memory} (both, one after the other, by default).
 */
public final class FreshDatabaseBenchmark {

    private FreshDatabaseBenchmark() {}

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000;
        String image = args.length > 1 ? args[1] : "postgres:15";
        List<String> storages = args.length > 2 ? List.of(args[2]) : List.of("disk", "memory");
        for (String storage : storages) {
            measure(rows, image, storage);
        }
    }

    private static void measure(long rows, String image, String storage) throws IOException {
        boolean mariadb = image.startsWith("mariadb");
        Path file = Files.createTempFile("parity-fresh-bench", ".yml");
        Files.writeString(
                file,
                "profiles:\n  fresh-bench:\n    database:\n"
                        + (mariadb ? "      engine: mariadb\n" : "")
                        + "      image: "
                        + image
                        + "\n"
                        + "      storage: "
                        + storage
                        + "\n"
                        + "      init: [bench/fresh/schema"
                        + (mariadb ? "-mariadb" : "")
                        + ".sql]\n"
                        + "    datasets:\n      - table: orders\n        rows: "
                        + rows
                        + "\n");
        try {
            System.out.printf(
                    "Fresh databases of a %,d-row template (%s, storage: %s), %d tests a run, one at a time; this machine: %d cores%n",
                    rows,
                    image,
                    storage,
                    FreshDatabaseFixtures.TESTS,
                    Runtime.getRuntime().availableProcessors());
            Run shared =
                    run(
                            file,
                            FreshDatabaseFixtures.Shared.class,
                            Map.of(),
                            FreshDatabaseFixtures.WORK_MILLIS);
            Run pooled =
                    run(
                            file,
                            FreshDatabaseFixtures.Fresh.class,
                            Map.of(),
                            FreshDatabaseFixtures.WORK_MILLIS);
            Run cold =
                    run(
                            file,
                            FreshDatabaseFixtures.Fresh.class,
                            Map.of("parity.pool.size", "0"),
                            FreshDatabaseFixtures.WORK_MILLIS);
            Run flat = run(file, FreshDatabaseFixtures.Fresh.class, Map.of(), 0);

            System.out.printf(
                    "%n%,d rows, %s, storage: %s. From a test's start to its database, tests working %d ms (ms; the first test apart):%n",
                    rows, image, storage, FreshDatabaseFixtures.WORK_MILLIS);
            System.out.printf("  %-48s %8s %8s %8s %10s%n", "", "median", "p95", "max", "first");
            shared.print("shared database (baseline)");
            pooled.print("@FreshDatabase, warm pool (default size 2)");
            cold.print("@FreshDatabase, no pool (parity.pool.size=0)");
            flat.print("@FreshDatabase, warm pool, tests doing no work");
            System.out.printf(
                    "  copies per second the pool sustains (tests doing no work, one after another): %.1f%n",
                    flat.perSecond());
            System.out.printf(
                    "  copies per second made one at a time as tests start (no pool): %.1f%n%n",
                    1000.0 / Math.max(0.001, cold.medianMillis()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Run(List<Long> waits, long wallNanos) {

        double medianMillis() {
            return Medians.of(rest()) / 1e6;
        }

        List<Long> rest() {
            return waits.subList(1, waits.size());
        }

        /** Tests (and so copies) per second, from the first test's body to the end of the last. */
        double perSecond() {
            return (waits.size() - 1) * 1e9 / wallNanos;
        }

        void print(String what) {
            List<Long> sorted = rest().stream().sorted().toList();
            long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            System.out.printf(
                    "  %-44s %8.1f %8.1f %8.1f %10.1f%n",
                    what,
                    Medians.of(sorted) / 1e6,
                    p95 / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6,
                    waits.get(0) / 1e6);
        }
    }

    private static Run run(
            Path file, Class<?> fixture, Map<String, String> parameters, long workMillis) {
        FreshDatabaseFixtures.WAITS.clear();
        FreshDatabaseFixtures.work = workMillis;
        Launcher launcher = LauncherFactory.create();
        FreshDatabaseFixtures.Timeline timeline = new FreshDatabaseFixtures.Timeline();
        LauncherDiscoveryRequestBuilder request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(fixture))
                        .configurationParameter("parity.config", file.toString())
                        .configurationParameter("parity.profile", "fresh-bench");
        parameters.forEach(request::configurationParameter);
        System.out.printf(
                "  running %s %s, tests working %d ms ...%n",
                fixture.getSimpleName(), parameters, workMillis);
        launcher.execute(request.build(), timeline);
        if (timeline.failure != null) {
            throw new IllegalStateException(
                    fixture.getSimpleName() + " failed: " + timeline.failure, timeline.failure);
        }
        List<Long> waits = new ArrayList<>(FreshDatabaseFixtures.WAITS);
        if (waits.size() != FreshDatabaseFixtures.TESTS) {
            throw new IllegalStateException(
                    "expected "
                            + FreshDatabaseFixtures.TESTS
                            + " tests to run, "
                            + waits.size()
                            + " did");
        }
        return new Run(waits, timeline.lastFinished - timeline.firstBody);
    }
}
