package dev.parity.engine.postgres;

import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.ContainerCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A PostgreSQL server saved by {@code pg_basebackup} while it runs: one tar of the data directory with the WAL
 * written meanwhile ({@code -X fetch}), which a server started on it replays to the backup's end, as after a
 * crash. The image's local replication connection is trusted by initdb's default; the password is given as well.
 */
final class PostgresSnapshots implements ServerSnapshots {

    /** Generous: a base backup reads every file once; 1 GB takes seconds. */
    private static final Duration BOUND = Duration.ofMinutes(30);

    @Override
    public String dataDirectory() {
        return "${PGDATA:-/var/lib/postgresql/data}";
    }

    @Override
    public String initialisedMarker() {
        return "PG_VERSION";
    }

    /**
     * {@code pg_basebackup} to its standard output, streamed to {@code out} (no copy of it in the container):
     * one tar, the WAL written meanwhile inside ({@code -X fetch}).
     */
    @Override
    public void save(JdbcDatabaseContainer<?> container, DatabaseSpec spec, OutputStream out)
            throws IOException, InterruptedException {
        ContainerCommands.Streamed backup =
                ContainerCommands.streamOut(
                        container,
                        BOUND,
                        "pg_basebackup of the server for a snapshot",
                        out,
                        "env",
                        "PGPASSWORD=" + spec.password(),
                        "pg_basebackup",
                        "--host=/var/run/postgresql",
                        "--username=" + spec.username(),
                        "--no-password",
                        "--pgdata=-",
                        "--format=tar",
                        "--wal-method=fetch",
                        "--checkpoint=fast",
                        "--no-sync",
                        "--no-manifest");
        if (backup.exitCode() != 0) {
            throw new IOException(
                    "pg_basebackup exited with "
                            + backup.exitCode()
                            + ": "
                            + backup.stderr().strip());
        }
    }
}
