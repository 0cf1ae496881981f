package dev.parity.testing;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.Engine;
import dev.parity.engine.spec.DatabaseSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real database whose init scripts create a schema, kept empty as a snapshot: each {@link #freshCopy()}
 * is a database of its own with the schema and no rows, so tests that load data need no cleaning up.
 * Closing it stops the database.
 */
public final class EmptySchema implements AutoCloseable {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private final RunningDatabase database;
    private final DatabaseCopies copies;
    private final String empty;

    private EmptySchema(RunningDatabase database, String empty) {
        this.database = database;
        this.copies = database.copies();
        this.empty = empty;
        copies.snapshot(database.spec().name(), empty);
    }

    /** @param name names the container and the empty snapshot */
    public static EmptySchema start(Engine engine, List<String> scripts, String name) {
        RunningDatabase database =
                Databases.start(
                        DatabaseSpec.defaults(engine).withInit(scripts),
                        EmptySchema.class.getClassLoader(),
                        name);
        try {
            return new EmptySchema(database, name.replace('-', '_') + "_empty");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A new database with the schema and no rows. */
    public DataSource freshCopy() {
        return database.dataSource(copies.cloneOf(empty, "copy_" + COPIES.incrementAndGet()));
    }

    public RunningDatabase database() {
        return database;
    }

    public DatabaseCopies copies() {
        return copies;
    }

    @Override
    public void close() {
        database.close();
    }
}
