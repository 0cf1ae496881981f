package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failing migration fails the environment's start naming the migration, its line and the database's error, and leaves nothing running. */
@NeedsDocker
class MigrationFailureTest {

    @ProdLike
    static class NeedsTheDatabase {
        @Test
        void test() {}
    }

    static Stream<Arguments> brokenMigrations() {
        return Stream.of(
                // Flyway names the statement's first line; the server's position points into it
                Arguments.of(
                        "flyway-broken",
                        "migration failed: db/flyway/broken/postgres/V2__broken.sql (Flyway, version 2), line 7: "
                                + "ERROR: relation \"prodcut\" does not exist\n"
                                + "    in statement: insert into orders (id) ...\n"
                                + "Fix the migration and run again; the database (postgres:15) has been stopped."),
                Arguments.of(
                        "flyway-broken-mariadb",
                        "migration failed: db/flyway/broken/mariadb/V2__broken.sql (Flyway, version 2), line 6: "
                                + "Table 'test.prodcut' doesn't exist\n"
                                + "    in statement: insert into orders (id) ...\n"
                                + "Fix the migration and run again; the database (mariadb:10.11) has been stopped."),
                Arguments.of(
                        "liquibase-broken",
                        "migration failed: db/liquibase/broken.xml (Liquibase, changeset 2 by parity): "
                                + "ERROR: relation \"prodcut\" does not exist\n"
                                + "    in statement: insert into orders (id) select id from prodcut\n"
                                + "Fix the migration and run again; the database (postgres:15) has been stopped."),
                // Flyway refuses before the database sees anything: the profile may be what to fix
                Arguments.of(
                        "flyway-placeholder-missing",
                        "migration failed: Flyway migrations in classpath:db/flyway/postgres: "
                                + "Unable to parse statement in db/flyway/postgres/V3__settings.sql at line 1 col 1. "
                                + "No value provided for placeholder: ${schema_owner}. Check your configuration!\n"
                                + "Fix the migrations or the profile's database.migrations and run again; the database (postgres:15) has been stopped."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMigrations")
    void failsTheStartWithTheMigrationItsLineAndTheDatabasesError(String profile, String message) {
        EngineExecutionResults results =
                Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/failing-migration.yml",
                                "parity.profile",
                                profile),
                        NeedsTheDatabase.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Kit.onlyContainerFailure(results))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(message);
        assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
    }
}
