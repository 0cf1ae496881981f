package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import dev.parity.settings.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** How long a missing image may take to pull: the default, a value of the user's, and a value that cannot be one. */
class LocalImagesTest {

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void thePullTimeoutIsWholeSecondsZeroOrMore() {
        assertThat(LocalImages.pullTimeout()).isEqualTo(Duration.ofMinutes(2));
        try {
            System.setProperty(Settings.PULL_TIMEOUT.name(), "30");
            assertThat(LocalImages.pullTimeout()).isEqualTo(Duration.ofSeconds(30));
            System.setProperty(
                    Settings.PULL_TIMEOUT.name(),
                    "-1"); // was a negative Duration: no pull at all, said nowhere
            assertThatThrownBy(LocalImages::pullTimeout)
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "system property parity.pull.timeout: "
                                    + "'-1' is below 0. Set it to 0 or more seconds, for example -Dparity.pull.timeout=120.");
            System.setProperty(Settings.PULL_TIMEOUT.name(), "2m");
            assertThatThrownBy(LocalImages::pullTimeout)
                    .hasMessage(
                            "system property parity.pull.timeout: "
                                    + "'2m' is not a whole number. Set it to 0 or more seconds, for example -Dparity.pull.timeout=120.");
        } finally {
            System.clearProperty(Settings.PULL_TIMEOUT.name());
        }
    }
}
