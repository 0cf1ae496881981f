package dev.parity.junit;

import dev.parity.data.TemplateDatabases;
import dev.parity.database.RunningDatabase;
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

    /** A new copy, reached through {@code proxiedUrl}'s host and port. */
    synchronized DataSource next(String proxiedUrl) {
        String template = snapshot.orElseThrow(() -> new IllegalStateException(
                "freshCopy() copies the loaded datasets, and this profile loads none. Add datasets: to the profile or @Dataset to the class."));
        String name = "parity_copy_" + COPIES.incrementAndGet();
        server().cloneOf(template, name);
        made.add(name);
        return database.dataSource(TemplateDatabases.on(proxiedUrl, database.username(), database.password()).urlOf(name));
    }

    private TemplateDatabases server() {
        return TemplateDatabases.on(database.jdbcUrl(), database.username(), database.password());
    }

    @Override
    public synchronized void close() {
        made.forEach(server()::drop);
        made.clear();
    }
}
