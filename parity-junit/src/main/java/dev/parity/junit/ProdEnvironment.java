package dev.parity.junit;

import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * The production-like environment a {@link ProdLike} test runs in. Inject it as a parameter of a test
 * constructor, test method or lifecycle method.
 *
 * <p>Each test class gets an instance of its own: a view of a database that classes asking for the same
 * one share, through the class's own Toxiproxy proxy. A {@link FreshDatabase} test gets one for its own
 * database instead: {@link #jdbcUrl()}, {@link #directJdbcUrl()} and {@link #dataSource()} point at its
 * copy. Instances are thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ProdEnvironment {

    /** The name of the profile this test class runs under. */
    String profile();

    /** The database engine, as profiles name it: {@code postgres} or {@code mariadb}. */
    String engine();

    /** The database image the profile pins, e.g. {@code postgres:15}. */
    String image();

    /**
     * A JDBC URL for the database through this class's Toxiproxy proxy, so the network faults apply; for
     * code that builds its own connection pool.
     */
    String jdbcUrl();

    /** A JDBC URL straight to the database, bypassing the proxy: for setup and assertions. */
    String directJdbcUrl();

    /** The user to connect as. */
    String username();

    /** That user's password. */
    String password();

    /**
     * A {@link DataSource} for the database, through the proxy. It does not pool: each {@code getConnection()} opens a new
     * connection, which the caller closes.
     */
    DataSource dataSource();

    /**
     * The seed the datasets were generated with: the configuration parameter or system property
     * {@code parity.seed}, else the profile's {@code seed:}, else 0. Printed when a test fails.
     */
    long seed();

    /**
     * A database of its own, copied from the database exactly as migrations, init scripts and datasets
     * left it, through this class's proxy: on PostgreSQL a template copy (about the time it takes to copy
     * the files), on MariaDB the tables re-created and filled from the loaded ones; either far cheaper than
     * generating the data again. For tests that change data. Dropped when the test class ends. For a
     * database per test, made ahead of need, see {@link FreshDatabase}.
     *
     * @throws IllegalStateException if the engine cannot copy databases
     */
    DataSource freshCopy();
}
