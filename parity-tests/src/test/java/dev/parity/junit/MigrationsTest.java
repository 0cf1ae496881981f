package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flyway and Liquibase migrations (the real libraries, test dependencies of this module as they are of a
 * user's) run once per environment start, before the init scripts, on both engines; datasets and fresh
 * copies start from the migrated schema.
 */
@NeedsDocker
class MigrationsTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final List<String> TABLES =
            List.of(
                    "customers",
                    "orders",
                    "settings",
                    "flyway_schema_history",
                    "DATABASECHANGELOG",
                    "parity_changelog",
                    "parity_changelog_lock");

    @ProdLike
    static class Migrated {
        @Test
        void test(DataSource dataSource) {
            record(dataSource, "");
        }
    }

    @ProdLike
    static class MigratedAndCopied {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) {
            record(dataSource, "");
            record(environment.freshCopy(), "copy.");
        }
    }

    private static void record(DataSource dataSource, String prefix) {
        TABLES.forEach(
                table ->
                        SEEN.put(
                                prefix + table,
                                orMissing(dataSource, "select count(*) from " + table)));
        SEEN.put(
                prefix + "owner",
                orMissing(dataSource, "select value from settings where name = 'schema_owner'"));
        SEEN.put(
                prefix + "init",
                orMissing(dataSource, "select value from settings where name = 'init'"));
    }

    private static String orMissing(DataSource dataSource, String sql) {
        try {
            return ProdLikeIntegrationTest.query(dataSource, sql);
        } catch (SQLException e) {
            return "missing";
        }
    }

    private static Map<String, String> seen(String profile, Class<?> fixture) {
        SEEN.clear();
        Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/migrations.yml",
                                "parity.profile",
                                profile),
                        fixture)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        return Map.copyOf(SEEN);
    }

    static Stream<Arguments> flyway() {
        return Stream.of(Arguments.of("flyway"), Arguments.of("flyway-mariadb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flyway")
    void flywayMigratesWithPlaceholdersThenInitScriptsRunThenDatasetsFillTheMigratedTables(
            String profile) {
        Map<String, String> seen = seen(profile, MigratedAndCopied.class);
        assertThat(seen)
                .containsEntry("flyway_schema_history", "3")
                .containsEntry("DATABASECHANGELOG", "missing")
                .containsEntry("owner", "app")
                .containsEntry("init", "after the migrations")
                .containsEntry("settings", "2")
                .containsEntry("customers", "50")
                .containsEntry("orders", "0");
        assertThat(seen)
                .as("a fresh copy starts from the migrated and loaded database")
                .containsEntry("copy.customers", "50")
                .containsEntry("copy.settings", "2")
                .containsEntry("copy.flyway_schema_history", "3");
    }

    @Test
    void flywayStopsAtTheTargetVersionReadingALocationOnTheFileSystem() {
        assertThat(seen("flyway-target", Migrated.class))
                .containsEntry("flyway_schema_history", "2")
                .containsEntry("customers", "0")
                .containsEntry("orders", "0")
                .containsEntry("settings", "missing");
    }

    static Stream<Arguments> liquibase() {
        return Stream.of(Arguments.of("liquibase"), Arguments.of("liquibase-mariadb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liquibase")
    void liquibaseUpdatesOneChangelogOnBothEnginesWithItsParameters(String profile) {
        assertThat(seen(profile, Migrated.class))
                .containsEntry("DATABASECHANGELOG", "4")
                .containsEntry("flyway_schema_history", "missing")
                .containsEntry("owner", "app")
                .containsEntry("init", "after the migrations")
                .containsEntry("customers", "0")
                .containsEntry("orders", "0")
                .containsEntry("settings", "2");
    }

    @Test
    void liquibaseStopsAtTheTargetTagReadingAChangelogOnTheFileSystem() {
        assertThat(seen("liquibase-target", Migrated.class))
                .containsEntry("DATABASECHANGELOG", "3")
                .containsEntry("settings", "1")
                .containsEntry("orders", "missing");
    }

    @Test
    void liquibaseTakesItsOwnSettingsFromTheProfileAndTheProjectsPropertiesFile() {
        assertThat(seen("liquibase-config", Migrated.class))
                .containsEntry("DATABASECHANGELOG", "missing")
                .containsEntry("parity_changelog", "4")
                .containsEntry("parity_changelog_lock", "1")
                .containsEntry("owner", "properties");
    }
}
