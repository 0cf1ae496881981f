package dev.parity.junit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The environment of each test class that has one now, from the moment {@link EnvironmentExtension} opened it
 * (before the class's {@code @BeforeAll} methods, with its zone and locale pinned) until the class's after-all
 * callbacks: for frameworks that build a class's state without a JUnit {@code ExtensionContext}, such as
 * Spring's test context, which {@code parity-spring} points at the environment.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClassEnvironments {

    private static final Map<Class<?>, ProdEnvironment> OPEN = new ConcurrentHashMap<>();

    private ClassEnvironments() {}

    /** The environment {@code testClass} runs in, if it has been opened and the class has not ended. */
    public static Optional<ProdEnvironment> of(Class<?> testClass) {
        return Optional.ofNullable(OPEN.get(testClass));
    }

    static void opened(Class<?> testClass, ProdEnvironment environment) {
        OPEN.put(testClass, environment);
    }

    static void ended(Class<?> testClass) {
        OPEN.remove(testClass);
    }
}
