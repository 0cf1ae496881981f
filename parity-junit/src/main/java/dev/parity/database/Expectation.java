package dev.parity.database;

import dev.parity.config.Location;
import org.apiguardian.api.API;

/**
 * One fact a profile's {@code expect:} states of production, with where it was written.
 *
 * @param fact  {@code server_version}, {@code encoding}, {@code collation}, {@code settings} or the engine's add-ons
 *              ({@code extensions}, {@code plugins})
 * @param name  the setting's or the add-on's name; empty for the others
 * @param value the value production has (for an add-on: its name)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Expectation(String fact, String name, String value, Location at) {

    public static final String SERVER_VERSION = "server_version";
    public static final String ENCODING = "encoding";
    public static final String COLLATION = "collation";
    public static final String SETTINGS = "settings";

    /** As the profile names it: {@code settings.max_connections}, {@code extensions}, {@code encoding}. */
    public String path() {
        return fact.equals(SETTINGS) ? SETTINGS + "." + name : fact;
    }
}
