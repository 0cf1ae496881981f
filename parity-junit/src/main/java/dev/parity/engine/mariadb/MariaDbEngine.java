package dev.parity.engine.mariadb;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.Capability;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.DatabaseSpec;
import dev.parity.engine.Engine;
import dev.parity.engine.SchemaReader;
import dev.parity.engine.Server;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.ZoneSupport;
import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** MariaDB: the official image (or one built on it), {@code LOAD DATA LOCAL}, copies by replaying DDL and data. */
@API(status = API.Status.INTERNAL)
public final class MariaDbEngine implements Engine {

    private static final SqlDialect DIALECT = new MariaDbDialect();
    private static final ZoneSupport ZONES = new MariaDbZones();
    private static final SchemaReader SCHEMA = new MariaDbSchema();
    private static final ValueSyntax VALUES = new MariaDbValues();
    private static final BulkLoader LOADER = new MariaDbLoadData();

    @Override
    public String id() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB";
    }

    @Override
    public String defaultImage() {
        return "mariadb:10.11";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
        return MariaDbContainers.container(spec);
    }

    /** The image's root, whose password Testcontainers sets to the test user's. */
    @Override
    public String adminUser(DatabaseSpec spec) {
        return "root";
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public ZoneSupport zones() {
        return ZONES;
    }

    @Override
    public SchemaReader schema() {
        return SCHEMA;
    }

    @Override
    public ValueSyntax values() {
        return VALUES;
    }

    @Override
    public BulkLoader loader() {
        return LOADER;
    }

    @Override
    public DatabaseCopies copies(Server server) {
        return new MariaDbCopies(server);
    }

    @Override
    public String toString() {
        return id();
    }
}
