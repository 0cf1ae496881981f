package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** @Latency and @Toxic on a method of a class without an environment: a clear error, nothing started. */
class MethodAnnotationsTest {

    static class NoEnvironment {
        @Test
        @Latency(millis = 100)
        void slow() {}
    }

    @Test
    void aMethodAnnotationNeedsAClassWithAnEnvironment() throws NoSuchMethodException {
        EngineExecutionResults results = Kit.run(NoEnvironment.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure =
                results.testEvents()
                        .failed()
                        .list()
                        .get(0)
                        .getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow();
        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@Latency on "
                                + NoEnvironment.class.getDeclaredMethod("slow")
                                + " needs an environment, and environments live as long as a class: "
                                + "put @ProdLike on "
                                + NoEnvironment.class.getName()
                                + ".");
    }
}
