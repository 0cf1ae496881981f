package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Named profiles that extend another and override only the image: each engine's second line starts as asked. */
@NeedsDocker
class NamedProfileIntegrationTest {

    @Nested
    @ProdLike("latest")
    class Postgres17 extends Suite {
        Postgres17() {
            super("latest", "postgres:17", "17.");
        }
    }

    @Nested
    @ProdLike("mariadb-latest")
    class MariaDb118 extends Suite {
        MariaDb118() {
            super("mariadb-latest", "mariadb:11.8", "11.8.");
        }
    }

    abstract static class Suite {
        private final String profile;
        private final String image;
        private final String version;

        Suite(String profile, String image, String version) {
            this.profile = profile;
            this.image = image;
            this.version = version;
        }

        @Test
        void runsTheOverriddenImage(ProdEnvironment environment, DataSource dataSource)
                throws SQLException {
            assertThat(environment.profile()).isEqualTo(profile);
            assertThat(environment.image()).isEqualTo(image);
            assertThat(
                            ProdLikeIntegrationTest.query(
                                    dataSource, TestEngine.of(environment).serverVersion))
                    .startsWith(version);
        }

        @Test
        void inheritsInitScriptsAndSettings(DataSource dataSource, ProdEnvironment environment)
                throws SQLException {
            assertThat(ProdLikeIntegrationTest.query(dataSource, "select count(*) from customer"))
                    .isEqualTo("2");
            assertThat(
                            ProdLikeIntegrationTest.query(
                                    dataSource, TestEngine.of(environment).maxConnections))
                    .isEqualTo("50");
        }
    }
}
