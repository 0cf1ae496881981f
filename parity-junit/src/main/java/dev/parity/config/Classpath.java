package dev.parity.config;

import java.net.URL;
import org.apiguardian.api.API;

/** Classpath resources by the names profiles give them: relative to the classpath root, a leading '/' allowed. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Classpath {

    private Classpath() {}

    /** The resource, or null if there is none. */
    public static URL resource(ClassLoader classLoader, String name) {
        return classLoader.getResource(name.startsWith("/") ? name.substring(1) : name);
    }
}
