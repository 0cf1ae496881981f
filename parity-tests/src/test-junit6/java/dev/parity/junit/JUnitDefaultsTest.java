package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.util.DefaultLocale;
import org.junit.jupiter.api.util.DefaultTimeZone;

/**
 * JUnit 6.1's own {@code @DefaultTimeZone} and {@code @DefaultLocale} beside Parity's pins: agreeing, they work
 * together; disagreeing, the class fails before anything is pinned, saying which to keep. Compiled and run on the
 * JUnit 6 line only ({@code -P junit6}), the first to have them.
 */
@StartFromDistinctJvmGlobals
class JUnitDefaultsTest {

    @PinTimeZone("Asia/Tokyo")
    @DefaultTimeZone("Europe/Lisbon")
    static class ZonesDisagree {
        @Test
        void test() {}
    }

    @PinLocale("tr-TR")
    static class MethodLocaleDisagrees {
        @Test
        @DefaultLocale(language = "de", country = "DE")
        void test() {}
    }

    @PinTimeZone("Asia/Tokyo")
    @DefaultTimeZone("Asia/Tokyo")
    @DefaultLocale("de-DE") // Parity pins no locale: JUnit's alone decides it
    static class Agree {
        @Test
        void bothApply(Clock clock) {
            assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Tokyo");
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
            assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        }
    }

    /** The profile pins Asia/Tokyo and ja-JP for the JVM and the database; JUnit's annotations say the same. */
    @ProdLike("tokyo")
    @DefaultTimeZone("Asia/Tokyo")
    @DefaultLocale("ja-JP")
    static class NextToProdLike {
        @Test
        void theJvmAndTheDatabaseSessionAgree(DataSource dataSource) throws SQLException {
            assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Tokyo");
            assertThat(Locale.getDefault().toLanguageTag()).isEqualTo("ja-JP");
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet zone = statement.executeQuery("show timezone")) {
                zone.next();
                assertThat(zone.getString(1)).isEqualTo("Asia/Tokyo");
            }
        }
    }

    @ProdLike("tokyo")
    @DefaultTimeZone("UTC")
    static class DisagreesWithTheProfile {
        @Test
        void test() {}
    }

    @Test
    void zonesThatDisagreeFailTheClassBeforeAnythingIsPinned() {
        assertThat(Kit.onlyContainerFailure(Kit.run(ZonesDisagree.class)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "@DefaultTimeZone(\"Europe/Lisbon\") on class "
                                + ZonesDisagree.class.getName()
                                + " and Parity's zone Asia/Tokyo "
                                + "(@PinTimeZone(\"Asia/Tokyo\") on "
                                + ZonesDisagree.class.getName()
                                + ") disagree: JUnit's sets only the JVM's default "
                                + "zone, before each test; Parity's also sets the database session's zone and the injected Clock. Pin one zone: remove "
                                + "@DefaultTimeZone and use @PinTimeZone(\"Europe/Lisbon\"), or give both the same zone.");
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void aMethodsLocaleThatDisagreesFailsTheTest() {
        assertThat(Kit.run(MethodLocaleDisagrees.class).testEvents().failed().list())
                .singleElement()
                .satisfies(
                        event ->
                                assertThat(
                                                event.getPayload(
                                                                org.junit.platform.engine
                                                                        .TestExecutionResult.class)
                                                        .orElseThrow()
                                                        .getThrowable()
                                                        .orElseThrow())
                                        .isInstanceOf(ExtensionConfigurationException.class)
                                        .hasMessage(
                                                "@DefaultLocale(\"de-DE\") on method "
                                                        + MethodLocaleDisagrees.class.getName()
                                                        + "#test and Parity's locale "
                                                        + "tr-TR disagree: JUnit's sets only the JVM's default locale, before each test; Parity's pins it for the whole "
                                                        + "class, its @BeforeAll methods and its database's setup included. Pin one locale: remove @DefaultLocale and use "
                                                        + "@PinLocale(\"de-DE\"), or give both the same locale."));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void agreeingPinsWorkTogether() {
        Kit.run(Agree.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        // JUnit's @DefaultLocale restores the default locale with Locale.setDefault(Locale), which
        // resets the DISPLAY and
        // FORMAT categories to it too; Parity's pins restore each of the three. So only these two
        // come back exactly here.
        assertThat(JvmGlobals.read().timeZoneId()).isEqualTo(JvmGlobals.DISTINCT.timeZoneId());
        assertThat(JvmGlobals.read().locale()).isEqualTo(JvmGlobals.DISTINCT.locale());
    }

    @Test
    @Tag("docker") // as NeedsDocker, which marks classes
    void nextToProdLikeTheyMustSayWhatTheProfileSays() {
        Map<String, String> zones = Map.of("parity.config", "profiles/zones.yml");
        Kit.run(zones, NextToProdLike.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(Kit.onlyContainerFailure(Kit.run(zones, DisagreesWithTheProfile.class)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith(
                        "@DefaultTimeZone(\"UTC\") on class "
                                + DisagreesWithTheProfile.class.getName()
                                + " and Parity's zone Asia/Tokyo (");
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }
}
