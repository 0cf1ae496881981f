package dev.parity.database;

import dev.parity.profile.DatabaseSpec;
import java.time.Duration;
import javax.sql.DataSource;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A started database, ready for tests: its init scripts have run. Closing it stops and removes its
 * container; closing twice is harmless.
 */
@API(status = API.Status.INTERNAL)
public final class RunningDatabase implements AutoCloseable {

    private final DatabaseSpec spec;
    private final JdbcDatabaseContainer<?> container;
    private final DataSource dataSource;
    private final Duration startup;

    RunningDatabase(DatabaseSpec spec, JdbcDatabaseContainer<?> container, Duration startup) {
        this.spec = spec;
        this.container = container;
        this.dataSource = new DriverManagerDataSource(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        this.startup = startup;
    }

    public DatabaseSpec spec() {
        return spec;
    }

    public String jdbcUrl() {
        return container.getJdbcUrl();
    }

    public String username() {
        return container.getUsername();
    }

    public String password() {
        return container.getPassword();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How long it took from asking for the container to a database with its init scripts run. */
    public Duration startup() {
        return startup;
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

    /** {@link #jdbcUrl()} with its host and port replaced, e.g. by a proxy's. */
    public String jdbcUrlVia(String host, int port) {
        return jdbcUrl().replace("//" + host() + ":" + publishedPort() + "/", "//" + host + ":" + port + "/");
    }

    /** A data source like {@link #dataSource()} that connects through {@code host:port}. */
    public DataSource dataSourceVia(String host, int port) {
        return new DriverManagerDataSource(jdbcUrlVia(host, port), username(), password());
    }

    /** A data source for another database of this server, e.g. a copy, as this database's user. */
    public DataSource dataSource(String jdbcUrl) {
        return new DriverManagerDataSource(jdbcUrl, username(), password());
    }

    public String containerId() {
        return container.getContainerId();
    }

    @Override
    public void close() {
        LeftoverGuard.close(container);
    }

    @Override
    public String toString() {
        return spec.image() + " at " + jdbcUrl();
    }
}
