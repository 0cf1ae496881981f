package dev.parity.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;

/**
 * Stops containers that are still running when the JVM exits without closing them (a killed build, a
 * System.exit in a test, a start cut short). Ryuk may be disabled, so nothing else would. Containers
 * are remembered before they start, so one half started is covered too.
 */
final class LeftoverGuard {

    private static final Set<GenericContainer<?>> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private LeftoverGuard() {
    }

    static synchronized void remember(GenericContainer<?> container) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(LeftoverGuard::stopAll, "parity-leftover-guard"));
            hookInstalled = true;
        }
        OPEN.add(container);
    }

    /** Stops the container and forgets it. */
    static void stop(GenericContainer<?> container) {
        try {
            container.stop();
        } finally {
            synchronized (LeftoverGuard.class) {
                OPEN.remove(container);
            }
        }
    }

    private static void stopAll() {
        List<GenericContainer<?>> open;
        synchronized (LeftoverGuard.class) {
            open = new ArrayList<>(OPEN);
        }
        for (GenericContainer<?> container : open) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                // the JVM is going down: stop what we can
            }
        }
    }
}
