package dev.parity.data;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Where a load's time went, phase by phase, in the order they ran: connecting and reading the schema,
 * planning, building the Datafaker pools, validation (the sample and the server's verdicts on CHECKs), the rows (split into the writer waiting
 * for the generators and the writer sending to the server), a second pass, indexes and foreign keys,
 * the commit, the indexes built after it on several sessions, and the statistics.
 *
 * @param phases each phase's time; a phase that did not run is absent
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record LoadPhases(Map<String, Duration> phases) {

    public static final String SCHEMA = "connection and schema";
    public static final String PLAN = "plan";
    public static final String POOLS = "Datafaker pools";
    public static final String VALIDATE = "validation";
    public static final String DROP = "keys and indexes dropped";
    public static final String GENERATE = "waiting for generated rows";
    public static final String SEND = "sending rows";
    public static final String SECOND_PASS = "second pass";
    public static final String RESTORE = "keys, indexes and foreign keys";
    public static final String COMMIT = "commit";
    public static final String AFTER_COMMIT = "indexes after the commit";
    public static final String ANALYZE = "analyze";

    public LoadPhases {
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    public static LoadPhases none() {
        return new LoadPhases(Map.of());
    }

    /** The time of {@code phase}, zero when it did not run. */
    public Duration of(String phase) {
        return phases.getOrDefault(phase, Duration.ZERO);
    }

    /** "connection and schema 0.21 s, plan 0.03 s, ..., waiting for generated rows 2.10 s, ..." in the root locale. */
    @Override
    public String toString() {
        return phases.entrySet().stream()
                .map(
                        e ->
                                String.format(
                                        Locale.ROOT,
                                        "%s %.2f s",
                                        e.getKey(),
                                        e.getValue().toNanos() / 1e9))
                .collect(Collectors.joining(", "));
    }

    /** Adds up phases as they end; not thread-safe (the loading thread keeps it). */
    static final class Clock {

        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long lapStarted;

        Clock(long started) {
            lapStarted = started;
        }

        /** Ends the phase running since the last lap (or the start) as {@code phase}. */
        void lap(String phase) {
            long now = System.nanoTime();
            add(phase, now - lapStarted);
            lapStarted = now;
        }

        /** Adds {@code took} to {@code phase}, outside the laps (a part timed where it runs). */
        void add(String phase, long took) {
            nanos.merge(phase, took, Long::sum);
        }

        /** Starts the next lap now, leaving out what ran since the last (timed with {@link #add}). */
        void skip() {
            lapStarted = System.nanoTime();
        }

        LoadPhases phases() {
            Map<String, Duration> phases = new LinkedHashMap<>();
            nanos.forEach((phase, took) -> phases.put(phase, Duration.ofNanos(took)));
            return new LoadPhases(phases);
        }
    }
}
