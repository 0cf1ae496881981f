package dev.parity.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * When each fixture class of one launcher run started (as the launcher reports it, before its
 * extensions' before-all callbacks) and when its test's body started, in {@link System#nanoTime()};
 * and the first failure, if any. An optional {@link StackSampler} watches each class that is not the
 * first, from its start to its test.
 */
final class StartCostTimeline implements TestExecutionListener {

    private static final Map<String, Long> TESTS_STARTED = new ConcurrentHashMap<>();
    private static volatile StackSampler sampler;

    private final Map<String, Long> classesStarted = new ConcurrentHashMap<>();
    private volatile String firstClass;
    private volatile Throwable failure;

    StartCostTimeline(StackSampler watching) {
        TESTS_STARTED.clear();
        sampler = watching;
    }

    /** Called first thing in a fixture's test. */
    static void testStarted(Class<?> fixture) {
        TESTS_STARTED.put(fixture.getName(), System.nanoTime());
        StackSampler watching = sampler;
        if (watching != null) {
            watching.stop();
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        Optional<String> fixture = className(identifier);
        if (fixture.isPresent()) {
            classesStarted.put(fixture.get(), System.nanoTime());
            if (firstClass == null) {
                firstClass = fixture.get();
            } else if (sampler != null) {
                sampler.start(Thread.currentThread());
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (failure == null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            failure =
                    result.getThrowable()
                            .orElseGet(
                                    () ->
                                            new IllegalStateException(
                                                    identifier.getDisplayName() + ": " + result));
        }
    }

    /** From the start of {@code fixture}'s class to the start of its test's body, in nanoseconds. */
    long classToTest(Class<?> fixture) {
        Long started = classesStarted.get(fixture.getName());
        Long test = TESTS_STARTED.get(fixture.getName());
        if (started == null || test == null) {
            throw new IllegalStateException(
                    fixture.getSimpleName()
                            + " did not run"
                            + (failure != null ? ": " + failure : ""));
        }
        return test - started;
    }

    /** When the test of {@code fixture} started. */
    long whenTestStarted(Class<?> fixture) {
        return TESTS_STARTED.get(fixture.getName());
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private static Optional<String> className(TestIdentifier identifier) {
        return identifier
                .getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> ((ClassSource) s).getClassName());
    }
}
