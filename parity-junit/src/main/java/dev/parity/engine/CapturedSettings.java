package dev.parity.engine;

import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A server's settings that someone set, sorted for a captured profile.
 *
 * @param carried  what the test server should run with too: the planner's, the SQL's and the sessions' behaviour
 * @param leftOut  what is sized for production's machine (memory, disk, workers), durability Parity sets for speed,
 *                 and the server's zone (a profile's {@code timezone:} pins it): shown, not set
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CapturedSettings(Map<String, String> carried, Map<String, String> leftOut) {

    public CapturedSettings {
        carried = new TreeMap<>(carried);
        leftOut = new TreeMap<>(leftOut);
    }

    /**
     * Sorts {@code set}: {@code ignored} (files, hosts, ports, logging, replication: production's machine and role,
     * which may hold secrets such as a {@code primary_conninfo}'s password) dropped, {@code leftOut} apart, the rest carried.
     */
    public static CapturedSettings sort(
            Map<String, String> set, SettingNames ignored, SettingNames leftOut) {
        Map<String, String> carried = new TreeMap<>();
        Map<String, String> apart = new TreeMap<>();
        set.forEach(
                (name, value) -> {
                    if (ignored.matches(name)) {
                        return;
                    }
                    (leftOut.matches(name) ? apart : carried).put(name, value);
                });
        return new CapturedSettings(carried, apart);
    }
}
