package dev.parity.spring;

import java.time.Duration;

/** How long an action took: network toxics show as time. */
final class Timed {

    private Timed() {}

    static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
