package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A server's URL to another of its databases, and a description without passwords. */
class ServerTest {

    private final Server server =
            new Server(
                    "jdbc:mariadb://db:3306/test?allowLocalInfile=true",
                    "app",
                    "app-secret",
                    "root",
                    "root-secret");

    @Test
    void urlOfPointsAtAnotherDatabaseWithTheSameParameters() {
        assertThat(server.urlOf("copy_7"))
                .isEqualTo("jdbc:mariadb://db:3306/copy_7?allowLocalInfile=true");
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:mariadb://db:3306/test?allowLocalInfile=true");
    }

    @Test
    void toStringNamesNoPassword() {
        assertThat(server.toString())
                .isEqualTo("Server[jdbc:mariadb://db:3306/test?allowLocalInfile=true, user app]");
    }
}
