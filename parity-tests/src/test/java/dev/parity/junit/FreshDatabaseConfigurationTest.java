package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Mistakes in how fresh databases are asked for fail before anything starts, saying what to write instead. No Docker. */
class FreshDatabaseConfigurationTest {

    @ProdLike
    @FreshDatabase
    static class Fresh {
        @Test
        void test() {}
    }

    static class NoEnvironment {
        @Test
        @FreshDatabase
        void test() {}
    }

    private static void assertClassFailsWith(EngineExecutionResults results, String message) {
        assertThat(Kit.onlyContainerFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(message);
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void anUnknownKeepValueNamesTheTwoThereAre() {
        assertClassFailsWith(
                Kit.run(Map.of(Settings.KEEP.name(), "always"), Fresh.class),
                "configuration parameter parity.keep: 'always' is neither failed nor never. "
                        + "Give failed (a failed test's fresh database stays, with its container, until the next run) or never (the default).");
    }

    @Test
    void aPoolSizeThatIsNoWholeNumberInRangeSaysWhatToGive() {
        assertClassFailsWith(
                Kit.run(Map.of(Settings.POOL_SIZE.name(), "-1"), Fresh.class),
                "configuration parameter parity.pool.size: '-1' "
                        + "is outside 0..64. Give how many fresh databases to keep ready, from 0 to 64, e.g. -Dparity.pool.size=4 (0: each made when its "
                        + "test starts).");
    }

    @Test
    void aProfilesFreshPoolOutOfRangeIsReportedAtItsLine(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("parity.yml"),
                        "profiles:\n  default:\n    fresh-pool: 100\n    database:\n      image: postgres:15\n");
        Throwable failure =
                Kit.onlyContainerFailure(
                        Kit.run(Map.of("parity.config", file.toString()), Fresh.class));
        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        file
                                + ", line 3: 'fresh-pool' of profile 'default' "
                                + "is 100, outside 0..64. Give how many fresh databases to keep ready, e.g. fresh-pool: 4 (0: none, each made when a test asks).");
    }

    @Test
    void onAMethodOfAClassWithoutAnEnvironmentItSaysWhereToPutProdLike() {
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
                        "@FreshDatabase on "
                                + NoEnvironment.class.getName()
                                + ".test() copies the class's database, and "
                                + NoEnvironment.class.getName()
                                + " has none: put @ProdLike on it.");
    }
}
