package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.settings.Settings;
import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Every run with a @ProdLike class writes report.json and report.md: its environments, its tests, a failed test's replay line. */
@NeedsDocker
// The fixture pins the locale in its own engine, which the outer engine's locks know nothing of.
@ResourceLock(Resources.LOCALE)
class RunReportTest {

    @ProdLike
    @Latency(millis = 5)
    @PinLocale("tr-TR")
    static class Reported {

        @Test
        void passes() {}

        @Test
        @FreshDatabase
        void retries(DataSource dataSource, Faults faults) throws SQLException {
            faults.failWrites("accounts", "40001", 1)
                    .failWrites("audit_log", "40001", 1); // audit_log is never written: 0 fired
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("update accounts set balance = 0"))
                        .isInstanceOf(SQLException.class);
                faults.restore(); // what fired before is still counted
                statement.execute("update accounts set balance = 0");
            }
        }

        @Test
        @Toxic(type = ToxicType.BANDWIDTH, attributes = "rate=512")
        void fails() {
            throw new AssertionError("on purpose");
        }
    }

    static class WithoutParity {
        @Test
        void passes() {}
    }

    @Test
    void aRunTellsWhatItTestedAgainstAndHowToReplayAFailure(@TempDir Path directory)
            throws IOException {
        Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/faults.yml",
                                "parity.profile",
                                "faults",
                                Settings.REPORT_DIR.name(),
                                directory.toString()),
                        Reported.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));

        String json = Files.readString(directory.resolve("report.json"));
        assertThat(json)
                .contains(
                        "{\"profile\": \"faults\", \"engine\": \"postgres\", \"image\": \"postgres:15\", \"serverVersion\": \"15.")
                .contains(
                        "\"settings\": {}, \"zone\": \"\", \"locale\": \"\", \"seed\": 0, \"startedAt\": \"")
                .contains(
                        "{\"class\": \""
                                + Reported.class.getName()
                                + "\", \"method\": \"passes\", \"profile\": \"faults\", "
                                + "\"toxics\": [\"latency downstream jitter=0 latency=5\"], \"faults\": [], \"fired\": [], \"zone\": \"")
                .contains(
                        "\"method\": \"retries\", \"profile\": \"faults\", \"toxics\": [\"latency downstream jitter=0 latency=5\"], "
                                + "\"faults\": [\"failWrites(\\\"accounts\\\", \\\"40001\\\", 1)\", \"failWrites(\\\"audit_log\\\", \\\"40001\\\", 1)\"], "
                                + "\"fired\": [\"writes failed: accounts 1\", \"writes failed: audit_log 0\"], \"zone\": \"")
                .contains("\"locale\": \"tr-TR\", \"outcome\": \"successful\", \"millis\": ")
                .contains(
                        "\"method\": \"fails\", \"profile\": \"faults\", \"toxics\": [\"latency downstream jitter=0 latency=5\", "
                                + "\"bandwidth downstream rate=512\"]")
                .contains("\"outcome\": \"failed\", \"millis\": ")
                .contains(
                        "\"replay\": \"-Dparity.config=profiles/faults.yml -Dparity.profile=faults -Dparity.seed=0 "
                                + "-Dtest='RunReportTest$Reported#fails'\"}");
        String markdown = Files.readString(directory.resolve("report.md"));
        assertThat(markdown)
                .startsWith(
                        "# Parity run report\n\n## Environments\n\n| profile | engine | image | server version |")
                .contains("| faults | postgres | postgres:15 | 15.")
                .contains(
                        "| "
                                + Reported.class.getName()
                                + " | fails | faults | latency downstream jitter=0 latency=5, bandwidth downstream "
                                + "rate=512 | — | — | ")
                .contains(
                        "| retries | faults | latency downstream jitter=0 latency=5 | failWrites(\"accounts\", \"40001\", 1), "
                                + "failWrites(\"audit_log\", \"40001\", 1) | writes failed: accounts 1, writes failed: audit_log 0 | ")
                .contains("| tr-TR | failed | ")
                .endsWith(
                        "## Replay a failed test\n\n- `"
                                + Reported.class.getName()
                                + ".fails`: `-Dparity.config=profiles/faults.yml "
                                + "-Dparity.profile=faults -Dparity.seed=0 -Dtest='RunReportTest$Reported#fails'`\n");
    }

    @Test
    void aRunWithoutAProdLikeClassWritesNone(@TempDir Path directory) {
        Path report = directory.resolve("report");
        Kit.run(Map.of(Settings.REPORT_DIR.name(), report.toString()), WithoutParity.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(report).doesNotExist();
    }
}
