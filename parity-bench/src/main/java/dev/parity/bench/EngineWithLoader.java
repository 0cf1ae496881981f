package dev.parity.bench;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.Capability;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.ClientScripts;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.Engine;
import dev.parity.engine.JavaArtifact;
import dev.parity.engine.LockWaits;
import dev.parity.engine.SchemaReader;
import dev.parity.engine.Server;
import dev.parity.engine.ServerFacts;
import dev.parity.engine.ServerFaults;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.ZoneSupport;
import dev.parity.engine.spec.DatabaseSpec;
import java.util.Set;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** An engine as Parity knows it, except that rows are written by another bulk loader (e.g. {@link MultiRowInsertLoader}). */
final class EngineWithLoader implements Engine {

    private final Engine engine;
    private final BulkLoader loader;

    EngineWithLoader(Engine engine, BulkLoader loader) {
        this.engine = engine;
        this.loader = loader;
    }

    @Override
    public BulkLoader loader() {
        return loader;
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public String displayName() {
        return engine.displayName() + " (" + loader.getClass().getSimpleName() + ")";
    }

    @Override
    public String defaultImage() {
        return engine.defaultImage();
    }

    @Override
    public Set<Capability> capabilities() {
        return engine.capabilities();
    }

    @Override
    public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
        return engine.container(spec);
    }

    @Override
    public String adminUser(DatabaseSpec spec) {
        return engine.adminUser(spec);
    }

    @Override
    public SqlDialect dialect() {
        return engine.dialect();
    }

    @Override
    public ClientScripts clientScripts() {
        return engine.clientScripts();
    }

    @Override
    public JavaArtifact flywayModule() {
        return engine.flywayModule();
    }

    @Override
    public ZoneSupport zones() {
        return engine.zones();
    }

    @Override
    public SchemaReader schema() {
        return engine.schema();
    }

    @Override
    public ValueSyntax values() {
        return engine.values();
    }

    @Override
    public DatabaseCopies copies(Server server) {
        return engine.copies(server);
    }

    @Override
    public ServerFacts facts() {
        return engine.facts();
    }

    @Override
    public ServerFaults faults(Server server) {
        return engine.faults(server);
    }

    @Override
    public LockWaits lockWaits(Server server) {
        return engine.lockWaits(server);
    }

    @Override
    public CatalogStatistics statistics() {
        return engine.statistics();
    }
}
