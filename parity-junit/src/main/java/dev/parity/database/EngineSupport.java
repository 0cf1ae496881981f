package dev.parity.database;

import dev.parity.profile.DatabaseEngine;
import dev.parity.profile.DatabaseSpec;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** What Parity knows of one engine: how to make its container from a spec. */
interface EngineSupport {

    JdbcDatabaseContainer<?> container(DatabaseSpec spec);

    static EngineSupport of(DatabaseEngine engine) {
        switch (engine) {
            case POSTGRES:
                return new PostgresSupport();
            default:
                throw new IllegalArgumentException("no support for " + engine);
        }
    }
}
