package dev.parity.engine.postgres;

import dev.parity.engine.Capability;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineBase;
import dev.parity.engine.JavaArtifact;
import dev.parity.engine.LockWaits;
import dev.parity.engine.Server;
import dev.parity.engine.ServerFacts;
import dev.parity.engine.ServerFaults;
import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.spec.DatabaseSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** PostgreSQL: the official image (or one built on it), COPY, template databases. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PostgresEngine extends EngineBase {

    public PostgresEngine() {
        super(
                new Parts(
                        "postgres",
                        "PostgreSQL",
                        "postgres:15",
                        EnumSet.allOf(Capability.class),
                        new PostgresDialect(),
                        new PostgresZones(),
                        new PostgresSchema(),
                        new PostgresValues(),
                        new PostgresCopyLoader(),
                        new PsqlScripts(),
                        new JavaArtifact(
                                "org.flywaydb",
                                "flyway-database-postgresql",
                                "org.flywaydb.database.postgresql.PostgreSQLDatabaseType")));
    }

    @Override
    public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
        return PostgresContainers.container(spec);
    }

    /** The image's POSTGRES_USER is a superuser: it creates and drops the copies itself. */
    @Override
    public String adminUser(DatabaseSpec spec) {
        return spec.username();
    }

    @Override
    public Optional<ServerSnapshots> snapshots() {
        return Optional.of(new PostgresSnapshots());
    }

    @Override
    public DatabaseCopies copies(Server server) {
        return new PostgresTemplates(server);
    }

    @Override
    public ServerFacts facts() {
        return new PostgresFacts();
    }

    @Override
    public CatalogStatistics statistics() {
        return new PostgresStatistics();
    }

    @Override
    public ServerFaults faults(Server server) {
        return new PostgresFaults(server);
    }

    @Override
    public LockWaits lockWaits(Server server) {
        return new PostgresLockWaits(server);
    }

    @Override
    public void checkCharacters(
            DatabaseSpec spec,
            dev.parity.config.Section database,
            List<dev.parity.config.Problem> problems) {
        PostgresCharacters.check(spec, database, problems);
    }
}
