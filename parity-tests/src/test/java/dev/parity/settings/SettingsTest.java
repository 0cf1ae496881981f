package dev.parity.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The registry of {@code parity.*} switches: every key declared once, read strictly, unknown ones reported with the one meant. No Docker. */
class SettingsTest {

    private static Function<String, Optional<String>> given(Map<String, String> parameters) {
        return name -> Optional.ofNullable(parameters.get(name));
    }

    private static final Function<String, Optional<String>> NONE = given(Map.of());

    @Test
    void everyKeyIsDeclaredOnceUnderParityWithItsTypeDefaultAndMeaning() {
        assertThat(Settings.ALL)
                .extracting(Settings.Key::name)
                .doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("parity."));
        assertThat(Settings.names())
                .containsExactlyInAnyOrder(
                        "parity.config",
                        "parity.profile",
                        "parity.seed",
                        "parity.pool.size",
                        "parity.keep",
                        "parity.lockWait",
                        "parity.report.dir",
                        "parity.bindAddress",
                        "parity.pull.timeout",
                        "parity.data.maxBytes",
                        "parity.load.keepIndexes",
                        "parity.load.warmUp",
                        "parity.servers",
                        "parity.snapshots",
                        "parity.snapshots.dir",
                        "parity.snapshots.maxBytes",
                        "parity.snapshots.transfer");
        assertThat(Settings.ALL)
                .allSatisfy(
                        key -> {
                            assertThat(key.type()).isNotBlank();
                            assertThat(key.defaultText()).isNotBlank();
                            assertThat(key.meaning()).isNotBlank();
                        });
    }

    @Test
    void theReadmeTablesEveryKeyWithItsDefault() throws IOException {
        Path readme = Path.of("../README.md");
        List<String> rows =
                Files.readAllLines(readme).stream()
                        .filter(line -> line.startsWith("| `parity."))
                        .toList();
        for (Settings.Key<?> key : Settings.ALL) {
            assertThat(rows)
                    .as(key.name())
                    .anyMatch(
                            row ->
                                    row.startsWith(
                                            "| `"
                                                    + key.name()
                                                    + "` | "
                                                    + key.source().description()
                                                    + " | "));
        }
    }

    @Test
    void unsetOrBlankIsTheDefault() {
        assertThat(Settings.LOCK_WAIT.get(NONE)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Settings.LOCK_WAIT.get(given(Map.of("parity.lockWait", "  "))))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(Settings.KEEP.get(NONE)).isFalse();
        assertThat(Settings.REPORT_DIR.get(NONE)).isEqualTo("target/parity");
        assertThat(Settings.PULL_TIMEOUT.defaultValue()).isEqualTo(Duration.ofMinutes(2));
        assertThat(Settings.DATA_MAX_BYTES.defaultValue()).isEqualTo(20L << 30);
        assertThat(Settings.LOAD_KEEP_INDEXES.defaultValue()).isFalse();
        // defaults that depend on the profile or the machine are applied by the caller
        assertThat(Settings.SEED.find(NONE)).isEmpty();
        assertThat(Settings.POOL_SIZE.find(NONE)).isEmpty();
        assertThat(Settings.CONFIG.find(NONE)).isEmpty();
        assertThatThrownBy(() -> Settings.SEED.get(NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parity.seed");
    }

    @Test
    void valuesParseToTheirTypes() {
        Function<String, Optional<String>> parameters =
                given(
                        Map.of(
                                "parity.seed",
                                " 42 ",
                                "parity.pool.size",
                                "0",
                                "parity.keep",
                                "failed",
                                "parity.lockWait",
                                "2m",
                                "parity.report.dir",
                                "build/parity",
                                "parity.config",
                                "profiles/x.yml",
                                "parity.profile",
                                "payments",
                                "parity.pull.timeout",
                                "30",
                                "parity.data.maxBytes",
                                "1_000",
                                "parity.load.keepIndexes",
                                "TRUE"));
        assertThat(Settings.SEED.get(parameters)).isEqualTo(42L);
        assertThat(Settings.POOL_SIZE.get(parameters)).isZero();
        assertThat(Settings.KEEP.get(parameters)).isTrue();
        assertThat(Settings.KEEP.get(given(Map.of("parity.keep", "never")))).isFalse();
        assertThat(Settings.LOCK_WAIT.get(parameters)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Settings.REPORT_DIR.get(parameters)).isEqualTo("build/parity");
        assertThat(Settings.CONFIG.find(parameters)).contains("profiles/x.yml");
        assertThat(Settings.PROFILE.find(parameters)).contains("payments");
        assertThat(Settings.PULL_TIMEOUT.get(parameters)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.DATA_MAX_BYTES.get(parameters)).isEqualTo(1000L);
        assertThat(Settings.LOAD_WARM_UP.get(NONE)).isTrue();
        assertThat(Settings.LOAD_WARM_UP.get(given(Map.of("parity.load.warmUp", "false"))))
                .isFalse();
        assertThat(Settings.LOAD_KEEP_INDEXES.get(parameters)).isTrue();
    }

    @Test
    void aBadValueIsAnErrorNamingTheKeyTheValueAndWhatItTakes() {
        assertThatThrownBy(() -> Settings.SEED.get(given(Map.of("parity.seed", "xyz"))))
                .isInstanceOf(ProblemException.class)
                .hasMessage(
                        "configuration parameter parity.seed: 'xyz' is not a whole number. Give the seed printed by the failing run, "
                                + "e.g. -Dparity.seed=42.");
        assertThatThrownBy(() -> Settings.POOL_SIZE.get(given(Map.of("parity.pool.size", "65"))))
                .hasMessage(
                        "configuration parameter parity.pool.size: '65' is outside 0..64. Give how many fresh databases to keep ready, "
                                + "from 0 to 64, e.g. -Dparity.pool.size=4 (0: each made when its test starts).");
        assertThatThrownBy(() -> Settings.POOL_SIZE.get(given(Map.of("parity.pool.size", "four"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.pool.size: 'four' is not a whole number.");
        assertThatThrownBy(() -> Settings.KEEP.get(given(Map.of("parity.keep", "always"))))
                .hasMessage(
                        "configuration parameter parity.keep: 'always' is neither failed nor never. Give failed (a failed test's fresh "
                                + "database stays, with its container, until the next run) or never (the default).");
        assertThatThrownBy(() -> Settings.LOCK_WAIT.get(given(Map.of("parity.lockWait", "soon"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.lockWait: 'soon' is not a duration.");
        assertThatThrownBy(
                        () ->
                                Settings.BIND_ADDRESS.find(
                                        given(Map.of("parity.bindAddress", "localhost"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.bindAddress: 'localhost' is not an IP address.");
        assertThat(Settings.SERVERS.get(given(Map.of()))).isEqualTo(Settings.Servers.SHARED);
        assertThat(Settings.SERVERS.get(given(Map.of("parity.servers", "per-data"))))
                .isEqualTo(Settings.Servers.PER_DATA);
        assertThatThrownBy(() -> Settings.SERVERS.get(given(Map.of("parity.servers", "separate"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.servers: 'separate' is neither shared nor per-data.");
        assertThatThrownBy(
                        () ->
                                Settings.LOAD_KEEP_INDEXES.get(
                                        given(Map.of("parity.load.keepIndexes", "yes"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.load.keepIndexes: 'yes' is neither true nor false.");
        assertThatThrownBy(
                        () ->
                                Settings.DATA_MAX_BYTES.get(
                                        given(Map.of("parity.data.maxBytes", "0"))))
                .hasMessageStartingWith(
                        "configuration parameter parity.data.maxBytes: '0' is below 1.");
        assertThat(Settings.SNAPSHOTS_TRANSFER.get(given(Map.of())))
                .isEqualTo(Settings.SnapshotTransfer.AUTO);
        assertThat(
                        Settings.SNAPSHOTS_TRANSFER.get(
                                given(Map.of("parity.snapshots.transfer", "upload"))))
                .isEqualTo(Settings.SnapshotTransfer.UPLOAD);
        assertThatThrownBy(
                        () ->
                                Settings.SNAPSHOTS_TRANSFER.get(
                                        given(Map.of("parity.snapshots.transfer", "copy"))))
                .hasMessage(
                        "configuration parameter parity.snapshots.transfer: 'copy' is not one of auto, mount, upload. "
                                + "Give auto (a mount where Docker runs on this machine), mount or upload.");
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void withoutAJUnitContextSystemPropertiesAreRead() {
        assertThat(Settings.LOCK_WAIT.getFromSystemProperties()).isEqualTo(Duration.ofSeconds(60));
        try {
            System.setProperty("parity.lockWait", "5s");
            assertThat(Settings.LOCK_WAIT.getFromSystemProperties())
                    .isEqualTo(Duration.ofSeconds(5));
            System.setProperty("parity.lockWait", "never");
            assertThatThrownBy(Settings.LOCK_WAIT::getFromSystemProperties)
                    .hasMessageStartingWith(
                            "system property parity.lockWait: 'never' is not a duration.");
        } finally {
            System.clearProperty("parity.lockWait");
        }
    }

    @Test
    void anUnknownParityKeyIsReportedWithTheKeyMeant() {
        assertThat(
                        Settings.unknown(
                                List.of(
                                        "parity.lockwait",
                                        "parity.pool.szie",
                                        "parity.lock.wait",
                                        "parity.bind.address",
                                        "parity.seed",
                                        "user.home",
                                        "parityx"),
                                "system property"))
                .hasSize(4)
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "unknown setting parity.lockwait (system property), which Parity ignores. "
                                                        + "Did you mean 'parity.lockWait'? Known settings: parity.bindAddress, parity.config, parity.data.maxBytes, "))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("parity.pool.szie")
                                        .contains("Did you mean 'parity.pool.size'?"))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("parity.lock.wait")
                                        .contains("Did you mean 'parity.lockWait'?"))
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains("parity.bind.address")
                                        .contains("Did you mean 'parity.bindAddress'?"));
    }

    @Test
    void anUnknownKeyFarFromEveryKeySuggestsNone() {
        assertThat(Settings.unknown(List.of("parity.frobnicate"), "junit-platform.properties"))
                .singleElement()
                .satisfies(
                        m ->
                                assertThat(m)
                                        .startsWith(
                                                "unknown setting parity.frobnicate (junit-platform.properties), which Parity ignores. Known settings: ")
                                        .doesNotContain("Did you mean"));
        assertThat(Settings.unknown(Map.of())).isEmpty();
    }
}
