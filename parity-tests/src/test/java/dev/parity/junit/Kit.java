package dev.parity.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture classes (the static nested classes of Parity's tests) in a fresh Jupiter engine, isolated
 * from this build's own configuration. Outside it, {@link FixtureGuard} keeps them from running.
 */
final class Kit {

    /** Set in every run of the kit: fixtures run only where it is present. */
    static final String INSIDE_KIT = "parity.test.inside-engine-test-kit";

    private Kit() {}

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        return told(kit(parameters, fixtures).execute());
    }

    /** Each failure, one line on stderr: when a test's statistics do not add up, its output says why. */
    private static EngineExecutionResults told(EngineExecutionResults results) {
        results.allEvents().failed().stream()
                .forEach(
                        event ->
                                event.getPayload(
                                                org.junit.platform.engine.TestExecutionResult.class)
                                        .flatMap(
                                                org.junit.platform.engine.TestExecutionResult
                                                        ::getThrowable)
                                        .ifPresent(
                                                failure ->
                                                        System.err.println(
                                                                "Kit: "
                                                                        + event.getTestDescriptor()
                                                                                .getDisplayName()
                                                                        + " failed: "
                                                                        + failure)));
        return results;
    }

    /** Everything concurrent, on more threads than this machine has cores so that interleavings really happen. */
    static EngineExecutionResults runInParallel(Class<?>... fixtures) {
        return runInParallel(Map.of(), fixtures);
    }

    static EngineExecutionResults runInParallel(
            Map<String, String> parameters, Class<?>... fixtures) {
        Map<String, String> all = new HashMap<>(parameters);
        all.putAll(
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
        return told(kit(all, fixtures).execute());
    }

    static TestDescriptor discover(Class<?> fixture) {
        return kit(Map.of(), fixture).discover().getEngineDescriptor();
    }

    /** The one failure of the run's containers (classes), as thrown. */
    static Throwable onlyContainerFailure(EngineExecutionResults results) {
        List<Event> failures = results.containerEvents().failed().list();
        if (failures.size() != 1) {
            throw new AssertionError("expected exactly one failed container, got " + failures);
        }
        return failures.get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    /** The one failed test of the run, its failure as thrown. */
    static Throwable onlyTestFailure(EngineExecutionResults results) {
        List<Event> failures = results.testEvents().failed().list();
        if (failures.size() != 1) {
            throw new AssertionError("expected exactly one failed test, got " + failures);
        }
        return failures.get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    private static EngineTestKit.Builder kit(Map<String, String> parameters, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(
                        Arrays.stream(fixtures)
                                .map(c -> selectClass(c))
                                .toArray(DiscoverySelector[]::new))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .configurationParameter(INSIDE_KIT, "true");
    }
}
