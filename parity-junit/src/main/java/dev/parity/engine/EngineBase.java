package dev.parity.engine;

import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The parts every engine has, given once: its names, default image, capabilities and the stateless
 * pieces it is made of. An engine adds its container, its administrator and its copies.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class EngineBase implements Engine {

    private final String id;
    private final String displayName;
    private final String defaultImage;
    private final Set<Capability> capabilities;
    private final SqlDialect dialect;
    private final ZoneSupport zones;
    private final SchemaReader schema;
    private final ValueSyntax values;
    private final BulkLoader loader;
    private final ClientScripts clientScripts;
    private final JavaArtifact flywayModule;

    /** The parts of an engine, in the order {@link Engine} lists them. */
    public record Parts(
            String id,
            String displayName,
            String defaultImage,
            Set<Capability> capabilities,
            SqlDialect dialect,
            ZoneSupport zones,
            SchemaReader schema,
            ValueSyntax values,
            BulkLoader loader,
            ClientScripts clientScripts,
            JavaArtifact flywayModule) {}

    protected EngineBase(Parts parts) {
        this.id = parts.id();
        this.displayName = parts.displayName();
        this.defaultImage = parts.defaultImage();
        this.capabilities = Set.copyOf(EnumSet.copyOf(parts.capabilities()));
        this.dialect = parts.dialect();
        this.zones = parts.zones();
        this.schema = parts.schema();
        this.values = parts.values();
        this.loader = parts.loader();
        this.clientScripts = parts.clientScripts();
        this.flywayModule = parts.flywayModule();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final String defaultImage() {
        return defaultImage;
    }

    @Override
    public final Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public final SqlDialect dialect() {
        return dialect;
    }

    @Override
    public final ZoneSupport zones() {
        return zones;
    }

    @Override
    public final SchemaReader schema() {
        return schema;
    }

    @Override
    public final ValueSyntax values() {
        return values;
    }

    @Override
    public final BulkLoader loader() {
        return loader;
    }

    @Override
    public final ClientScripts clientScripts() {
        return clientScripts;
    }

    @Override
    public final JavaArtifact flywayModule() {
        return flywayModule;
    }

    @Override
    public String toString() {
        return id;
    }
}
