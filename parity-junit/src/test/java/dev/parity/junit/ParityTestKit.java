package dev.parity.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes on the Jupiter engine with the given configuration parameters. */
final class ParityTestKit {

    private ParityTestKit() {
    }

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        var kit = EngineTestKit.engine("junit-jupiter").configurationParameters(parameters);
        for (Class<?> fixture : fixtures) {
            kit = kit.selectors(selectClass(fixture));
        }
        return kit.execute();
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** The one failure of the run's containers (classes), as thrown. */
    static Throwable onlyContainerFailure(EngineExecutionResults results) {
        var failures = results.containerEvents().failed().list();
        if (failures.size() != 1) {
            throw new AssertionError("expected exactly one failed container, got " + failures);
        }
        Event event = failures.get(0);
        return event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
