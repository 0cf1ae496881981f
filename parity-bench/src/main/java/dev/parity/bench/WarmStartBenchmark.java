package dev.parity.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.parity.junit.ProdLike;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A profile of a million messy rows ({@code bench/warm-start.yml}), run as a developer reruns a test: each run in a
 * JVM of its own, one class with one test, timed from the class's start to its test's body. The first run builds the
 * environment (container, init script, load) and saves it in a fresh snapshot folder; the further runs start from that
 * snapshot, mounted into the container (the default here) and uploaded through Docker's API. Beside them,
 * Testcontainers alone starting the same image, empty, in the same JVM kind ({@link RawContainerStart}). Prints every run, the medians, and the warm start's ratio to the cold one and to
 * Testcontainers' empty start.
 *
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.WarmStartBenchmark postgres 3
 * </pre>
 * Arguments: the profile ({@code postgres} or {@code mariadb}: a million rows of the ten-column table; {@code shop}: the
 * example shop on PostgreSQL with a million customers and five million orders), warm runs (3).
 */
public final class WarmStartBenchmark {

    private static final String PREFIX = "WARM-START-MILLIS ";

    private WarmStartBenchmark() {}

    @ProdLike
    static final class Fixture {
        @Test
        void firstTest(DataSource dataSource) {
            StartCostTimeline.testStarted(Fixture.class);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2], args[3], args.length > 4 ? args[4] : "auto");
            return;
        }
        String engine = args.length > 0 ? args[0] : "postgres";
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String profile = engine;
        engine = engine.equals("mariadb") ? "mariadb" : "postgres";
        String image = engine.equals("mariadb") ? "mariadb:10.11" : "postgres:15";
        Path cache = Files.createTempDirectory("parity-warm-bench");
        try {
            System.out.printf(
                    "Warm start of profile parity-bench-warm-%s (bench/warm-start.yml) on %s, snapshots in %s%n",
                    profile, image, cache);
            long cold = runChild(profile, "on", cache, "auto");
            System.out.printf("  cold (builds and saves): %,d ms%n", cold);
            List<Long> warm = new ArrayList<>();
            List<Long> uploaded = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                long w = runChild(profile, "on", cache, "auto");
                long u = runChild(profile, "on", cache, "upload");
                long r = RawContainerStart.nanos(engine, image) / 1_000_000;
                warm.add(w);
                uploaded.add(u);
                raw.add(r);
                System.out.printf(
                        "  round %d: warm %,d ms (the snapshot mounted), %,d ms (uploaded), Testcontainers alone (empty) %,d ms%n",
                        i + 1, w, u, r);
            }
            long coldOff = runChild(profile, "off", cache, "auto");
            System.out.printf(
                    "  cold with parity.snapshots=off (builds, saves nothing): %,d ms%n", coldOff);
            long warmMedian = median(warm);
            long rawMedian = median(raw);
            System.out.printf(
                    "%nmedians: warm %,d ms | warm uploaded %,d ms | cold %,d ms (snapshots off) | Testcontainers alone, empty: %,d ms%n"
                            + "warm / cold = %.2f; warm / Testcontainers' empty start = %.2f; goal: warm <= 1500 ms%n",
                    warmMedian,
                    median(uploaded),
                    coldOff,
                    rawMedian,
                    (double) warmMedian / coldOff,
                    (double) warmMedian / rawMedian);
            try (Stream<Path> files = Files.walk(cache)) {
                long bytes =
                        files.filter(Files::isRegularFile)
                                .mapToLong(p -> p.toFile().length())
                                .sum();
                System.out.printf("snapshot folder: %,d MB%n", bytes >> 20);
            }
        } finally {
            for (Path folder : List.of(cache, Path.of(cache + "-report"))) {
                if (Files.exists(folder)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        files.sorted(Comparator.reverseOrder())
                                .map(Path::toFile)
                                .forEach(File::delete);
                    }
                }
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long runChild(String profile, String mode, Path cache, String transfer)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        System.getProperty("java.home")
                                + File.separator
                                + "bin"
                                + File.separator
                                + "java",
                        // -Dparity.load.warmUp=false here measures cold starts without the
                        // generators' warm-up
                        "-Dparity.load.warmUp=" + System.getProperty("parity.load.warmUp", "true"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        WarmStartBenchmark.class.getName(),
                        "child",
                        profile,
                        mode,
                        cache.toString(),
                        transfer);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Long measured = null;
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(PREFIX)) {
                    measured = Long.parseLong(line.substring(PREFIX.length()).trim());
                } else if (line.contains("Parity: ")) {
                    System.out.println("  | " + line.substring(line.indexOf("Parity: ")));
                }
            }
        }
        if (process.waitFor() != 0 || measured == null) {
            throw new IllegalStateException(
                    "the child run failed with exit code " + process.exitValue());
        }
        return measured;
    }

    private static void child(String profile, String mode, String cache, String transfer) {
        System.setProperty("parity.config", "bench/warm-start.yml");
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(Fixture.class))
                        .configurationParameter("parity.config", "bench/warm-start.yml")
                        .configurationParameter("parity.profile", "parity-bench-warm-" + profile)
                        .configurationParameter("parity.snapshots", mode)
                        .configurationParameter("parity.snapshots.dir", cache)
                        .configurationParameter("parity.snapshots.transfer", transfer)
                        .configurationParameter("parity.report.dir", cache + "-report")
                        .build();
        StartCostTimeline timeline = new StartCostTimeline(null);
        launcher.execute(request, timeline);
        timeline.failure()
                .ifPresent(
                        failure -> {
                            throw new IllegalStateException(
                                    "the fixture failed: " + failure, failure);
                        });
        System.out.println(PREFIX + timeline.classToTest(Fixture.class) / 1_000_000);
    }
}
