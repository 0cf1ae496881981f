package dev.parity.engine;

import org.apiguardian.api.API;

/**
 * Copies of a loaded database on one server, far cheaper than loading again. Take a snapshot right after
 * loading, before tests connect; clone the snapshot (which nobody uses) for every fresh copy.
 */
@API(status = API.Status.INTERNAL)
public interface DatabaseCopies {

    /** Copies {@code database} to a new database {@code snapshot}, meant to be cloned and never used itself. */
    void snapshot(String database, String snapshot);

    /**
     * Creates {@code clone} as a copy of {@code template}, usable by the test user.
     *
     * @return the JDBC URL of the new database, straight to the server
     */
    String cloneOf(String template, String clone);

    /** Drops {@code database}, closing its sessions; nothing if it does not exist. */
    void drop(String database);
}
