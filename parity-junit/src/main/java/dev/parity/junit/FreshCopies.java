package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** A class's copies of the loaded state; closing drops them (the class store closes it when the class ends). */
final class FreshCopies implements AutoCloseable {

    private static final AtomicLong COPIES = new AtomicLong();

    private final RunningDatabase database;
    private final Optional<String> snapshot;
    private final boolean loadedData;
    private final List<String> made = new ArrayList<>();

    FreshCopies(RunningDatabase database, Optional<String> snapshot, boolean loadedData) {
        this.database = database;
        this.snapshot = snapshot;
        this.loadedData = loadedData;
    }

    /** Whether datasets were loaded (so a failure has a seed to report). */
    boolean hasLoadedData() {
        return loadedData;
    }

    /** The untouched copy of the loaded state that copies are made from; empty where the engine cannot copy. */
    Optional<String> snapshot() {
        return snapshot;
    }

    RunningDatabase database() {
        return database;
    }

    /** A new copy, reached through {@code host:port} (the class's proxy). */
    synchronized DataSource next(String host, int port) {
        if (!database.engine().can(Capability.FRESH_COPIES)) {
            throw new IllegalStateException(
                    "the "
                            + database.engine().displayName()
                            + " engine does not support "
                            + Capability.FRESH_COPIES.description()
                            + ". Clean up after the test instead, or use an engine that supports it.");
        }
        String template =
                snapshot.orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the database was never snapshotted (This may be a bug.)"));
        String name = "parity_copy_" + COPIES.incrementAndGet();
        String url;
        try (DatabaseCopies copies = database.copies()) {
            url = copies.cloneOf(template, name);
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        made.add(name);
        return database.dataSource(RunningDatabase.via(url, host, port));
    }

    @Override
    public synchronized void close() {
        try (DatabaseCopies copies = database.copies()) {
            made.forEach(copies::drop);
        }
        made.clear();
    }
}
