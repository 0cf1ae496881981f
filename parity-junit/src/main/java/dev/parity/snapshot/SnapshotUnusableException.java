package dev.parity.snapshot;

import org.apiguardian.api.API;

/**
 * A snapshot a server could not start from, or that did not arrive as it was saved: the caller discards it, says
 * so, and builds the environment from scratch. Nothing of the failed start is left running.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SnapshotUnusableException extends RuntimeException {

    private final SnapshotEntry entry;

    public SnapshotUnusableException(SnapshotEntry entry, String why, Throwable cause) {
        super("the snapshot " + entry.shortKey() + " (" + entry.dir() + ") " + why, cause);
        this.entry = entry;
    }

    public SnapshotEntry entry() {
        return entry;
    }
}
