package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Fixtures that fail on purpose do not run on their own, as a scanning runner would run them; inside Kit they do. */
class FixtureGuardTest {

    static class FailsOnPurpose {
        @Test
        void fails() {
            throw new AssertionError("fails on purpose");
        }
    }

    @Test
    void theBuildRegistersTheGuardForEveryTestClass() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            properties.load(in);
        }
        assertThat(properties)
                .containsEntry("junit.jupiter.extensions.autodetection.enabled", "true");
        assertThat(
                        ServiceLoader.load(Extension.class).stream()
                                .map(p -> p.type().getName())
                                .toList())
                .contains(FixtureGuard.class.getName());
    }

    @Test
    void aFixtureFoundOutsideTheKitIsSkippedSayingWhy() {
        // as this build runs it: with extensions autodetected
        EngineExecutionResults results =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(FailsOnPurpose.class))
                        .configurationParameter(
                                "junit.jupiter.extensions.autodetection.enabled", "true")
                        .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(results.containerEvents().skipped().list())
                .singleElement()
                .satisfies(
                        event ->
                                assertThat(event.getRequiredPayload(String.class))
                                        .isEqualTo(
                                                "fixture of FixtureGuardTest: runs only inside Kit"));
    }

    @Test
    void insideTheKitItRuns() {
        EngineExecutionResults results = Kit.run(FailsOnPurpose.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(
                        results.testEvents()
                                .failed()
                                .list()
                                .get(0)
                                .getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .orElseThrow())
                .hasMessage("fails on purpose");
    }
}
