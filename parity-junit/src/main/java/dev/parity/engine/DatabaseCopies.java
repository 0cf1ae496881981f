package dev.parity.engine;

import java.time.ZoneId;
import org.apiguardian.api.API;

/**
 * Copies of a loaded database on one server, far cheaper than loading again. Take a snapshot right after
 * loading, before tests connect; clone the snapshot (which nobody uses) for every fresh copy.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface DatabaseCopies extends AutoCloseable {

    /** Copies {@code database} to a new database {@code snapshot}, meant to be cloned and never used itself. */
    void snapshot(String database, String snapshot);

    /**
     * Creates {@code clone} as a copy of {@code template}, usable by the test user.
     *
     * @return the JDBC URL of the new database, straight to the server
     */
    String cloneOf(String template, String clone);

    /**
     * Makes {@code zone} the zone of {@code database}'s sessions that set none themselves (a client other than the
     * JVM's driver, the engine's own shell), for an engine that {@link Capability#DATABASE_TIME_ZONE can}. The JVM's
     * driver sets the JVM's zone on every session it opens either way.
     */
    default void pinZone(String database, ZoneId zone) {
        throw new UnsupportedOperationException(
                "this engine keeps one time zone per server, not per database");
    }

    /** Drops {@code database}, closing its sessions; nothing if it does not exist. */
    void drop(String database);

    /**
     * A command line a person pastes into a shell to look at {@code database} with the engine's own
     * client, as the test user, password included: for a database kept after a failed test.
     */
    String shellCommand(String database, String host, int port);

    /** Closes what it keeps open between copies (connections); it may still be used afterwards, opening them again. */
    @Override
    default void close() {}

    /** {@code text} as one shell word, in single quotes. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
