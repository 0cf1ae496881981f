package dev.parity.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A command in a real container: its result when it ends in time, a message naming it when it does not. */
@NeedsDocker
class ContainerCommandsTest {

    private static PostgreSQLContainer container;

    @BeforeAll
    static void start() {
        container = new PostgreSQLContainer("postgres:15");
        container.start();
    }

    @AfterAll
    static void stop() {
        container.stop();
    }

    @Test
    void aCommandThatEndsInTimeGivesItsResult() throws Exception {
        var result =
                ContainerCommands.run(
                        container, Duration.ofSeconds(30), "saying hello", "echo", "hello");

        assertThat(result.getExitCode()).isZero();
        assertThat(result.getStdout()).isEqualTo("hello\n");
    }

    @Test
    void aCommandThatDoesNotEndInTimeFailsNamingItAndTheBound() {
        long started = System.nanoTime();

        assertThatThrownBy(
                        () ->
                                ContainerCommands.run(
                                        container,
                                        Duration.ofMillis(500),
                                        "the init script never.sql in psql",
                                        "sleep",
                                        "30"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(
                        "the init script never.sql in psql did not end within 500 ms")
                .hasMessageContaining("`sleep 30` in container");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the wait ends at the bound, not with the command")
                .isLessThan(Duration.ofSeconds(20));
    }
}
