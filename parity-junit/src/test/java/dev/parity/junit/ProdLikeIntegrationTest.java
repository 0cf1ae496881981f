package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The happy path against a real PostgreSQL 15 started from the default profile of parity.yml. */
@ProdLike
class ProdLikeIntegrationTest {

    private static ProdEnvironment fromBeforeAll;

    private final DataSource fromConstructor;

    ProdLikeIntegrationTest(DataSource dataSource) {
        this.fromConstructor = dataSource;
    }

    @BeforeAll
    static void rememberEnvironment(ProdEnvironment environment) {
        fromBeforeAll = environment;
    }

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return String.join("|", values);
        }
    }

    @Test
    void runsTheMajorVersionTheProfilePins(DataSource dataSource) throws SQLException {
        assertThat(query(dataSource, "show server_version")).startsWith("15.");
    }

    @Test
    void initScriptsRanOnceInOrder(DataSource dataSource) throws SQLException {
        assertThat(query(dataSource, "select name from customer order by id")).isEqualTo("Ada Lovelace|O'Brien; Ltd");
        assertThat(query(dataSource, "select customer_count()")).isEqualTo("2");
    }

    @Test
    void serverSettingsFromTheProfileApply(DataSource dataSource) throws SQLException {
        assertThat(query(dataSource, "show max_connections")).isEqualTo("50");
    }

    @Test
    void environmentDescribesTheDatabase(ProdEnvironment environment) throws SQLException {
        assertThat(environment.profile()).isEqualTo("default");
        assertThat(environment.image()).isEqualTo("postgres:15");
        assertThat(environment.jdbcUrl()).startsWith("jdbc:postgresql://");
        try (Connection connection = DriverManager.getConnection(environment.jdbcUrl(), environment.username(), environment.password())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void constructorLifecycleAndTestSeeTheSameEnvironment(ProdEnvironment environment, DataSource dataSource) {
        assertThat(fromBeforeAll).isSameAs(environment);
        assertThat(fromConstructor).isSameAs(dataSource).isSameAs(environment.dataSource());
    }

    @Nested
    class NestedClasses {

        @Test
        void useTheEnclosingClassProfile(ProdEnvironment environment) {
            assertThat(environment.profile()).isEqualTo("default");
            assertThat(environment.jdbcUrl()).isEqualTo(fromBeforeAll.jdbcUrl());
        }
    }
}
