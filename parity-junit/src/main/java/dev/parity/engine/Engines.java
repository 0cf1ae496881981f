package dev.parity.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * The engines on the classpath (each engine is an artifact of its own: parity-postgres, parity-mariadb), found with {@link ServiceLoader} ({@code META-INF/services/dev.parity.engine.Engine}),
 * by the id profiles use.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Engines {

    /** The engine of a profile that names none. */
    public static final String DEFAULT = "postgres";

    private static final Map<String, Engine> BY_ID = load();

    private Engines() {}

    private static Map<String, Engine> load() {
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (Engine engine : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
            engines.putIfAbsent(engine.id(), engine);
        }
        return Map.copyOf(engines);
    }

    /** Parity's own engines, each in an artifact of its own: what to add when a profile names one that is missing. */
    private static final Map<String, String> ARTIFACTS =
            Map.of(
                    "postgres",
                    "dev.parity:parity-postgres",
                    "mariadb",
                    "dev.parity:parity-mariadb");

    /** The artifact that brings Parity's engine {@code id}, whether or not it is on the classpath; empty for an id Parity has no engine of. */
    public static Optional<String> artifactOf(String id) {
        return Optional.ofNullable(ARTIFACTS.get(id));
    }

    public static Optional<Engine> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The ids, the default first, then alphabetically. */
    public static List<String> ids() {
        return BY_ID.keySet().stream()
                .sorted((a, b) -> a.equals(DEFAULT) ? -1 : b.equals(DEFAULT) ? 1 : a.compareTo(b))
                .toList();
    }

    /**
     * The engine whose official image {@code image} is (e.g. {@code postgres:17} or
     * {@code docker.io/library/mariadb:11.8}), if any; a company's own image names none.
     */
    public static Optional<Engine> ownerOfImage(String image) {
        String repository = repository(image);
        return BY_ID.values().stream()
                .filter(e -> repository(e.defaultImage()).equals(repository))
                .findFirst();
    }

    private static String repository(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        return name.substring(slash + 1);
    }

    public static Engine defaultEngine() {
        return byId(DEFAULT)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the "
                                                + DEFAULT
                                                + " engine is missing from the classpath: add the test "
                                                + "dependency "
                                                + ARTIFACTS.get(DEFAULT)));
    }
}
