package dev.parity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * What Parity's environment costs at the start of a test run, against Testcontainers alone, for one
 * engine, in one JVM:
 * <ol>
 *   <li>(a) Testcontainers starting the database container by itself ({@code PostgreSQLContainer} /
 *       {@code MariaDBContainer}, same image) until it is ready ({@link RawContainerStart});</li>
 *   <li>(b) Parity's environment for the same database as a user sees it: the first {@code @ProdLike}
 *       class of a launcher run, from the class's start to its first test's body: database and Toxiproxy
 *       container started side by side, the class's proxy and toxics, the zone check
 *       ({@link ParityEnvironmentStart}, profile {@code bench/start-cost.yml});</li>
 *   <li>(c) each further class of the same run, on the running environment, from its start to its test's body.</li>
 * </ol>
 * One warm-up round, then rounds alternating which of (a) and (b) goes first; prints every round, the
 * medians, the ratio (b)/(a) of the medians (goal at most 1.1x; beside it the median of each round's own
 * ratio, which a busy moment of a shared machine moves less) and (c) (goal at most 20 ms). With
 * {@code -Dbench.breakdown=true}, three more runs with {@link StackSampler} watching the further
 * classes print where their time goes.
 *
 * <p>Run from the repository root (Docker running, the images local), once per engine:
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.StartCostBenchmark postgres
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.StartCostBenchmark mariadb
 * </pre>
 * Arguments: engine ({@code postgres} or {@code mariadb}), rounds (5), and {@code no-zone} to use the
 * profile that pins no time zone (so no class runs the zone check).
 * Parity's starts are cold ({@code parity.snapshots=off}); {@code -Dbench.snapshots=on} measures warm ones, from the
 * snapshot the warm-up round saves (in {@code java.io.tmpdir}/parity-bench-snapshots, or {@code -Dbench.snapshots.dir}).
 * Each environment's log line says where its start went, step by step.
 */
public final class StartCostBenchmark {

    private static final Map<String, String> IMAGES =
            Map.of("postgres", "postgres:15", "mariadb", "mariadb:10.11");

    private StartCostBenchmark() {}

    public static void main(String[] args) {
        String engine = args.length > 0 ? args[0] : "postgres";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String profile =
                "parity-bench-start-"
                        + engine
                        + (args.length > 2 && args[2].equals("no-zone") ? "-no-zone" : "");
        String image = IMAGES.get(engine);
        if (image == null) {
            throw new IllegalArgumentException(
                    "no engine " + engine + "; use one of " + IMAGES.keySet());
        }
        // discovery computes resource locks from the system property, the run reads the
        // configuration parameter
        System.setProperty("parity.config", ParityEnvironmentStart.CONFIG);
        ParityEnvironmentStart parity = new ParityEnvironmentStart(profile);
        DockerClientFactory.instance().client(); // both sides find Docker's client ready

        System.out.printf("Start cost of %s, profile %s: warm-up round ...%n", image, profile);
        RawContainerStart.nanos(engine, image);
        parity.run(null);

        List<Long> raw = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        List<Long> launchToFirst = new ArrayList<>();
        List<Long> further = new ArrayList<>();
        List<Long> ratiosPerMille = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            ParityEnvironmentStart.Measured measured;
            long rawNanos;
            if (round % 2 == 1) {
                rawNanos = RawContainerStart.nanos(engine, image);
                measured = parity.run(null);
            } else {
                measured = parity.run(null);
                rawNanos = RawContainerStart.nanos(engine, image);
            }
            raw.add(rawNanos);
            first.add(measured.firstClassToTest());
            launchToFirst.add(measured.launchToFirstTest());
            further.addAll(measured.furtherClassToTest());
            ratiosPerMille.add(1000 * measured.firstClassToTest() / rawNanos);
            System.out.printf(
                    "Round %d of %d: (a) Testcontainers %,d ms, (b) Parity first class %,d ms (%,d ms from launch), (b)/(a) %.2fx, "
                            + "(c) further classes %s ms%n",
                    round,
                    rounds,
                    ms(rawNanos),
                    ms(measured.firstClassToTest()),
                    ms(measured.launchToFirstTest()),
                    (double) measured.firstClassToTest() / rawNanos,
                    measured.furtherClassToTest().stream()
                            .map(n -> String.format("%.1f", n / 1e6))
                            .toList());
        }

        long rawMedian = Medians.of(raw);
        long firstMedian = Medians.of(first);
        long furtherMedian = Medians.of(further);
        double ratio = (double) firstMedian / rawMedian;
        System.out.println();
        System.out.printf(
                "Start cost of %s, profile %s, median of %d rounds (further classes: %d)%n",
                image, profile, rounds, further.size());
        System.out.printf(
                "  (a) Testcontainers alone, container to ready:          %,7d ms%n",
                ms(rawMedian));
        System.out.printf(
                "  (b) Parity, first class to its test (db + Toxiproxy):  %,7d ms   (%,d ms from launch)%n",
                ms(firstMedian), ms(Medians.of(launchToFirst)));
        System.out.printf(
                "      ratio (b)/(a): %.2fx (median of the rounds' own ratios: %.2fx)   goal <= 1.1x: %s%n",
                ratio, Medians.of(ratiosPerMille) / 1000.0, ratio <= 1.1 ? "met" : "NOT met");
        System.out.printf(
                "  (c) Parity, further class to its test:                 %7.1f ms   (min %.1f, max %.1f)   goal <= 20 ms: %s%n",
                furtherMedian / 1e6,
                Medians.min(further) / 1e6,
                Medians.max(further) / 1e6,
                furtherMedian <= 20_000_000 ? "met" : "NOT met");

        if (Boolean.getBoolean("bench.breakdown")) {
            StackSampler sampler = new StackSampler();
            for (int i = 0; i < 3; i++) {
                parity.run(sampler);
            }
            sampler.print(15);
        }
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
