package dev.parity.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of one test's faults, whichever side made them: each fault switched on, as called, for the run
 * report; and the sides, each of which undoes its own on {@link #restore()}, releases what it holds on
 * {@link #close()} and counts what fired. A new fault touches one side only; this class knows none of them.
 */
final class FaultBook {

    /** One side of a test's faults: the network's ({@link NetworkFaults}) or the database server's ({@link DatabaseFaults}). */
    sealed interface Side permits NetworkFaults, DatabaseFaults {

        /** Back to what the test started with. */
        void restore();

        /** How often each of its faults fired over the whole test, for the run report; empty for a side whose faults are not counted. */
        List<String> fired();

        /** The test ended: release what is still held. */
        void close();
    }

    private final List<String> applied = new ArrayList<>();

    /** Set once, before any fault: read without the book's lock, so that a side's lock is never taken under it. */
    private volatile List<Side> sides = List.of();

    void track(Side... sides) {
        this.sides = List.of(sides);
    }

    /** Records a fault switched on, as called: {@code latency(200 ms)}. */
    synchronized void applied(String call) {
        applied.add(call);
    }

    /** The faults switched on in the test, as called (declared ones too, which are applied through {@link Faults}). */
    synchronized List<String> applied() {
        return List.copyOf(applied);
    }

    /** Every side back to what the test started with, in order, network first. */
    void restore() {
        sides.forEach(Side::restore);
    }

    /** What fired, side after side. */
    List<String> fired() {
        List<String> fired = new ArrayList<>();
        sides.forEach(side -> fired.addAll(side.fired()));
        return fired;
    }

    /** Releases what every side still holds; one that fails does not keep the others from releasing. */
    void close() {
        RuntimeException failure = null;
        for (Side side : sides) {
            try {
                side.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
