package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A profile's {@code expect:} against the running database: a match runs the class's tests; a difference of
 * each kind fails the class before any test, with one message listing every difference and what to set.
 */
@NeedsDocker
class DriftGuardTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProdLike
    static class UsesActiveProfile {
        @Test
        void runs(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery(
                                    environment.engine().equals("postgres")
                                            ? "select current_setting('server_version') || '|' || datcollate from pg_database where datname = current_database()"
                                            : "select concat(version(), '|', default_character_set_name) from information_schema.schemata where schema_name = database()")) {
                rows.next();
                SEEN.put(environment.profile(), rows.getString(1));
            }
        }
    }

    private static EngineExecutionResults run(String profile) {
        return Kit.run(
                Map.of("parity.config", "profiles/drift.yml", "parity.profile", profile),
                UsesActiveProfile.class);
    }

    @Test
    void aDatabaseThatIsWhatProductionIsRunsItsTestsAndOneThatIsNotFailsWithEveryDifference() {
        run("matches").testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        String[] server = SEEN.get("matches").split("\\|");

        EngineExecutionResults drifted = run("drifted");
        drifted.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Kit.onlyContainerFailure(drifted))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "profiles/drift.yml, line 13: the database of profile 'drifted' (postgres:15) is not what production runs, by 6 facts:\n"
                                + "  - server_version: production 17, here "
                                + server[0]
                                + " (line 14). Set database.image to the image of production's "
                                + "version, such as postgres:17.\n"
                                + "  - encoding: production LATIN1, here UTF8 (line 15). Set database.encoding: LATIN1.\n"
                                + "  - collation: production de_DE.UTF-8, here "
                                + server[1]
                                + " (line 16). Set database.collation: de_DE.UTF-8.\n"
                                + "  - settings.work_mem: production 64MB, here 8MB (line 17). Set database.settings: {work_mem: 64MB}.\n"
                                + "  - settings.max_conections: production 500, but this server has no setting 'max_conections' (line 17). Correct its "
                                + "name, or pin the version production runs.\n"
                                + "  - extensions: production has pg_trgm, here it is not installed (line 18). Add \"create extension if not exists "
                                + "pg_trgm;\" to an init script or migration.\n"
                                + "Correct the profile (or its expect:, if production changed). The tests of "
                                + UsesActiveProfile.class.getName()
                                + " did not run.");
    }

    @Test
    void onMariaDbToo() {
        run("matches-mariadb")
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        String[] server = SEEN.get("matches-mariadb").split("\\|");

        EngineExecutionResults drifted = run("drifted-mariadb");
        drifted.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Kit.onlyContainerFailure(drifted))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "profiles/drift.yml, line 29: the database of profile 'drifted-mariadb' (mariadb:10.11) is not what production runs, by 4 facts:\n"
                                + "  - server_version: production 11.8, here "
                                + server[0]
                                + " (line 30). Set database.image to the image of production's "
                                + "version, such as mariadb:11.8.\n"
                                + "  - encoding: production latin1, here "
                                + server[1]
                                + " (line 31). Set database.encoding: latin1.\n"
                                + "  - settings.max_connections: production 500, here 151 (line 32). Set database.settings: {max_connections: 500}.\n"
                                + "  - plugins: production has auth_ed25519, here it is not installed (line 33). Install it with database.settings "
                                + "(plugin_load_add: auth_ed25519) or an init script.\n"
                                + "Correct the profile (or its expect:, if production changed). The tests of "
                                + UsesActiveProfile.class.getName()
                                + " did not run.");
    }
}
