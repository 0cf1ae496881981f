package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.testing.NeedsDocker;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One database per distinct database configuration per run: started on first use, shared by every
 * class whose profile asks for it (under whatever name), stopped when the run ends.
 */
@NeedsDocker
class EnvironmentSharingTest {

    /** What each fixture saw: its profile, and the server's identity (URL and start time). */
    private static final Map<String, String[]> SEEN = new ConcurrentHashMap<>();

    private static void record(String fixture, ProdEnvironment environment, DataSource dataSource)
            throws SQLException {
        SEEN.put(
                fixture,
                new String[] {
                    environment.profile(),
                    environment.directJdbcUrl(),
                    ProdLikeIntegrationTest.query(
                            dataSource, TestEngine.of(environment).serverIdentity)
                });
    }

    @ProdLike("shared")
    static class First {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("first", environment, dataSource);
        }
    }

    /** Takes the active profile, which the run's parity.profile parameter sets to 'shared'. */
    @ProdLike
    static class Second {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("second", environment, dataSource);
        }
    }

    @ProdLike("shared-alias")
    static class Alias {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("alias", environment, dataSource);
        }
    }

    /** Its annotation beats the run's parity.profile parameter. */
    @ProdLike("separate")
    static class Separate {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("separate", environment, dataSource);
        }
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @ParameterizedTest(name = "{0}, parallel execution: {1}")
    @CsvSource({"postgres, false", "postgres, true", "mariadb, false", "mariadb, true"})
    void classesAskingForTheSameDatabaseShareOneStartedOnFirstUseAndStoppedAtTheEnd(
            String engine, boolean parallel) {
        String file =
                engine.equals("mariadb") ? "profiles/sharing-mariadb.yml" : "profiles/sharing.yml";
        Map<String, String> parameters =
                new HashMap<>(Map.of("parity.config", file, "parity.profile", "shared"));
        if (parallel) {
            parameters.put("junit.jupiter.execution.parallel.enabled", "true");
            parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        }

        Kit.run(parameters, First.class, Second.class, Alias.class, Separate.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(4).failed(0));

        assertThat(SEEN.get("first")[0]).isEqualTo("shared");
        assertThat(SEEN.get("second")[0]).isEqualTo("shared");
        assertThat(SEEN.get("alias")[0]).isEqualTo("shared-alias");
        assertThat(SEEN.get("separate")[0]).isEqualTo("separate");
        String[] shared = SEEN.get("first");
        assertThat(SEEN.get("second")).containsExactly("shared", shared[1], shared[2]);
        assertThat(SEEN.get("alias")).containsExactly("shared-alias", shared[1], shared[2]);
        assertThat(SEEN.get("separate")[1]).isNotEqualTo(shared[1]);

        for (String fixture : SEEN.keySet()) {
            String url = SEEN.get(fixture)[1];
            assertThatThrownBy(
                            () ->
                                    DriverManager.getConnection(
                                                    url,
                                                    "test",
                                                    dev.parity.engine.spec.DatabaseSpec
                                                            .GENERATED_PASSWORD)
                                            .close())
                    .as("the database %s used by %s is stopped when the run ends", url, fixture)
                    .isInstanceOf(SQLException.class);
        }
        assertThat(DockerContainers.startedForProfile("shared")).isEmpty();
        assertThat(DockerContainers.startedForProfile("separate")).isEmpty();
    }
}
