package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The happy path, on each engine, against a real server started from a profile of parity.yml. */
@NeedsDocker
class ProdLikeIntegrationTest {

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return String.join("|", values);
        }
    }

    @Nested
    @ProdLike("default")
    class OnPostgres extends Suite {
        OnPostgres(DataSource dataSource) {
            super(dataSource, "postgres:15", "15.");
        }
    }

    @Nested
    @ProdLike("mariadb")
    class OnMariaDb extends Suite {
        OnMariaDb(DataSource dataSource) {
            super(dataSource, "mariadb:10.11", "10.11.");
        }
    }

    /** Written once, run on each engine. The class lifecycle lets @BeforeAll take parameters in a @Nested class. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        private final DataSource fromConstructor;
        private final String image;
        private final String version;
        private ProdEnvironment fromBeforeAll;

        Suite(DataSource fromConstructor, String image, String version) {
            this.fromConstructor = fromConstructor;
            this.image = image;
            this.version = version;
        }

        @BeforeAll
        void rememberEnvironment(ProdEnvironment environment) {
            fromBeforeAll = environment;
        }

        @Test
        void runsTheVersionTheProfilePins(DataSource dataSource, ProdEnvironment environment)
                throws SQLException {
            assertThat(query(dataSource, TestEngine.of(environment).serverVersion))
                    .startsWith(version);
        }

        @Test
        void initScriptsRanOnceInOrder(DataSource dataSource) throws SQLException {
            assertThat(query(dataSource, "select name from customer order by id"))
                    .isEqualTo("Ada Lovelace|O'Brien; Ltd");
            assertThat(query(dataSource, "select customer_count()")).isEqualTo("2");
        }

        @Test
        void serverSettingsFromTheProfileApply(DataSource dataSource, ProdEnvironment environment)
                throws SQLException {
            assertThat(query(dataSource, TestEngine.of(environment).maxConnections))
                    .isEqualTo("50");
        }

        @Test
        void environmentDescribesTheDatabase(ProdEnvironment environment) throws SQLException {
            assertThat(environment.profile()).isEqualTo(TestEngine.of(environment).profile);
            assertThat(environment.image()).isEqualTo(image);
            assertThat(environment.jdbcUrl())
                    .startsWith(
                            "jdbc:"
                                    + (environment.engine().equals("mariadb")
                                            ? "mariadb"
                                            : "postgresql")
                                    + "://");
            try (Connection connection =
                    DriverManager.getConnection(
                            environment.jdbcUrl(),
                            environment.username(),
                            environment.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }

        @Test
        void constructorLifecycleAndTestSeeTheSameEnvironment(
                ProdEnvironment environment, DataSource dataSource) {
            assertThat(fromBeforeAll).isSameAs(environment);
            // one database through the class's proxy; each DataSource the test's own or the
            // class's, watched for leaks
            assertThat(fromConstructor)
                    .hasToString(dataSource.toString())
                    .hasToString(environment.dataSource().toString());
        }

        @Nested
        class NestedClasses {

            @Test
            void useTheEnclosingClassProfile(ProdEnvironment environment) {
                assertThat(environment.profile()).isEqualTo(fromBeforeAll.profile());
                assertThat(environment.jdbcUrl()).isEqualTo(fromBeforeAll.jdbcUrl());
            }
        }
    }
}
