package dev.parity.junit;

import java.time.Duration;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.function.Executable;

/**
 * Switches faults between a {@link ProdLike} test and its database on and off while the test runs: the
 * network's (Toxiproxy on the class's own proxy) and the database server's own (real server errors,
 * terminated sessions, locks, limits, a read-only database, a restart). Inject it as a parameter. Faults
 * never outlive the test: before the next test, the proxy is back to the profile's toxics and the next
 * test's annotations, and the test's database is gone or undone, whatever this test did or however it failed.
 *
 * <p>Network faults affect data flowing from the database to the test (downstream), as Toxiproxy does by
 * default. Database faults are made by the server, so every client and every pool (HikariCP included) sees
 * the real error and SQLSTATE. Those that change a database ({@link #failWrites}, {@link #killSessions},
 * {@link #lock}, {@link #statementTimeout}, {@link #connectionLimit}, {@link #readOnly}) need a database of the test's own: on a
 * {@link FreshDatabase} test only, else they throw saying so. {@link #failover} restarts the server, so it
 * needs a server no other class uses at the time. {@link #report()} tells how often each fired.
 *
 * <p>Methods return this, to chain: {@code faults.latency(ofMillis(200)).failWrites("orders", "40001", 0.5)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Faults {

    /** Delays each chunk of data by {@code latency}. */
    Faults latency(Duration latency);

    /** Limits the rate of data to {@code kilobytesPerSecond}. */
    Faults bandwidth(long kilobytesPerSecond);

    /** Stops all data; the connection is closed after {@code timeout} (zero: never, it just hangs). */
    Faults timeout(Duration timeout);

    /** Resets connections (TCP RST) after {@code after}. */
    Faults resetPeer(Duration after);

    /** Closes a connection once {@code bytes} have passed. */
    Faults limitData(long bytes);

    /** Cuts the network: the proxy is disabled, open connections drop and new ones are refused. */
    Faults cut();

    /**
     * Writes (each row inserted, updated or deleted) to {@code table} fail on the server with {@code sqlState}
     * ({@code 40001} serialization failure, {@code 40P01} deadlock, {@code 23505}, {@code 57014}, any valid
     * code), each with {@code probability}. Which writes fail is decided by the run's seed and the write's
     * number: the same seed fails the same writes. A trigger on the table, in the test's own database.
     *
     * @param table a table of the test's database ({@code schema.table} outside the default schema)
     */
    Faults failWrites(String table, String sqlState, double probability);

    /** The next {@code count} writes to {@code table} fail with {@code sqlState}; later ones pass. */
    Faults failWrites(String table, String sqlState, int count);

    /** The server terminates every session of the test's database, as an operator or a pooler does; a pool must recover. */
    Faults killSessions();

    /**
     * Parity takes an exclusive lock on {@code table} from a connection of its own and holds it for
     * {@code duration} (or until {@link #restore()} or the test's end): the code under test waits, and its
     * lock and statement timeouts fire. Returns once the lock is held.
     */
    Faults lock(String table, Duration duration);

    /** Statements of sessions opened from now on are cancelled by the server after {@code timeout} (PostgreSQL: 57014). */
    Faults statementTimeout(Duration timeout);

    /**
     * New sessions of the test's database are refused once it has {@code connections} sessions, with the server's
     * error for too many connections; sessions already open stay. A pool that grows past it sees the error on its
     * next connect. PostgreSQL 17 and later: 53300 "too many connections for database" (a login event trigger;
     * the server's own limit exempts superusers, as the test's user is). MariaDB: the server ends the session and
     * the driver sees 1184 (08S01) "Aborted connection ... (init_connect command failed)".
     */
    Faults connectionLimit(int connections);

    /**
     * The database refuses writes with the engine's read-only error, as a replica does after a failover
     * (PostgreSQL: 25006); its open sessions are terminated, as a failover ends them.
     */
    Faults readOnly();

    /**
     * The database server restarts: connections drop, new ones through the proxy are refused for about
     * {@code downtime}, then it accepts again with its data intact. Returns once it accepts again. Needs an
     * engine that can restart its server in place ({@code PostgreSQL}) and a server no other class uses now.
     */
    Faults failover(Duration downtime);

    /** How often this test's database faults fired so far: a fault that never fired proved nothing. */
    FaultReport report();

    /** Back to what this test started with: the profile's toxics and the annotations', and no database fault. */
    Faults restore();

    /** Applies {@code faults}, runs {@code action}, and always {@link #restore()}s, also when it throws. */
    void during(Consumer<Faults> faults, Executable action) throws Throwable;

    /**
     * The class's proxy, which the network faults act on: its name, where this JVM reaches it, where it forwards
     * to. For anything the methods above and {@link Toxic} do not cover (reading the proxy's toxics back, say),
     * {@link NetworkProxy#unwrap(Class)} is the escape hatch to the Toxiproxy client's own object.
     */
    NetworkProxy proxy();
}
