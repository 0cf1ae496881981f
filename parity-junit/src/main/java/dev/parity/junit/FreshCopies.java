package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** A class's copies of the loaded data; closing drops them (the class store closes it when the class ends). */
final class FreshCopies implements AutoCloseable {

    private static final AtomicLong COPIES = new AtomicLong();

    private final RunningDatabase database;
    private final Optional<String> snapshot;
    private final List<String> made = new ArrayList<>();

    FreshCopies(RunningDatabase database, Optional<String> snapshot) {
        this.database = database;
        this.snapshot = snapshot;
    }

    /** Whether datasets were loaded (and so can be copied). */
    boolean hasLoadedData() {
        return snapshot.isPresent();
    }

    /** A new copy, reached through {@code host:port} (the class's proxy). */
    synchronized DataSource next(String host, int port) {
        if (!database.engine().can(Capability.FRESH_COPIES)) {
            throw new IllegalStateException("the " + database.engine().displayName() + " engine does not support "
                    + Capability.FRESH_COPIES.description() + ". Clean up after the test instead, or use an engine that supports it.");
        }
        String template = snapshot.orElseThrow(() -> new IllegalStateException(
                "freshCopy() copies the loaded datasets, and this profile loads none. Add datasets: to the profile or @Dataset to the class."));
        String name = "parity_copy_" + COPIES.incrementAndGet();
        String url;
        try {
            url = database.copies().cloneOf(template, name);
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        made.add(name);
        return database.dataSource(RunningDatabase.via(url, host, port));
    }

    @Override
    public synchronized void close() {
        made.forEach(database.copies()::drop);
        made.clear();
    }
}
