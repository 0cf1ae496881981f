package dev.parity.junit;

import java.time.Duration;

/** A lock {@link Faults#lock} holds on a table; released once, by its timer, by {@code restore()} or when the test ends. */
final class HeldLock {

    private final String table;
    private final AutoCloseable lock;
    private final long taken;
    private long released;

    HeldLock(String table, AutoCloseable lock, long taken) {
        this.table = table;
        this.lock = lock;
        this.taken = taken;
    }

    String table() {
        return table;
    }

    synchronized void release() {
        if (released != 0) {
            return;
        }
        released = System.nanoTime();
        try {
            lock.close();
        } catch (Exception e) {
            // the lock's connection is gone, and its lock with it
        }
    }

    /** How long it was held; so far, while it still is. */
    synchronized Duration held() {
        return Duration.ofNanos((released != 0 ? released : System.nanoTime()) - taken);
    }
}
