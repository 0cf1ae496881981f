package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failing init script names the script's line and the SQL error, and leaves no container behind. */
class InitScriptFailureTest {

    @ProdLike("broken-init")
    static class OneClass {
        @Test
        void test() {
        }
    }

    @ProdLike("broken-init")
    static class AnotherClass {
        @Test
        void test() {
        }
    }

    @Test
    void failsEveryClassOfTheProfileWithTheScriptLineAndStopsTheDatabase() {
        EngineExecutionResults results = ParityTestKit.run(Map.of("parity.config", "profiles/failing-script.yml"),
                OneClass.class, AnotherClass.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(results.containerEvents().failed().list()).hasSize(2).allSatisfy(event ->
                assertThat(event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                        .isInstanceOf(ExtensionConfigurationException.class)
                        .hasMessage("init script failed: db/broken.sql, line 6: ERROR: relation \"prodcut\" does not exist\n"
                                + "    in statement: insert into prodcut (id) ...\n"
                                + "Fix the script and run again; the database (postgres:15) has been stopped."));
        assertThat(DockerContainers.startedForProfile("broken-init")).isEmpty();
    }
}
