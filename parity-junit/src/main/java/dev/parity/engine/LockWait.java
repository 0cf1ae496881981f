package dev.parity.engine;

import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A session waiting on a lock, as the server tells it.
 *
 * @param waiting the waiting session, its statement and state
 * @param waited  how long it has waited for the lock
 * @param lock    what it waits for, in the server's words: {@code virtualxid}, {@code relation orders},
 *                {@code Waiting for table metadata lock}
 * @param holders the sessions holding it (or, where the server cannot tell exactly, those that may), possibly empty
 * @param exact   whether {@code holders} are known to hold the lock rather than only suspected
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LockWait(
        Session waiting, Duration waited, String lock, List<Session> holders, boolean exact) {

    public LockWait {
        holders = List.copyOf(holders);
    }

    /**
     * A server session.
     *
     * @param id          the server's id for it: PostgreSQL's backend pid, MariaDB's connection id
     * @param state       its state: {@code active}, {@code idle in transaction}, {@code Waiting for table metadata lock}
     * @param application the application name its client gave; empty if none
     * @param query       its current (or, if idle, last) statement; empty if none
     * @param inState     how long it has been in that state; null if the server does not say
     */
    public record Session(
            long id, String state, String application, String query, Duration inState) {

        public Session {
            state = state == null ? "" : state;
            application = application == null ? "" : application;
            query = query == null ? "" : query.strip();
        }
    }
}
