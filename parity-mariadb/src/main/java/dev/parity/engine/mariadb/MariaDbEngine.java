package dev.parity.engine.mariadb;

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

/** MariaDB: the official image (or one built on it), {@code LOAD DATA LOCAL}, copies by replaying DDL and data. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MariaDbEngine extends EngineBase {

    public MariaDbEngine() {
        super(
                new Parts(
                        "mariadb",
                        "MariaDB",
                        "mariadb:10.11",
                        EnumSet.complementOf(
                                EnumSet.of(
                                        Capability.SERVER_RESTART, Capability.DATABASE_TIME_ZONE)),
                        new MariaDbDialect(),
                        new MariaDbZones(),
                        new MariaDbSchema(),
                        new MariaDbValues(),
                        new MariaDbLoadData(),
                        new MariaDbClientCommands(),
                        new JavaArtifact(
                                "org.flywaydb",
                                "flyway-mysql",
                                "org.flywaydb.database.mysql.mariadb.MariaDBDatabaseType")));
    }

    @Override
    public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
        return MariaDbContainers.container(spec);
    }

    /** The image's entrypoint checks the settings with the server's errors sent to /dev/null; this asks the server again. */
    @Override
    public List<String> explainStartExit(String image, List<String> command) {
        return MariaDbSettingsCheck.errors(image, command);
    }

    /** The image's root, whose password Testcontainers sets to the test user's. */
    @Override
    public String adminUser(DatabaseSpec spec) {
        return "root";
    }

    @Override
    public Optional<ServerSnapshots> snapshots() {
        return Optional.of(new MariaDbSnapshots());
    }

    @Override
    public DatabaseCopies copies(Server server) {
        return new MariaDbCopies(server);
    }

    @Override
    public ServerFacts facts() {
        return new MariaDbFacts();
    }

    @Override
    public CatalogStatistics statistics() {
        return new MariaDbStatistics();
    }

    @Override
    public ServerFaults faults(Server server) {
        return new MariaDbFaults(server);
    }

    @Override
    public LockWaits lockWaits(Server server) {
        return new MariaDbLockWaits(server);
    }

    @Override
    public void checkCharacters(
            DatabaseSpec spec,
            dev.parity.config.Section database,
            List<dev.parity.config.Problem> problems) {
        MariaDbCharacters.check(spec, database, problems);
    }
}
