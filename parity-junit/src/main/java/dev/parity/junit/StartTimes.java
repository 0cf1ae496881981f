package dev.parity.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Where an environment's start went, step by step, for its log line: each mark the time since the one before. */
final class StartTimes {

    private final List<String> steps = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the step {@code name} now. */
    void mark(String name) {
        long now = System.nanoTime();
        steps.add(name + " " + Duration.ofNanos(now - last).toMillis() + " ms");
        last = now;
    }

    @Override
    public String toString() {
        return String.join(", ", steps);
    }
}
