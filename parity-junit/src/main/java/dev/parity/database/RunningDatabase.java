package dev.parity.database;

import dev.parity.engine.Capability;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.Engine;
import dev.parity.engine.EngineException;
import dev.parity.engine.FreeDisk;
import dev.parity.engine.Server;
import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.ContainerCommands;
import dev.parity.engine.support.JdbcUrls;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A started database, ready for tests: its migrations and init scripts have run. Closing it stops and removes its
 * container; closing twice is harmless. {@link #onDatabase} gives a view of another database on the same server (a
 * data variant's), which shares the container and whose closing leaves it to the server's owner.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunningDatabase implements AutoCloseable {

    /** The name of a kept database's container starts so. */
    public static final String KEPT_PREFIX = "parity-kept-";

    private final DatabaseSpec spec;
    private final JdbcDatabaseContainer<?> container;
    private final Server server;
    private final DataSource dataSource;
    private final Duration startup;
    private final Duration migrations;
    private final Duration initScripts;

    /** The database whose container this is: itself, or for a view the one {@link #onDatabase} was asked of. */
    private final RunningDatabase owner;

    /** The zone of its own this database's sessions get, on a server in another zone; empty: the server's. */
    private final Optional<ZoneId> zone;

    private volatile boolean kept;

    RunningDatabase(
            DatabaseSpec spec,
            JdbcDatabaseContainer<?> container,
            Duration startup,
            Duration migrations,
            Duration initScripts) {
        this(
                null,
                spec,
                container,
                container.getJdbcUrl(),
                startup,
                migrations,
                initScripts,
                Optional.empty());
    }

    private RunningDatabase(
            RunningDatabase owner,
            DatabaseSpec spec,
            JdbcDatabaseContainer<?> container,
            String jdbcUrl,
            Duration startup,
            Duration migrations,
            Duration initScripts,
            Optional<ZoneId> zone) {
        this.owner = owner == null ? this : owner;
        this.zone = zone;
        this.spec = spec;
        this.container = container;
        this.server =
                new Server(
                        jdbcUrl,
                        container.getUsername(),
                        container.getPassword(),
                        spec.engine().adminUser(spec),
                        spec.password(),
                        ContainerShell.of(container));
        this.dataSource =
                new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password());
        this.startup = startup;
        this.migrations = migrations;
        this.initScripts = initScripts;
    }

    /**
     * Another database of this server, {@code name} at {@code jdbcUrl} (straight to the server), as a running
     * database of its own: a data variant's, made from a copy of this one. It shares the container, so its
     * {@link #exit()}, {@link #keep()} and {@link #restartServer} are the server's; closing it stops nothing.
     *
     * @param zone the zone the database was given ({@link DatabaseCopies#pinZone}) on a server in another, which its
     *     {@link #copies()} give every copy they make; empty: the server's
     */
    public RunningDatabase onDatabase(
            String name, String jdbcUrl, Duration took, Optional<ZoneId> zone) {
        return new RunningDatabase(
                owner,
                spec.withName(name),
                container,
                jdbcUrl,
                took,
                Duration.ZERO,
                Duration.ZERO,
                zone);
    }

    /** The zone of its own this database has on a server in another zone; empty: the server's. */
    public Optional<ZoneId> zone() {
        return zone;
    }

    /** The database that owns the container: this one, or for a view the one it was made of. Equal owners, one server. */
    public RunningDatabase owner() {
        return owner;
    }

    public DatabaseSpec spec() {
        return spec;
    }

    public Engine engine() {
        return spec.engine();
    }

    /** How to reach the server, as the test user and as its administrator. */
    public Server server() {
        return server;
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** Straight to the database, as the test user; a new connection per call. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** How long it took from asking for the container to a database with its migrations and init scripts run. */
    public Duration startup() {
        return startup;
    }

    /** How long its migrations took, the tool's start in this JVM included; zero without any. */
    public Duration migrations() {
        return migrations;
    }

    /** How long its init scripts took, over JDBC and in the engine's client; zero without any. */
    public Duration initScripts() {
        return initScripts;
    }

    /** The host this machine reaches the database on. */
    public String host() {
        return container.getHost();
    }

    /** The port the database listens on inside its container. */
    public int internalPort() {
        return container.getExposedPorts().get(0);
    }

    /** The port this machine reaches the database on. */
    public int publishedPort() {
        return container.getMappedPort(internalPort());
    }

    /** {@code jdbcUrl} (this server's, or a copy's) with its host and port replaced, e.g. by a proxy's. */
    public static String via(String jdbcUrl, String host, int port) {
        return JdbcUrls.withHostAndPort(jdbcUrl, host, port);
    }

    /** A data source as the test user for {@code jdbcUrl}: this database through a proxy, or a copy. */
    public DataSource dataSource(String jdbcUrl) {
        return new DriverManagerDataSource(jdbcUrl, username(), password());
    }

    /** Copies of this server's databases. */
    public DatabaseCopies copies() {
        DatabaseCopies copies = spec.engine().copies(server);
        return zone.<DatabaseCopies>map(z -> new ZonedCopies(copies, z)).orElse(copies);
    }

    /**
     * Writes its server's data directory to {@code out} (not closed) as its engine's snapshots do, while it keeps
     * serving.
     *
     * @throws IOException when the engine has no snapshots, or the server or container refuse
     */
    public void saveServer(OutputStream out) throws IOException, InterruptedException {
        ServerSnapshots snapshots =
                spec.engine()
                        .snapshots()
                        .orElseThrow(
                                () ->
                                        new IOException(
                                                "the "
                                                        + spec.engine().displayName()
                                                        + " engine cannot save a running server"));
        snapshots.save(container, spec, out);
    }

    /**
     * How its container ended, or empty while it runs: one inspection, no query, so cheap enough to ask before
     * every class. A server killed mid-run otherwise shows only as the driver's "connection attempt failed".
     */
    public Optional<ContainerExit> exit() {
        return ContainerExit.of(container.getContainerId());
    }

    /**
     * The free space where the server writes its data, asked of the server (its data directory) and of its
     * container ({@code df}); empty if either cannot tell. A query and a {@code docker exec}: some 100 ms.
     */
    public Optional<FreeDisk> freeDisk() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet directory =
                        statement.executeQuery(engine().dialect().dataDirectoryQuery())) {
            if (!directory.next()) {
                return Optional.empty();
            }
            String path = directory.getString(1);
            Container.ExecResult df =
                    ContainerCommands.run(
                            container,
                            ContainerCommands.SHORT,
                            "reading the free disk space",
                            "df",
                            "-Pk",
                            path);
            return df.getExitCode() == 0
                    ? DiskFree.parse(df.getStdout()).map(bytes -> new FreeDisk(path, bytes))
                    : Optional.empty();
        } catch (SQLException | IOException | UnsupportedOperationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Restarts the server in place, as a crash and a failover do: every session ends, new ones are refused
     * while it recovers, then it accepts again with its data, in the same container on the same port (a
     * container restart would publish another port). Returns once a new session connects.
     *
     * @return how long it took
     * @throws EngineException if the engine cannot, or the server is not back within {@code timeout}
     */
    public Duration restartServer(Duration timeout) {
        long started = System.nanoTime();
        String query =
                engine().dialect()
                        .sessionProcessQuery()
                        .filter(q -> engine().can(Capability.SERVER_RESTART))
                        .orElseThrow(
                                () ->
                                        new EngineException(
                                                "the "
                                                        + engine().displayName()
                                                        + " engine cannot restart its server in its container "
                                                        + "without changing its port. Use Faults.cut() and Faults.killSessions() instead, which the code under test sees alike.",
                                                null));
        String process;
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            process = rows.getString(1);
        } catch (SQLException e) {
            throw new EngineException("could not restart the server: " + e.getMessage(), e);
        }
        try {
            ContainerCommands.run(
                    container,
                    ContainerCommands.SHORT,
                    "stopping the server's process",
                    "kill",
                    "-9",
                    process);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EngineException("could not restart the server: " + e.getMessage(), e);
        }
        long deadline = started + timeout.toNanos();
        SQLException last = null;
        do {
            try (Connection connection = adminConnection()) {
                if (connection.isValid(2)) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (SQLException e) {
                last = e; // "the database system is in recovery mode", until it is not
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new EngineException(
                "the server did not accept connections within "
                        + timeout.toSeconds()
                        + " s of its restart"
                        + (last != null ? ": " + last.getMessage() : ""),
                last);
    }

    private Connection adminConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(
                server.jdbcUrl(), server.adminUsername(), server.adminPassword());
    }

    /**
     * Leaves the container running when the run ends, for someone to look at a failed test's database: not
     * stopped by {@link #close()} nor on JVM exit, and renamed {@value #KEPT_PREFIX}..., which tells the next
     * run's {@link LeftoverSweep} (still labelled with this run as its owner) that it removes a kept one.
     */
    public synchronized void keep() {
        if (owner != this) {
            owner.keep();
            return;
        }
        if (kept) {
            return;
        }
        kept = true;
        LeftoverGuard.forget(container);
        try {
            DockerClientFactory.instance()
                    .client()
                    .renameContainerCmd(container.getContainerId())
                    .withName(KEPT_PREFIX + container.getContainerId().substring(0, 12))
                    .exec();
        } catch (RuntimeException e) {
            // only the sweep's words suffer: it still removes the container, as an abnormal run's
            // leftover
        }
    }

    /** Whether {@link #keep()} was called: the container outlives the run. */
    public boolean kept() {
        return owner.kept;
    }

    @Override
    public void close() {
        if (owner == this && !kept) {
            LeftoverGuard.close(container);
        }
    }

    @Override
    public String toString() {
        return spec.image() + " at " + jdbcUrl();
    }
}
