package dev.parity.engine.mariadb;

import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.ContainerCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A MariaDB server saved the way MariaDB documents for storage snapshots: {@code BACKUP STAGE START} and
 * {@code BLOCK_COMMIT} (no commit, non-transactional tables flushed), the snapshot, {@code BACKUP STAGE END}. The
 * snapshot is a {@code tar} of the data directory taken while the server process is stopped ({@code SIGSTOP}), so no
 * file changes under it, after InnoDB has written all its dirty pages, so no page write is in flight (Parity runs
 * InnoDB without the doublewrite buffer, which would otherwise repair a torn one). A server started on the tar recovers
 * as after a crash at that instant; sessions only stall meanwhile. The image needs no {@code mariadb-backup}.
 */
final class MariaDbSnapshots implements ServerSnapshots {

    /** Generous: reading the data directory once; 1 GB takes seconds. */
    private static final Duration BOUND = Duration.ofMinutes(30);

    /** How long InnoDB may take to write its dirty pages: gigabytes at disk speed. */
    private static final Duration FLUSH_BOUND = Duration.ofMinutes(5);

    /** How long {@code BLOCK_COMMIT} waits for commits under way, as {@code lock_wait_timeout}. */
    private static final int BLOCK_SECONDS = 120;

    /** Any one statement of the saving session, the longest being {@code BLOCK_COMMIT}'s wait. */
    private static final Duration SESSION_BOUND = Duration.ofMinutes(5);

    /** After the stop, for a write submitted just before it (asynchronous I/O goes on) to land. */
    private static final long SETTLE_MILLIS = 100;

    @Override
    public String dataDirectory() {
        return "/var/lib/mysql";
    }

    /** The system schema's folder, whose presence makes the image's entrypoint skip its initialisation. */
    @Override
    public String initialisedMarker() {
        return "mysql";
    }

    @Override
    public void save(JdbcDatabaseContainer<?> container, DatabaseSpec spec, OutputStream out)
            throws IOException, InterruptedException {
        Properties properties = new Properties();
        properties.setProperty("user", spec.engine().adminUser(spec));
        properties.setProperty("password", spec.password());
        // a server left stopped (Docker refused to resume it) fails this session, not hangs it
        properties.setProperty("socketTimeout", Long.toString(SESSION_BOUND.toMillis()));
        try (Connection admin = DriverManager.getConnection(container.getJdbcUrl(), properties);
                Statement statement = admin.createStatement()) {
            statement.execute("set session lock_wait_timeout = " + BLOCK_SECONDS);
            statement.execute("backup stage start");
            statement.execute("backup stage block_commit");
            try {
                flushDirtyPages(statement);
                tarWhileStopped(container, out);
            } finally {
                statement.execute("backup stage end");
            }
        } catch (SQLException e) {
            throw new IOException(
                    "the server refused to hold its commits for a snapshot: " + e.getMessage(), e);
        }
    }

    /** Has InnoDB write every dirty page, its settings as they were afterwards. */
    private static void flushDirtyPages(Statement statement)
            throws SQLException, IOException, InterruptedException {
        String pct = single(statement, "select @@global.innodb_max_dirty_pages_pct");
        String lwm = single(statement, "select @@global.innodb_max_dirty_pages_pct_lwm");
        statement.execute("set global innodb_max_dirty_pages_pct_lwm = 0");
        statement.execute("set global innodb_max_dirty_pages_pct = 0");
        try {
            long deadline = System.nanoTime() + FLUSH_BOUND.toNanos();
            long dirty;
            while ((dirty = dirtyPages(statement)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "InnoDB still had "
                                    + dirty
                                    + " dirty pages after "
                                    + FLUSH_BOUND.toMinutes()
                                    + " minutes of writing them for a snapshot");
                }
                Thread.sleep(20);
            }
        } finally {
            statement.execute("set global innodb_max_dirty_pages_pct = " + pct);
            statement.execute("set global innodb_max_dirty_pages_pct_lwm = " + lwm);
        }
    }

    private static long dirtyPages(Statement statement) throws SQLException {
        try (ResultSet row =
                statement.executeQuery(
                        "select variable_value from information_schema.global_status"
                                + " where variable_name = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The data directory's tar, the server stopped meanwhile and resumed whatever happens. */
    private void tarWhileStopped(JdbcDatabaseContainer<?> container, OutputStream out)
            throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.of(container);
        server.signal("STOP");
        try {
            Thread.sleep(SETTLE_MILLIS);
            ContainerCommands.Streamed tar =
                    ContainerCommands.streamOut(
                            container,
                            BOUND,
                            "tar of the stopped server's data directory for a snapshot",
                            out,
                            "tar",
                            "-C",
                            dataDirectory(),
                            // the temporary tablespace, made again at every start
                            "--exclude=./ibtmp1",
                            "-cf",
                            "-",
                            ".");
            if (tar.exitCode() != 0) {
                throw new IOException(
                        "tar of the data directory exited with "
                                + tar.exitCode()
                                + ": "
                                + tar.stderr().strip());
            }
        } finally {
            server.signal("CONT");
        }
    }

    /**
     * The server's process in its container. As the container's first process (the official image execs it) it
     * ignores {@code SIGSTOP} sent from inside the container, so Docker sends it; any other is signalled in place.
     */
    private record ServerProcess(JdbcDatabaseContainer<?> container, String pid) {

        static ServerProcess of(JdbcDatabaseContainer<?> container)
                throws IOException, InterruptedException {
            Container.ExecResult found =
                    ContainerCommands.run(
                            container,
                            ContainerCommands.SHORT,
                            "finding the server's process",
                            "pidof",
                            "-s",
                            "mariadbd",
                            "mysqld");
            String pid = found.getStdout().strip();
            if (found.getExitCode() != 0 || !pid.matches("[0-9]+")) {
                throw new IOException(
                        "no mariadbd or mysqld process in the container (pidof: "
                                + (found.getStdout() + found.getStderr()).strip()
                                + ")");
            }
            return new ServerProcess(container, pid);
        }

        void signal(String signal) throws IOException, InterruptedException {
            if (pid.equals("1")) {
                container
                        .getDockerClient()
                        .killContainerCmd(container.getContainerId())
                        .withSignal("SIG" + signal)
                        .exec();
                return;
            }
            Container.ExecResult sent =
                    ContainerCommands.run(
                            container,
                            ContainerCommands.SHORT,
                            "sending SIG" + signal + " to the server",
                            "kill",
                            "-" + signal,
                            pid);
            if (sent.getExitCode() != 0) {
                throw new IOException(
                        "kill -" + signal + " " + pid + ": " + sent.getStderr().strip());
            }
        }
    }
}
