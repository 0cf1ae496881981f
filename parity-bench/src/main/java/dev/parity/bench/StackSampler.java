package dev.parity.bench;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A poor man's profiler for a few milliseconds of one thread: while started, samples the thread's stack
 * every ~0.2 ms and counts each sample under the innermost Parity method on it (outside this module),
 * with the outermost Parity method that led there, e.g. {@code ProxyToxics.reset <- NetworkFaultsExtension.beforeEach}.
 * Sampling slows the watched thread down somewhat; its shares, not its times, are what it is for.
 */
final class StackSampler {

    private static final long INTERVAL_NANOS = 200_000;

    private final Map<String, AtomicLong> samples = new ConcurrentHashMap<>();
    private volatile Thread target;

    StackSampler() {
        Thread sampler = new Thread(this::sample, "bench-stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void start(Thread thread) {
        target = thread;
    }

    void stop() {
        target = null;
    }

    private void sample() {
        while (true) {
            Thread watched = target;
            if (watched != null) {
                StackTraceElement[] stack = watched.getStackTrace();
                if (target == watched) {
                    samples.computeIfAbsent(where(stack), key -> new AtomicLong())
                            .incrementAndGet();
                }
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }

    private static String where(StackTraceElement[] stack) {
        String innermost = null;
        String outermost = null;
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.parity.")
                    && !frame.getClassName().startsWith("dev.parity.bench.")) {
                String method = simpleName(frame.getClassName()) + "." + frame.getMethodName();
                if (innermost == null) {
                    innermost = method;
                }
                outermost = method;
            }
        }
        if (innermost == null) {
            return "outside Parity (JUnit, the JVM)";
        }
        return innermost.equals(outermost) ? innermost : innermost + " <- " + outermost;
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
    }

    /** The places with the most samples, each with its share of all samples. */
    void print(int top) {
        long total = samples.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(
                "Where a further class's time goes (%,d stack samples, every ~%d us):%n",
                total, INTERVAL_NANOS / 1000);
        samples.entrySet().stream()
                .sorted(
                        Comparator.comparingLong(
                                        (Map.Entry<String, AtomicLong> e) -> e.getValue().get())
                                .reversed())
                .limit(top)
                .forEach(
                        e ->
                                System.out.printf(
                                        "  %5.1f%%  %s%n",
                                        100.0 * e.getValue().get() / total, e.getKey()));
    }
}
