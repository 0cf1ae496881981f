package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A named profile that extends the default one and overrides only the image. */
@ProdLike("latest")
class NamedProfileIntegrationTest {

    @Test
    void runsTheOverriddenImage(ProdEnvironment environment, DataSource dataSource) throws SQLException {
        assertThat(environment.profile()).isEqualTo("latest");
        assertThat(environment.image()).isEqualTo("postgres:17");
        assertThat(ProdLikeIntegrationTest.query(dataSource, "show server_version")).startsWith("17.");
    }

    @Test
    void inheritsInitScriptsAndSettings(DataSource dataSource) throws SQLException {
        assertThat(ProdLikeIntegrationTest.query(dataSource, "select count(*) from customer")).isEqualTo("2");
        assertThat(ProdLikeIntegrationTest.query(dataSource, "show max_connections")).isEqualTo("50");
    }
}
