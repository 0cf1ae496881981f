package dev.parity.engine;

import dev.parity.engine.spec.DatabaseSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Everything Parity knows of one database engine, in one place: its container and image defaults, how
 * server settings and the time zone are passed, its SQL (quoting, scripts, where a statement failed, what
 * only its command-line client runs), the Flyway module that speaks it, how its schema reads, how rows
 * are bulk-loaded, and how a loaded database is copied. Nothing outside an engine's own package asks
 * "is this PostgreSQL?".
 *
 * <p>A new engine implements this interface in a package of its own (as {@code dev.parity.engine.postgres}
 * and {@code dev.parity.engine.mariadb} do) and is listed in
 * {@code META-INF/services/dev.parity.engine.Engine}; {@link Engines} finds it by its {@link #id()}, the
 * name profiles use under {@code database.engine}. What it cannot do it leaves out of
 * {@link #capabilities()}: a profile asking for it then fails before anything starts, naming the engine
 * and the capability.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Engine {

    /** The name profiles use, e.g. {@code postgres}. */
    String id();

    /**
     * Adds to {@code problems} what this engine knows is wrong with the profile's encoding, collation and ctype
     * (a name it does not have, a key it has no meaning for, a collation of another character set), at their lines
     * in {@code database}; before anything starts. Nothing by default.
     */
    default void checkCharacters(
            DatabaseSpec spec,
            dev.parity.config.Section database,
            List<dev.parity.config.Problem> problems) {}

    /** The name people use, e.g. {@code PostgreSQL}. */
    String displayName();

    /** The image a profile gets when it names none. */
    String defaultImage();

    /** What this engine can do beyond starting a server. */
    Set<Capability> capabilities();

    /** A container for {@code spec}, not started: image, database, user, settings, time zone and Parity's labels still to add. */
    JdbcDatabaseContainer<?> container(DatabaseSpec spec);

    /**
     * What the server says of {@code command} (the arguments its container ran with) when the container
     * exited during start and its log may not say why: the error lines of the server's own check of its
     * settings, for engines whose images hide them. Empty if the log says it all.
     */
    default List<String> explainStartExit(String image, List<String> command) {
        return List.of();
    }

    /** The user Parity administers the server as (creating and dropping copies), with the spec's password. */
    String adminUser(DatabaseSpec spec);

    /** Quoting, literals, scripts and their errors. */
    SqlDialect dialect();

    /** How the server and a session report their time zone. */
    ZoneSupport zones();

    /** How the schema reads: tables, columns and their types, keys, foreign keys, CHECKs. */
    SchemaReader schema();

    /** How values are written in the form the bulk loader passes to the server. */
    ValueSyntax values();

    /** The fastest way to write many rows. */
    BulkLoader loader();

    /** Copies of a loaded database on {@code server}. */
    DatabaseCopies copies(Server server);

    /** What a running server says of itself, for a profile's {@code expect:}. */
    ServerFacts facts();

    /** What the server's catalog says of its data and settings, for a profile captured from production. */
    CatalogStatistics statistics();

    /** Faults the server makes on {@code server}'s databases. */
    ServerFaults faults(Server server);

    /** Who waits on a lock on {@code server}, held by whom; and the means to end such a wait. */
    LockWaits lockWaits(Server server);

    /** Init scripts that need the engine's command-line client: found, checked, and run or refused. */
    ClientScripts clientScripts();

    /** The Flyway module that speaks this engine's SQL, which the user adds beside flyway-core. */
    JavaArtifact flywayModule();

    /**
     * How a running server's state is saved for a later run to start from (a warm start); empty where the engine
     * cannot save one consistently while the server runs: its environments are then built cold every run.
     */
    default Optional<ServerSnapshots> snapshots() {
        return Optional.empty();
    }

    /** Whether it can do {@code capability}. */
    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }
}
