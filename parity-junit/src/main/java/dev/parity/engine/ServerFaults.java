package dev.parity.engine;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Faults a database server shows for one of its databases, made by the server itself, so every client and
 * every pool sees the real error and SQLSTATE. Each acts on one database only, except where it says the
 * server; {@link #clear} undoes all of one database's. Opened per server, like {@link DatabaseCopies}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ServerFaults extends AutoCloseable {

    /**
     * Makes writes (insert, update, delete) to {@code table} fail on the server with {@code sqlState}: the next
     * {@code count} of them, or, with {@code count} negative, each with {@code probability}, decided by
     * {@code seed} and the write's number, so that a run with the same seed fails the same writes.
     *
     * @param table a table of {@code database}, as the schema reader names it ({@code schema.table} outside the default schema)
     */
    void failWrites(
            String database,
            String table,
            String sqlState,
            double probability,
            long count,
            long seed);

    /** How many writes to {@code table} failed since {@link #failWrites} installed it (0 if it did not). */
    long writesFailed(String database, String table);

    /**
     * Terminates every session of {@code database} but Parity's own, as an operator or a pooler does: the
     * client sees the server's own error on its next statement.
     *
     * @return how many were terminated
     */
    int killSessions(String database);

    /**
     * Takes an exclusive lock on {@code table} from a connection of its own, and holds it until the
     * returned lock is closed: everyone else's reads and writes of the table wait.
     */
    AutoCloseable lock(String database, String table);

    /** New sessions of {@code database} cancel a statement after {@code timeout}, with the engine's own error. */
    void statementTimeout(String database, Duration timeout);

    /**
     * New sessions of {@code database} are refused once it has {@code connections} sessions, with the engine's
     * error for too many connections; Parity's own sessions are neither counted nor refused.
     *
     * @throws EngineException where the server cannot hold every user to it (for example PostgreSQL before 17)
     */
    void connectionLimit(String database, int connections);

    /** How many sessions {@link #connectionLimit} refused since it was set (0 if it was not). */
    long connectionsRefused(String database);

    /**
     * Makes {@code database} refuse writes with the engine's read-only error, as a replica does after a
     * failover; its open sessions are terminated, as a failover ends them.
     */
    void readOnly(String database);

    /** Undoes {@link #failWrites}, {@link #statementTimeout}, {@link #connectionLimit} and {@link #readOnly} on {@code database}; nothing if none. */
    void clear(String database);

    /** Closes the connections it keeps; it may still be used afterwards. */
    @Override
    default void close() {}
}
