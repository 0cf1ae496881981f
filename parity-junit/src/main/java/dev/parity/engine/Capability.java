package dev.parity.engine;

import org.apiguardian.api.API;

/** What an engine may or may not support; a profile asking for a missing one fails before anything starts. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Capability {

    /** {@code database.migrations}: Flyway or Liquibase run once after the start. */
    MIGRATIONS("migrations (database.migrations)"),

    /** {@code database.init}: scripts run once after the start. */
    INIT_SCRIPTS("init scripts (database.init)"),

    /** {@code database.settings}: server parameters at start. */
    SETTINGS("server settings (database.settings)"),

    /** {@code timezone}: the server and every session in the pinned zone. */
    TIME_ZONE("a server time zone (timezone)"),

    /**
     * A zone per database ({@link DatabaseCopies#pinZone}): classes that pin different zones share one server, each
     * on a database whose sessions default to its zone. Without it, each zone gets a server of its own.
     */
    DATABASE_TIME_ZONE("a time zone per database"),

    /** {@code datasets} and {@code @Dataset}: schema-aware generated rows. */
    DATASETS("datasets (datasets, @Dataset)"),

    /** {@code ProdEnvironment.freshCopy()} and {@code @FreshDatabase}: copies of the loaded database. */
    FRESH_COPIES("copies of the loaded database (ProdEnvironment.freshCopy(), @FreshDatabase)"),

    /** {@code Faults.failover}: the server restarts in its container, keeping its data and its port. */
    SERVER_RESTART("restarting the server in its container (Faults.failover)");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** What a user asked for, in the words of the profile or the API. */
    public String description() {
        return description;
    }
}
