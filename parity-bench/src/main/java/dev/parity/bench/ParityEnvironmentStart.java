package dev.parity.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Parity's side of the start cost, as a user sees it: the {@link StartCostFixtures} run through the
 * JUnit Platform launcher as a build tool runs them. The first class starts the profile's environment
 * (database and Toxiproxy container side by side, proxy, zone check); the further classes find it
 * running. The run's end stops it, as the end of a test run does.
 */
final class ParityEnvironmentStart {

    /** The profile file, a classpath resource of this module. */
    static final String CONFIG = "bench/start-cost.yml";

    private final Launcher launcher = LauncherFactory.create();
    private final String profile;

    ParityEnvironmentStart(String profile) {
        this.profile = profile;
    }

    /** What one launcher run measured, in nanoseconds. */
    record Measured(long firstClassToTest, long launchToFirstTest, List<Long> furtherClassToTest) {}

    Measured run(StackSampler sampler) {
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(
                                Arrays.stream(StartCostFixtures.IN_ORDER)
                                        .map(c -> selectClass(c))
                                        .toList())
                        .configurationParameter("parity.config", CONFIG)
                        .configurationParameter("parity.profile", profile)
                        // cold starts unless asked: -Dbench.snapshots=on measures warm ones
                        .configurationParameter(
                                "parity.snapshots", System.getProperty("bench.snapshots", "off"))
                        .configurationParameter(
                                "parity.snapshots.dir",
                                System.getProperty(
                                        "bench.snapshots.dir",
                                        System.getProperty("java.io.tmpdir")
                                                + "/parity-bench-snapshots"))
                        .configurationParameter(
                                "junit.jupiter.testclass.order.default",
                                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
                        .build();
        StartCostTimeline timeline = new StartCostTimeline(sampler);
        long launched = System.nanoTime();
        launcher.execute(request, timeline);
        timeline.failure()
                .ifPresent(
                        failure -> {
                            throw new IllegalStateException(
                                    "a fixture class failed under profile "
                                            + profile
                                            + ": "
                                            + failure,
                                    failure);
                        });
        Class<?> first = StartCostFixtures.IN_ORDER[0];
        List<Long> further =
                Arrays.stream(StartCostFixtures.IN_ORDER)
                        .skip(1)
                        .map(timeline::classToTest)
                        .toList();
        return new Measured(
                timeline.classToTest(first), timeline.whenTestStarted(first) - launched, further);
    }
}
