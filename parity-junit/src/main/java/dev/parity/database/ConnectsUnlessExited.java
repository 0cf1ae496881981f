package dev.parity.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * Ready when the server takes a JDBC connection; given up on as soon as the container stops running.
 *
 * <p>Testcontainers' own waits (a log line for PostgreSQL, a connection loop for MariaDB) keep waiting
 * for a server that has already exited, until their timeout: a misspelt setting cost 60 s (PostgreSQL) and
 * 120 s (MariaDB) and ended in "Timed out waiting for log output". A connection over TCP is the same
 * readiness on both engines: their images' entrypoints run the first-start server without networking, so
 * only the final server answers.
 */
final class ConnectsUnlessExited implements WaitStrategy {

    private static final Duration POLL = Duration.ofMillis(50);

    private final JdbcDatabaseContainer<?> container;

    /** Testcontainers' JDBC wait's: generous, since a server that dies no longer waits it out. */
    private Duration timeout = Duration.ofSeconds(120);

    /** What runs once the container runs, before the first attempt: a warm start's unpacking. */
    private final Runnable first;

    ConnectsUnlessExited(JdbcDatabaseContainer<?> container) {
        this(container, () -> {});
    }

    ConnectsUnlessExited(JdbcDatabaseContainer<?> container, Runnable first) {
        this.container = container;
        this.first = first;
    }

    @Override
    public void waitUntilReady(WaitStrategyTarget target) {
        first.run();
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!target.isRunning()) {
                // read now: once the start has failed, Testcontainers removes the container and
                // forgets its id
                throw new ExitedDuringStart(ContainerExit.of(target.getContainerId()).orElse(null));
            }
            try (Connection connection = connect()) {
                if (connection.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e; // not listening yet, or still starting
            }
            pause();
        }
        throw new ContainerLaunchException(
                "the server did not accept a connection within " + timeout.toSeconds() + " s",
                last);
    }

    @Override
    public WaitStrategy withStartupTimeout(Duration startupTimeout) {
        this.timeout = startupTimeout;
        return this;
    }

    /** One attempt, unlike {@link JdbcDatabaseContainer#createConnection}, which retries for two minutes. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.put("user", container.getUsername());
        properties.put("password", container.getPassword());
        Connection connection =
                container.getJdbcDriverInstance().connect(container.getJdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the driver does not take " + container.getJdbcUrl());
        }
        return connection;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("interrupted while waiting for the database", e);
        }
    }

    /** The container stopped before its server took a connection; {@link #exit()} tells how, if Docker could. */
    static final class ExitedDuringStart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient ContainerExit exit;

        ExitedDuringStart(ContainerExit exit) {
            super(
                    "the container exited before its server accepted a connection"
                            + (exit == null ? "" : ": " + exit.describe()));
            this.exit = exit;
        }

        ContainerExit exit() {
            return exit;
        }
    }
}
