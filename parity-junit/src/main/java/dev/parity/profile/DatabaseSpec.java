package dev.parity.profile;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a profile asks of its database. Two profiles with equal specs share one running database, so
 * everything that changes the database belongs here and nothing else does.
 *
 * @param engine   the engine
 * @param image    the container image, pinned to what production runs
 * @param name     the database (catalog) name
 * @param username the user tests connect as
 * @param password that user's password
 * @param init     classpath scripts run once, in order, after the database starts
 * @param settings server parameters (PostgreSQL {@code -c name=value}), in file order
 * @param timeZone the zone the server runs in (container {@code TZ}, server time zone); {@code null}: the image's
 */
@API(status = API.Status.INTERNAL)
public record DatabaseSpec(DatabaseEngine engine, String image, String name, String username, String password,
                           List<String> init, Map<String, String> settings, java.time.ZoneId timeZone) {

    public DatabaseSpec {
        init = List.copyOf(init);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** This spec with the server running in {@code zone}. */
    public DatabaseSpec inTimeZone(java.time.ZoneId zone) {
        return new DatabaseSpec(engine, image, name, username, password, init, settings, zone);
    }
}
