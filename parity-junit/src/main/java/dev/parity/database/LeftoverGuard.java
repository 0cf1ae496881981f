package dev.parity.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Stops what Parity started (containers, toxiproxy-server processes) if it is still running when the
 * JVM exits without closing it: a killed build, a System.exit in a test, a start cut short. Ryuk may be
 * disabled, so nothing else would. Things are remembered before they start, so one half started is
 * covered too.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LeftoverGuard {

    private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private LeftoverGuard() {}

    public static synchronized void remember(AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(LeftoverGuard::closeAll, "parity-leftover-guard"));
            hookInstalled = true;
        }
        OPEN.add(resource);
    }

    /** Forgets {@code resource}, which its owner is closing. */
    public static synchronized void forget(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    /** Closes {@code resource} and forgets it. */
    public static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + resource, e);
        } finally {
            synchronized (LeftoverGuard.class) {
                OPEN.remove(resource);
            }
        }
    }

    private static void closeAll() {
        List<AutoCloseable> open;
        synchronized (LeftoverGuard.class) {
            open = new ArrayList<>(OPEN);
        }
        Collections.reverse(open); // the last started first: proxies before their databases
        for (AutoCloseable resource : open) {
            try {
                resource.close();
            } catch (Exception e) {
                // the JVM is going down: stop what we can
            }
        }
    }
}
