package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.settings.Settings;
import dev.parity.testing.NeedsDocker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A database that cannot start fails the class within seconds, with the server's own words and the profile's
 * line, not after the start timeout with "Timed out waiting for log output"; and leaves nothing running.
 */
@NeedsDocker
class FailingStartTest {

    /** Far below the start timeout (120 s) and a registry's retries (minutes); a loaded machine took 22 s for PostgreSQL's initdb and exit. */
    private static final Duration FAST = Duration.ofSeconds(40);

    @ProdLike
    static class UsesActiveProfile {
        @Test
        void test() {}
    }

    private static Failure run(String profile) {
        long begun = System.nanoTime();
        EngineExecutionResults results =
                Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/failing-start.yml",
                                "parity.profile",
                                profile),
                        UsesActiveProfile.class);
        Duration took = Duration.ofNanos(System.nanoTime() - begun);
        results.testEvents().assertStatistics(stats -> stats.started(0));
        return new Failure(Kit.onlyContainerFailure(results), took);
    }

    private record Failure(Throwable thrown, Duration took) {}

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "misspelt-setting         | profiles/failing-start.yml, line 7: the PostgreSQL server (postgres:15) exited "
                        + "| FATAL:  unrecognized configuration parameter \"max_conections\"",
                "misspelt-setting-mariadb | profiles/failing-start.yml, line 13: the MariaDB server (mariadb:10.11) exited "
                        + "| [ERROR] mariadbd: unknown variable 'max_conections=200'"
            })
    void aSettingTheServerRejectsFailsInSecondsWithTheServersWordsAndTheSettingsLine(
            String profile, String start, String serverSaid) {
        Failure failure = run(profile);

        assertThat(failure.thrown()).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failure.thrown().getMessage())
                .startsWith(start)
                .contains(serverSaid)
                .contains(
                        "The server rejects the setting 'max_conections' written here: correct or remove it, then run again. "
                                + "The container has been removed.");
        assertThat(failure.took()).isLessThan(FAST);
        assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing-image           | 16 | postgres:15-doesnotexist                   | correct the image in the profile",
                "missing-toxiproxy-image | 21 | ghcr.io/shopify/toxiproxy:0.0-doesnotexist | set network.image to an image this machine has, "
                        + "or use network.provider: process (a toxiproxy-server on PATH)"
            })
    void aMissingImageFailsWithinThePullTimeoutSayingHowToGetIt(
            String profile, int line, String image, String otherwise) {
        String before = System.getProperty(Settings.PULL_TIMEOUT.name());
        System.setProperty(Settings.PULL_TIMEOUT.name(), "3");
        try {
            Failure failure = run(profile);

            assertThat(failure.thrown())
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith(
                            "profiles/failing-start.yml, line "
                                    + line
                                    + ": image '"
                                    + image
                                    + "' is not on this machine, and ");
            assertThat(failure.thrown().getMessage())
                    .endsWith(
                            "Get it with: docker pull "
                                    + image
                                    + " (where a registry holding it is reachable), or "
                                    + otherwise
                                    + "; parity.pull.timeout=<seconds> sets how long Parity tries to pull.");
            assertThat(failure.took()).isLessThan(FAST);
            assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(Settings.PULL_TIMEOUT.name());
            } else {
                System.setProperty(Settings.PULL_TIMEOUT.name(), before);
            }
        }
    }
}
