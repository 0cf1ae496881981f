package dev.parity.junit;

import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How often a test's database faults fired: assert on it, so that a test proves its retry or recovery path
 * really ran. Counted by the server where it can be (failed writes), else by Parity.
 *
 * @param writesFailed   by table, the writes that {@link Faults#failWrites} failed
 * @param sessionsKilled the sessions {@link Faults#killSessions()} and {@link Faults#readOnly()} terminated
 * @param lockHeld       by table, how long {@link Faults#lock} held its lock (so far, for one still held)
 * @param failovers      how many times {@link Faults#failover} restarted the server
 * @param connectionsRefused the new sessions {@link Faults#connectionLimit} refused
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FaultReport(
        Map<String, Long> writesFailed,
        int sessionsKilled,
        Map<String, Duration> lockHeld,
        int failovers,
        long connectionsRefused) {

    public FaultReport {
        writesFailed = Map.copyOf(writesFailed);
        lockHeld = Map.copyOf(lockHeld);
    }

    /** The writes to {@code table} that failed; 0 if none did or no fault was set on it. */
    public long writesFailed(String table) {
        return writesFailed.getOrDefault(table, 0L);
    }

    /** How long the lock on {@code table} was held; zero if none was taken. */
    public Duration lockHeld(String table) {
        return lockHeld.getOrDefault(table, Duration.ZERO);
    }
}
