package dev.parity.database;

import dev.parity.engine.LockWait;
import dev.parity.settings.Settings;
import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Tells a wait that {@link LockWatch} ended: what waited, for how long, on what, and each session holding
 * the lock (its id, state, application, statement, how long in that state).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LockWaitReport {

    /** Beyond this a statement is cut: a migration's statement can be pages long. */
    private static final int MAX_QUERY = 300;

    private LockWaitReport() {}

    /**
     * "waited 3.1 s on a lock (virtualxid), longer than parity.lockWait (3 s): Parity cancelled it.\n
     * waiting: session 42 (active): CREATE INDEX ...\n holding the lock: session 41 (idle in transaction for 3.2 s, ...): ..."
     */
    public static String describe(LockWatch.Intervention intervention) {
        LockWait wait = intervention.lockWait();
        StringBuilder text =
                new StringBuilder("waited ")
                        .append(seconds(wait.waited()))
                        .append(" on a lock (")
                        .append(wait.lock())
                        .append("), longer than ")
                        .append(Settings.LOCK_WAIT.name())
                        .append(" (")
                        .append(seconds(intervention.bound()))
                        .append(") allows: Parity ")
                        .append(
                                intervention.terminated()
                                        ? "cancelled its statement, which went on waiting, then ended its session"
                                        : "cancelled it")
                        .append(".\n    waiting: ")
                        .append(session(wait.waiting(), false));
        if (wait.holders().isEmpty()) {
            text.append(
                    "\n    holding the lock: no session the server names (it may have ended meanwhile)");
        }
        String label = wait.exact() ? "holding the lock" : "may hold it (a transaction open)";
        for (LockWait.Session holder : wait.holders()) {
            text.append("\n    ").append(label).append(": ").append(session(holder, true));
        }
        return text.toString();
    }

    private static String session(LockWait.Session session, boolean withTime) {
        // a holder without a session (PostgreSQL's prepared transaction) has no id to give
        StringBuilder text =
                new StringBuilder(session.id() > 0 ? "session " + session.id() + " (" : "(")
                        .append(session.state().isEmpty() ? "state unknown" : session.state());
        if (withTime && session.inState() != null) {
            text.append(" for ").append(seconds(session.inState()));
        }
        if (!session.application().isEmpty()) {
            text.append(", application '").append(session.application()).append("'");
        }
        text.append(")");
        // a migration's comments lead its statement; what it does is after them
        String query =
                session.query()
                        .replaceAll("^(\\s*--[^\n]*\n)+", "")
                        .strip()
                        .replaceAll("\\s+", " ");
        if (!query.isEmpty()) {
            text.append(": ")
                    .append(
                            query.length() > MAX_QUERY
                                    ? query.substring(0, MAX_QUERY) + " ..."
                                    : query);
        }
        return text.toString();
    }

    static String seconds(Duration duration) {
        if (duration == null) {
            return "an unknown time";
        }
        double seconds = duration.toMillis() / 1000.0;
        return seconds >= 10 && seconds == Math.rint(seconds)
                ? (long) seconds + " s"
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
