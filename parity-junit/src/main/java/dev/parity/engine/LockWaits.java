package dev.parity.engine;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A server's sessions that wait on a lock, and the sessions holding it, read from the server's own views
 * (PostgreSQL's {@code pg_stat_activity} and {@code pg_blocking_pids()}, MariaDB's processlist and InnoDB's
 * lock waits); and the means to end such a wait. Opened per server, on one administrator session of its own
 * kept until {@link #close}, which is never a session of the database it watches (so that a copy of that
 * database can be taken the moment the watched work ends).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface LockWaits extends AutoCloseable {

    /**
     * The sessions of {@code database} waiting on a lock now, each with how long it has waited and the
     * sessions holding what it waits for; empty if none waits.
     *
     * @throws EngineException if the server could not be asked
     */
    List<LockWait> in(String database);

    /**
     * {@code wait} with what it waits for named as the database names it ({@code relation orders} rather than by number),
     * where naming it takes a session of {@code database} itself: asked once, for the wait that is reported.
     */
    default LockWait named(LockWait wait, String database) {
        return wait;
    }

    /** Cancels the statement session {@code session} runs: its client gets the engine's error for a cancelled statement. */
    void cancel(long session);

    /** Ends session {@code session}, for a wait that cancelling its statement did not end. */
    void terminate(long session);

    /** Closes its session; harmless twice. */
    @Override
    void close();
}
