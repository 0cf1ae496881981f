package dev.parity.engine.spec;

import dev.parity.config.Location;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a profile wrote its database, for errors that only the running server finds (a setting it does not
 * know, an image that is not there). Kept beside the {@link DatabaseSpec}, not in it: two profiles that
 * write the same database on different lines still share one.
 *
 * @param image    where the image was written (the {@code database:} section if the profile left it to its default)
 * @param settings where the {@code settings:} section was written (the {@code database:} section if there is none)
 * @param setting  where each setting's name was written, by name
 * @param created  where the profile wrote what the database is created with ({@code encoding}, {@code collation}, {@code ctype}), by key
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DatabaseOrigin(
        Location image,
        Location settings,
        Map<String, Location> setting,
        Map<String, Location> created) {

    public DatabaseOrigin {
        setting = Map.copyOf(setting);
        created = Map.copyOf(created);
    }

    /** For a profile that leaves encoding and collation to the image. */
    public DatabaseOrigin(Location image, Location settings, Map<String, Location> setting) {
        this(image, settings, setting, Map.of());
    }

    /** For a database no profile describes (tests, tools): the place is all there is to say. */
    public static DatabaseOrigin unknown(String place) {
        Location at = Location.of(place);
        return new DatabaseOrigin(at, at, Map.of());
    }

    /** Where {@code name} was set, if the profile set it. */
    public Optional<Location> setting(String name) {
        return Optional.ofNullable(setting.get(name));
    }

    /** Where {@code key} ({@code encoding}, {@code collation} or {@code ctype}) was written, if the profile wrote it. */
    public Optional<Location> created(String key) {
        return Optional.ofNullable(created.get(key));
    }
}
