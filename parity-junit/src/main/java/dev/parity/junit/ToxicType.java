package dev.parity.junit;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The kinds of toxic a {@link Toxic} puts on a class's proxy: Toxiproxy's own types, and {@link #DOWN}. Each constant names
 * the attributes its type takes (as {@code name=value} in {@link Toxic#attributes()}), with their units; an attribute not
 * given is 0 (none), as Toxiproxy takes it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ToxicType {

    /**
     * Delays each chunk of data: {@code latency} (milliseconds added), {@code jitter} (milliseconds of random variation,
     * either way). {@link Latency} says the same more briefly.
     */
    LATENCY,

    /** Limits the rate of data: {@code rate} (kilobytes per second). */
    BANDWIDTH,

    /** Delays closing a connection: {@code delay} (milliseconds after the other side closed). */
    SLOW_CLOSE,

    /**
     * Stops all data, and closes the connection after {@code timeout} milliseconds ({@code timeout=0}: never closes it, the
     * data just stops).
     */
    TIMEOUT,

    /** Resets connections (TCP RST) after {@code timeout} milliseconds ({@code timeout=0}: at once). */
    RESET_PEER,

    /**
     * Slices data into small packets: {@code average_size} (bytes per packet), {@code size_variation} (bytes, either way),
     * {@code delay} (microseconds between packets: Toxiproxy's unit for this one).
     */
    SLICER,

    /** Closes a connection once {@code bytes} bytes have passed through it. */
    LIMIT_DATA,

    /**
     * Not a Toxiproxy toxic: the proxy disabled, so new connections are refused and open ones drop. Takes no attributes, no
     * {@link Toxic#stream()} and no {@link Toxic#toxicity()}.
     */
    DOWN;

    /** What its attributes are, for an error: {@code latency=<ms>, jitter=<ms>}. */
    String attributesTaken() {
        return switch (this) {
            case LATENCY -> "latency=<ms>, jitter=<ms>";
            case BANDWIDTH -> "rate=<KB/s>";
            case SLOW_CLOSE -> "delay=<ms>";
            case TIMEOUT, RESET_PEER -> "timeout=<ms>";
            case SLICER -> "average_size=<bytes>, size_variation=<bytes>, delay=<microseconds>";
            case LIMIT_DATA -> "bytes=<bytes>";
            case DOWN -> "none";
        };
    }

    /** The type as profiles and Toxiproxy write it: {@code slow_close}. */
    String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
