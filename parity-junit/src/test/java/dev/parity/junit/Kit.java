package dev.parity.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes in a fresh Jupiter engine, isolated from this build's own configuration. */
final class Kit {

    private static final String INSIDE_KIT = "parity.test.inside-engine-test-kit";

    private Kit() {
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return kit(fixtures).execute();
    }

    /** Everything concurrent, on more threads than this machine has cores so that interleavings really happen. */
    static EngineExecutionResults runInParallel(Class<?>... fixtures) {
        return kit(fixtures).configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .execute();
    }

    static TestDescriptor discover(Class<?> fixture) {
        return kit(fixture).discover().getEngineDescriptor();
    }

    private static EngineTestKit.Builder kit(Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(INSIDE_KIT, "true");
    }

    /** Fixtures deliberately fail; they must not run when an IDE or Surefire picks them up directly. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(OnlyInsideKit.class)
    @interface Fixture {
    }

    static final class OnlyInsideKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(INSIDE_KIT).isPresent()
                    ? ConditionEvaluationResult.enabled("run by Kit")
                    : ConditionEvaluationResult.disabled("fixture: only runs inside Kit");
        }
    }
}
