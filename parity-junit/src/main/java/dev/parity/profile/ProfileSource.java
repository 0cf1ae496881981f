package dev.parity.profile;

import dev.parity.config.Classpath;
import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.settings.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the profiles come from: {@code parity.yml} (or {@code parity.yaml}) at the root of the test
 * classpath, or what the {@code parity.config} parameter names (a classpath resource or a file).
 *
 * @param name how the user knows the file, used in every message
 * @param url  where to read it
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ProfileSource(String name, URL url) {

    static final List<String> DEFAULT_NAMES = List.of("parity.yml", "parity.yaml");

    /**
     * Finds the profile file.
     *
     * @param configured the value of {@code parity.config}, if set
     * @param classLoader where classpath resources are looked up
     */
    public static ProfileSource locate(Optional<String> configured, ClassLoader classLoader) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return named(configured.get().strip(), classLoader);
        }
        List<String> present =
                DEFAULT_NAMES.stream().filter(n -> classLoader.getResource(n) != null).toList();
        if (present.size() > 1) {
            throw new ProblemException(
                    new Problem(
                            Location.of("parity.yml"),
                            "both parity.yml and parity.yaml are on the test classpath ("
                                    + classLoader.getResource("parity.yml")
                                    + ", "
                                    + classLoader.getResource("parity.yaml")
                                    + ")",
                            "Keep one of them, so there is no doubt which profiles apply."));
        }
        if (present.isEmpty()) {
            throw new ProblemException(
                    new Problem(
                            Location.of("parity.yml"),
                            "no parity.yml (or parity.yaml) at the root of the test classpath",
                            "Create src/test/resources/parity.yml, for example:\n"
                                    + "profiles:\n  default:\n    database:\n      engine: postgres\n      image: postgres:15\n"
                                    + "or point the configuration parameter '"
                                    + Settings.CONFIG.name()
                                    + "' at another file."));
        }
        return new ProfileSource(present.get(0), classLoader.getResource(present.get(0)));
    }

    private static ProfileSource named(String configured, ClassLoader classLoader) {
        String resource =
                configured.startsWith("classpath:")
                        ? configured.substring("classpath:".length())
                        : configured;
        URL url = Classpath.resource(classLoader, resource);
        if (url != null) {
            return new ProfileSource(resource, url);
        }
        Path file = Path.of(configured);
        if (Files.isRegularFile(file)) {
            try {
                return new ProfileSource(configured, file.toUri().toURL());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new ProblemException(
                new Problem(
                        Location.of(configured),
                        "the configuration parameter '"
                                + Settings.CONFIG.name()
                                + "' names '"
                                + configured
                                + "', which is neither a classpath resource nor a file (looked in "
                                + Path.of("").toAbsolutePath()
                                + ")",
                        "Fix the name, or remove the parameter to use parity.yml at the root of the test classpath."));
    }

    InputStream open() throws IOException {
        return url.openStream();
    }
}
