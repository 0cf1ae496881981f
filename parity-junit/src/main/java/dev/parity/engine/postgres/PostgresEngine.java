package dev.parity.engine.postgres;

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

/** PostgreSQL: the official image (or one built on it), COPY, template databases. */
@API(status = API.Status.INTERNAL)
public final class PostgresEngine implements Engine {

    private static final SqlDialect DIALECT = new PostgresDialect();
    private static final ZoneSupport ZONES = new PostgresZones();
    private static final SchemaReader SCHEMA = new PostgresSchema();
    private static final ValueSyntax VALUES = new PostgresValues();
    private static final BulkLoader LOADER = new PostgresCopyLoader();

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String defaultImage() {
        return "postgres:15";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
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
        return new PostgresTemplates(server);
    }

    @Override
    public String toString() {
        return id();
    }
}
