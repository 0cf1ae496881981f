package dev.parity.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The migrations a database gets before its init scripts: which tool runs them, from where, with which
 * placeholders, up to which version or tag.
 *
 * @param tool         Flyway or Liquibase
 * @param locations    Flyway's locations ({@code classpath:db/migration}, {@code filesystem:sql}); for
 *                     Liquibase the one changelog file
 * @param placeholders Flyway's placeholders, Liquibase's changelog parameters ({@code ${name}}), in file order
 * @param target       the last Flyway version or the Liquibase tag to migrate to; {@code null}: all
 */
@API(status = API.Status.INTERNAL)
public record MigrationsSpec(MigrationTool tool, List<String> locations, Map<String, String> placeholders, String target) {

    /** No migrations. */
    public static final MigrationsSpec NONE = new MigrationsSpec(MigrationTool.FLYWAY, List.of(), Map.of(), null);

    public MigrationsSpec {
        Objects.requireNonNull(tool, "tool");
        locations = List.copyOf(locations);
        placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
    }

    public boolean isEmpty() {
        return locations.isEmpty();
    }

    @Override
    public String toString() {
        return isEmpty() ? "none" : tool.id() + " " + locations + (placeholders.isEmpty() ? "" : " " + placeholders)
                + (target == null ? "" : " to " + target);
    }
}
