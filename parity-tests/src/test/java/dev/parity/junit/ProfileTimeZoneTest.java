package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A profile's timezone and locale pin the JVM for the class and the database follows: container, server
 * and session agree with the JVM, checked at start, and the JVM is restored afterwards.
 */
@ResourceLock(Resources.TIME_ZONE)
@ResourceLock(Resources.LOCALE)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@NeedsDocker
class ProfileTimeZoneTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private static Map<String, String> zones(TestEngine engine) {
        return Map.of("parity.config", engine.file("zones"));
    }

    private TimeZone zoneBefore;
    private Locale localeBefore;

    @BeforeEach
    void remember() {
        SEEN.clear();
        zoneBefore = TimeZone.getDefault();
        localeBefore = Locale.getDefault();
    }

    @AfterEach
    void assertRestored() {
        assertThat(TimeZone.getDefault()).isEqualTo(zoneBefore);
        assertThat(Locale.getDefault()).isEqualTo(localeBefore);
    }

    private static void record(DataSource dataSource, ProdEnvironment environment)
            throws SQLException {
        TestEngine engine = TestEngine.of(environment);
        SEEN.put("jvm", TimeZone.getDefault().getID());
        SEEN.put("locale", Locale.getDefault().toLanguageTag());
        SEEN.put("session", ProdLikeIntegrationTest.query(dataSource, engine.sessionZone));
        SEEN.put("server", ProdLikeIntegrationTest.query(dataSource, engine.serverZone));
        SEEN.put("dbDate", ProdLikeIntegrationTest.query(dataSource, engine.currentDate));
        SEEN.put("jvmDate", LocalDate.now().toString());
    }

    @ProdLike("tokyo")
    static class Tokyo {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment, Clock clock)
                throws SQLException {
            record(dataSource, environment);
            SEEN.put("clock", clock.getZone().getId());
        }

        @Test
        void failing() {
            throw new AssertionError("a failing test does not keep the pin");
        }
    }

    @ProdLike("tokyo")
    @PinTimeZone("America/Sao_Paulo")
    static class AnnotationWins {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            record(dataSource, environment);
        }
    }

    /** Records what its tests saw under a key of its own, while other classes pin other zones in parallel. */
    abstract static class SeesItsOwnZone {
        @RepeatedTest(3)
        void test(DataSource dataSource, ProdEnvironment environment)
                throws SQLException, InterruptedException {
            String jvm = TimeZone.getDefault().getID();
            Thread.sleep(20); // give a parallel class the chance to interfere
            String session =
                    ProdLikeIntegrationTest.query(
                            dataSource, TestEngine.of(environment).sessionZone);
            SEEN.merge(
                    getClass().getSimpleName(),
                    jvm + "/" + session + "/" + TimeZone.getDefault().getID() + ";",
                    String::concat);
        }
    }

    @ProdLike("tokyo")
    static class InTokyo extends SeesItsOwnZone {}

    @ProdLike("tokyo")
    @PinTimeZone("America/Sao_Paulo")
    static class InSaoPaulo extends SeesItsOwnZone {}

    @ProdLike("berlin-dst")
    static class InBerlin extends SeesItsOwnZone {}

    @ProdLike("berlin-dst")
    static class FixedClock {
        @Test
        void test(Clock clock) {
            SEEN.put("instant", clock.instant().toString());
            SEEN.put("clock", clock.getZone().getId());
        }
    }

    @ProdLike("mismatched")
    @PinTimeZone("Asia/Tokyo")
    static class Mismatched {
        @Test
        void test() {}
    }

    @ProdLike
    static class ActiveProfile {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            record(dataSource, environment);
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void profilePinsTheJvmAndTheDatabaseFollows(TestEngine engine) {
        Kit.run(zones(engine), Tokyo.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1).failed(1));

        assertThat(SEEN)
                .containsEntry("jvm", "Asia/Tokyo")
                .containsEntry("locale", "ja-JP")
                .containsEntry("session", "Asia/Tokyo")
                .containsEntry("server", "Asia/Tokyo")
                .containsEntry("clock", "Asia/Tokyo");
        assertThat(SEEN.get("dbDate")).isEqualTo(SEEN.get("jvmDate"));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aClassAnnotationWinsOverTheProfile(TestEngine engine) {
        Kit.run(zones(engine), AnnotationWins.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN)
                .containsEntry("jvm", "America/Sao_Paulo")
                .containsEntry("session", "America/Sao_Paulo")
                .containsEntry("server", "America/Sao_Paulo")
                .containsEntry("locale", "ja-JP");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void parallelClassesPinningDifferentZonesNeverSeeEachOthers(TestEngine engine) {
        Map<String, String> parallel = new java.util.HashMap<>(zones(engine));
        parallel.put("junit.jupiter.execution.parallel.enabled", "true");
        parallel.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
        parallel.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
        SEEN.clear();
        Kit.run(parallel, InTokyo.class, InSaoPaulo.class, InBerlin.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(9).failed(0));
        assertThat(SEEN.get("InTokyo")).isEqualTo("Asia/Tokyo/Asia/Tokyo/Asia/Tokyo;".repeat(3));
        assertThat(SEEN.get("InSaoPaulo"))
                .isEqualTo("America/Sao_Paulo/America/Sao_Paulo/America/Sao_Paulo;".repeat(3));
        assertThat(SEEN.get("InBerlin"))
                .isEqualTo("Europe/Berlin/Europe/Berlin/Europe/Berlin;".repeat(3));
    }

    @Test
    void aFixedClockFromTheProfileStandsAtTheDstChange() {
        Kit.run(zones(TestEngine.POSTGRES), FixedClock.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN)
                .containsEntry("instant", "2024-03-31T01:30:00Z")
                .containsEntry("clock", "Europe/Berlin");
    }

    @ProdLike("role-zone")
    @PinTimeZone("Asia/Tokyo")
    static class RoleInUtc {
        @Test
        void test() {}
    }

    /** With a server per data variant, a class's zone is its server's, and the server's settings must not override it. */
    @Test
    void aServerInAnotherZoneFailsTheClassNamingBothValues() {
        Map<String, String> perData = new java.util.HashMap<>(zones(TestEngine.POSTGRES));
        perData.put("parity.servers", "per-data");
        Throwable failure = Kit.onlyContainerFailure(Kit.run(perData, Mismatched.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "time zones disagree: expected 'Asia/Tokyo' from @PinTimeZone(\"Asia/Tokyo\") on "
                                + Mismatched.class.getName()
                                + ", "
                                + "but the server's zone is 'UTC' (log_timezone: the container's TZ and the server's settings from the profile). "
                                + "Remove the setting that overrides it (a 'timezone' under database.settings, an 'options' or 'TimeZone' "
                                + "in the JDBC URL, an ALTER ROLE ... SET timezone in a script), or pin the zone you mean in one place.");
    }

    /** On a shared server, a class's zone is its database's, and nothing the scripts set may override it. */
    @Test
    void aDatabaseWhoseSessionsGetAnotherZoneFailsTheClassNamingIt() {
        Throwable failure =
                Kit.onlyContainerFailure(Kit.run(zones(TestEngine.POSTGRES), RoleInUtc.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith(
                        "time zones disagree: expected 'Asia/Tokyo' from @PinTimeZone(\"Asia/Tokyo\") on "
                                + RoleInUtc.class.getName()
                                + ", but the database's zone is 'UTC' (the database's timezone: ")
                .hasMessageContaining("ALTER ROLE");
    }

    /** MariaDB keeps one zone per server: a class that pins another zone gets a server of its own. */
    @Test
    void aMariaDbServerInAnotherZoneFailsTheClassNamingBothValues() {
        Throwable failure =
                Kit.onlyContainerFailure(Kit.run(zones(TestEngine.MARIADB), Mismatched.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "time zones disagree: expected 'Asia/Tokyo' from @PinTimeZone(\"Asia/Tokyo\") on "
                                + Mismatched.class.getName()
                                + ", "
                                + "but the server's zone is 'UTC' (@@global.time_zone: --default-time-zone from the profile's timezone, or the "
                                + "container's TZ). Remove the setting that overrides it (a 'default_time_zone' under database.settings, a "
                                + "'connectionTimeZone' or 'forceConnectionTimeZoneToSession' in the JDBC URL), or pin the zone you mean in one place.");
    }

    @Test
    void invalidZoneAndLocaleAreReportedWithTheirLinesBeforeAnythingChanges() {
        Throwable failure =
                Kit.onlyContainerFailure(
                        Kit.run(
                                Map.of("parity.config", "profiles/bad-zone.yml"),
                                ActiveProfile.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith(
                        "profiles/bad-zone.yml has 2 problems:\n  - line 3: invalid timezone in profile 'default': ")
                .hasMessageContaining("'Mars/Olympus'")
                .hasMessageContaining("\n  - line 4: invalid locale in profile 'default': ")
                .hasMessageContaining("'xx-YY-invalid'");
    }

    /**
     * Near a date line: a zone whose date differs from UTC's right now. A session left in UTC (or in the
     * build machine's zone) would disagree with LocalDate.now() there.
     */
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void currentDateInTheDatabaseIsTheJvmsWhereTheDateDiffersFromUtc(
            TestEngine engine, @TempDir Path dir) throws IOException {
        Instant now = Instant.now();
        LocalDate utcDate = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String zone =
                ZoneId.getAvailableZoneIds().stream()
                        .sorted()
                        .filter(
                                id ->
                                        id.contains("/")
                                                && !id.startsWith("Etc/")
                                                && !id.startsWith("SystemV/"))
                        .filter(id -> !LocalDate.ofInstant(now, ZoneId.of(id)).equals(utcDate))
                        .max(
                                Comparator.comparing(
                                        id ->
                                                Math.abs(
                                                        ZoneId.of(id)
                                                                .getRules()
                                                                .getOffset(now)
                                                                .getTotalSeconds())))
                        .orElseThrow();
        Path file =
                Files.writeString(
                        dir.resolve("near-midnight.yml"),
                        "profiles:\n  default:\n    timezone: "
                                + zone
                                + "\n"
                                + engine.databaseYaml());

        Kit.run(Map.of("parity.config", file.toString()), ActiveProfile.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).containsEntry("jvm", zone).containsEntry("session", zone);
        assertThat(SEEN.get("dbDate"))
                .isEqualTo(SEEN.get("jvmDate"))
                .isNotEqualTo(utcDate.toString());
    }
}
