package dev.parity.database;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops databases that are still running when the JVM exits without closing them (a killed build, a
 * System.exit in a test). Ryuk may be disabled, so nothing else would.
 */
final class LeftoverGuard {

    private static final Set<RunningDatabase> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private LeftoverGuard() {
    }

    static synchronized void remember(RunningDatabase database) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(LeftoverGuard::closeAll, "parity-leftover-guard"));
            hookInstalled = true;
        }
        OPEN.add(database);
    }

    static synchronized void forget(RunningDatabase database) {
        OPEN.remove(database);
    }

    private static void closeAll() {
        List<RunningDatabase> open;
        synchronized (LeftoverGuard.class) {
            open = new ArrayList<>(OPEN);
        }
        for (RunningDatabase database : open) {
            try {
                database.close();
            } catch (RuntimeException e) {
                // the JVM is going down: stop what we can
            }
        }
    }
}
