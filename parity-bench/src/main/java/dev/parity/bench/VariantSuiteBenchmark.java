package dev.parity.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.testcontainers.DockerClientFactory;

/**
 * What a suite of classes that differ only in their data and zone costs to start, in one JVM: the
 * {@link VariantSuiteFixtures} (one profile; three dataset variants, one of them also in a second zone) run through
 * the JUnit Platform launcher, from the launch to the end of the run (which stops everything), under
 * {@code parity.servers=shared} (the default: a database per variant on one server per zone) and under
 * {@code parity.servers=per-data} (a server and a Toxiproxy per variant, as before servers were shared). Rounds
 * alternate which goes first; prints every round, the medians side by side, and the containers each started.
 *
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.VariantSuiteBenchmark postgres 3
 * </pre>
 * Arguments: engine ({@code postgres} or {@code mariadb}), rounds (3).
 */
public final class VariantSuiteBenchmark {

    private static final String CONFIG = "bench/variants.yml";

    private VariantSuiteBenchmark() {}

    public static void main(String[] args) {
        String engine = args.length > 0 ? args[0] : "postgres";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String profile = "parity-bench-variants-" + engine;
        System.setProperty(
                "parity.config",
                CONFIG); // discovery computes resource locks from the system property
        DockerClientFactory.instance().client();
        Launcher launcher = LauncherFactory.create();
        System.out.printf(
                "A suite of %d classes, 3 dataset variants and 2 zones on profile %s: warm-up ...%n",
                VariantSuiteFixtures.SUITE.length, profile);
        run(launcher, profile, "shared");
        List<Long> shared = new ArrayList<>();
        List<Long> perData = new ArrayList<>();
        int sharedContainers = 0;
        int perDataContainers = 0;
        for (int round = 1; round <= rounds; round++) {
            boolean sharedFirst = round % 2 == 1;
            for (String mode :
                    sharedFirst ? List.of("shared", "per-data") : List.of("per-data", "shared")) {
                long nanos = run(launcher, profile, mode);
                int containers = VariantSuiteFixtures.CONTAINERS.size();
                if (mode.equals("shared")) {
                    shared.add(nanos);
                    sharedContainers = containers;
                } else {
                    perData.add(nanos);
                    perDataContainers = containers;
                }
                System.out.printf(
                        "round %d, parity.servers=%-8s %6d ms, %d containers%n",
                        round, mode, nanos / 1_000_000, containers);
            }
        }
        long sharedMedian = Medians.of(shared);
        long perDataMedian = Medians.of(perData);
        System.out.printf(
                "%nmedian of %d rounds   | suite start to end | containers (database servers and Toxiproxies)%n",
                rounds);
        System.out.printf(
                "per-data (before)    | %15d ms | %d%n",
                perDataMedian / 1_000_000, perDataContainers);
        System.out.printf(
                "shared (now)         | %15d ms | %d%n",
                sharedMedian / 1_000_000, sharedContainers);
        System.out.printf(
                "shared / per-data    | %17.2fx |%n", (double) sharedMedian / perDataMedian);
    }

    /** One launcher run of the suite under {@code parity.servers=mode}; fails if a fixture fails. */
    private static long run(Launcher launcher, String profile, String mode) {
        VariantSuiteFixtures.CONTAINERS.clear();
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(
                                Arrays.stream(VariantSuiteFixtures.SUITE)
                                        .map(c -> selectClass(c))
                                        .toList())
                        .configurationParameter("parity.config", CONFIG)
                        .configurationParameter("parity.profile", profile)
                        .configurationParameter("parity.servers", mode)
                        .build();
        Throwable[] failure = new Throwable[1];
        long started = System.nanoTime();
        launcher.execute(
                request,
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(
                            TestIdentifier identifier, TestExecutionResult result) {
                        if (failure[0] == null
                                && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failure[0] =
                                    result.getThrowable()
                                            .orElseGet(
                                                    () ->
                                                            new IllegalStateException(
                                                                    identifier.getDisplayName()
                                                                            + ": "
                                                                            + result));
                        }
                    }
                });
        long took = System.nanoTime() - started;
        if (failure[0] != null) {
            throw new IllegalStateException(
                    "a fixture class failed under parity.servers=" + mode + ": " + failure[0],
                    failure[0]);
        }
        return took;
    }
}
