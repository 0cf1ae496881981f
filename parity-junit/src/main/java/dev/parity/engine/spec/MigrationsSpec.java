package dev.parity.engine.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The migrations a database gets before its init scripts: which tool runs them, from where, with which
 * placeholders, up to which version or tag, configured how. All of it is part of the database's identity:
 * profiles whose migrations differ in any of it get databases of their own.
 *
 * @param tool         Flyway or Liquibase
 * @param locations    Flyway's locations ({@code classpath:db/migration}, {@code filesystem:sql}); for
 *                     Liquibase the one changelog file
 * @param placeholders Flyway's placeholders, Liquibase's changelog parameters ({@code ${name}}), in file order
 * @param target       the last Flyway version or the Liquibase tag to migrate to; {@code null}: all
 * @param config       the tool's own configuration, by its own key without the tool's prefix
 *                     ({@code postgresql.transactional.lock} for Flyway's {@code flyway.postgresql.transactional.lock},
 *                     {@code changelogLockWaitTimeInMinutes} for Liquibase's), lists comma-separated: the project's
 *                     configuration file with the profile's {@code migrations.config} over it, in key order
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MigrationsSpec(
        MigrationTool tool,
        List<String> locations,
        Map<String, String> placeholders,
        String target,
        Map<String, String> config) {

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    /** No migrations. */
    public static final MigrationsSpec NONE =
            new MigrationsSpec(MigrationTool.FLYWAY, List.of(), Map.of(), null);

    public MigrationsSpec {
        Objects.requireNonNull(tool, "tool");
        locations = List.copyOf(locations);
        placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
        config = Collections.unmodifiableMap(new TreeMap<>(config));
    }

    /** Migrations with the tool's defaults. */
    public MigrationsSpec(
            MigrationTool tool,
            List<String> locations,
            Map<String, String> placeholders,
            String target) {
        this(tool, locations, placeholders, target, Map.of());
    }

    public boolean isEmpty() {
        return locations.isEmpty();
    }

    /** Whether {@code location} is on the file system ({@code filesystem:sql}) rather than on the classpath. */
    public static boolean onFileSystem(String location) {
        return location.regionMatches(true, 0, FILESYSTEM, 0, FILESYSTEM.length());
    }

    /** A file-system location's path, as written after its prefix. */
    public static String path(String location) {
        return location.substring(FILESYSTEM.length());
    }

    /** A classpath location as a resource name, without its prefix and leading slash: {@code db/migration}. */
    public static String classpathName(String location) {
        String name =
                location.regionMatches(true, 0, CLASSPATH, 0, CLASSPATH.length())
                        ? location.substring(CLASSPATH.length())
                        : location;
        return name.startsWith("/") ? name.substring(1) : name;
    }

    @Override
    public String toString() {
        return isEmpty()
                ? "none"
                : tool.id()
                        + " "
                        + locations
                        + (placeholders.isEmpty() ? "" : " " + placeholders)
                        + (target == null ? "" : " to " + target)
                        + (config.isEmpty() ? "" : " config " + config);
    }
}
