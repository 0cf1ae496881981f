package dev.parity.database;

import dev.parity.engine.Engine;
import dev.parity.engine.EngineException;
import dev.parity.engine.LockWait;
import dev.parity.engine.LockWaits;
import dev.parity.engine.Server;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Bounds the lock waits of a piece of work that prepares a database (its migrations, its init scripts,
 * its dataset load): a daemon thread asks the engine, a few times a second, which sessions of the database
 * wait on a lock; one that has waited longer than {@code parity.lockWait} ({@link dev.parity.settings.Settings#LOCK_WAIT}) has its statement cancelled, so that
 * the work fails with the server's error instead of waiting for ever (PostgreSQL waits without end,
 * MariaDB's {@code lock_wait_timeout} allows a day). If cancelling does not end the wait, the session is
 * ended. The first wait it ended is {@linkplain #intervention() kept}, to tell what waited on whom.
 *
 * <p>Closing stops the thread (within a few seconds: every question to the server has a timeout) and
 * closes its session.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LockWatch implements AutoCloseable {

    private static final Duration MAX_POLL = Duration.ofSeconds(1);
    private static final Duration MIN_POLL = Duration.ofMillis(50);

    /** How long a cancelled statement may go on waiting before its session is ended. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final LockWaits waits;
    private final String database;
    private final Duration bound;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<Long, Long> cancelledAt = new HashMap<>();
    private volatile Intervention intervention;
    private volatile EngineException lastFailure;

    /**
     * What the watch did: the wait it ended, and how.
     *
     * @param lockWait   the wait, as the server told it when the bound was passed
     * @param bound      the bound it passed
     * @param terminated whether its session had to be ended, cancelling its statement having not been enough
     */
    public record Intervention(LockWait lockWait, Duration bound, boolean terminated) {}

    private LockWatch(LockWaits waits, String database, Duration bound, String what) {
        this.waits = waits;
        this.database = database;
        this.bound = bound;
        this.thread = new Thread(this::watch, "parity-lock-watch " + database + " (" + what + ")");
        thread.setDaemon(true);
    }

    /**
     * Starts watching {@code database} on {@code server}.
     *
     * @param what what is watched, for the thread's name: {@code migrations}, {@code init scripts}
     */
    public static LockWatch start(
            Engine engine, Server server, String database, Duration bound, String what) {
        LockWatch watch = new LockWatch(engine.lockWaits(server), database, bound, what);
        watch.thread.start();
        return watch;
    }

    /** Watches {@code database}'s own database. */
    public static LockWatch start(RunningDatabase database, Duration bound, String what) {
        return start(database.engine(), database.server(), database.spec().name(), bound, what);
    }

    /** The wait it ended, if it ended one. */
    public Optional<Intervention> intervention() {
        return Optional.ofNullable(intervention);
    }

    public Duration bound() {
        return bound;
    }

    private void watch() {
        Duration poll = bound.dividedBy(4);
        poll =
                poll.compareTo(MAX_POLL) > 0
                        ? MAX_POLL
                        : poll.compareTo(MIN_POLL) < 0 ? MIN_POLL : poll;
        try {
            while (!closed.await(poll.toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    look();
                    lastFailure = null;
                } catch (EngineException e) {
                    lastFailure = e; // asked again at the next poll; the work goes on meanwhile
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void look() {
        for (LockWait wait : waits.in(database)) {
            long session = wait.waiting().id();
            Long cancelled = cancelledAt.get(session);
            if (cancelled == null && wait.waited() != null && wait.waited().compareTo(bound) >= 0) {
                cancelledAt.put(session, System.nanoTime());
                waits.cancel(session);
                if (intervention == null) {
                    intervention = new Intervention(waits.named(wait, database), bound, false);
                }
            } else if (cancelled != null
                    && System.nanoTime() - cancelled > CANCEL_GRACE.toNanos()) {
                if (intervention != null
                        && intervention.lockWait().waiting().id() == session
                        && !intervention.terminated()) {
                    intervention = new Intervention(intervention.lockWait(), bound, true);
                }
                cancelledAt.put(session, Long.MAX_VALUE / 2); // ended once; not again
                waits.terminate(session);
            }
        }
    }

    /** The last failure to ask the server, if the last question failed: why a wait may have gone unseen. */
    Optional<EngineException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waits.close();
        }
    }
}
