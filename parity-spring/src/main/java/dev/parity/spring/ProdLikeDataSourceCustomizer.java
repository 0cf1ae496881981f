package dev.parity.spring;

import dev.parity.junit.ClassEnvironments;
import dev.parity.junit.ProdEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts {@code spring.datasource.url} (through the environment's shared proxy), {@code username}, {@code password}
 * and {@code driver-class-name} first among the context's property sources, before the context refreshes: they win
 * over {@code application.properties} and test properties, as {@code @DynamicPropertySource} would.
 *
 * <p>Equal (for Spring's context cache) when the {@link EnvironmentShape}s are: the test class it was created for is
 * only where to look the environment up when this customizer's class is the one that creates the context.
 */
final class ProdLikeDataSourceCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "parity";

    private final EnvironmentShape shape;
    private final Class<?> testClass;

    ProdLikeDataSourceCustomizer(EnvironmentShape shape, Class<?> testClass) {
        this.shape = shape;
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(
            ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ProdEnvironment environment =
                ClassEnvironments.of(testClass)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the Spring context of "
                                                        + testClass.getName()
                                                        + " is being created, but its @ProdLike environment is not open: Spring created the context "
                                                        + "outside the class's lifecycle (before its before-all callbacks, or after it ended). Let Spring create it for the "
                                                        + "tests: do not use the context in a static initializer or from another class, and register Parity's and Spring's "
                                                        + "extensions with annotations (@ProdLike, @SpringBootTest), not @RegisterExtension fields."));
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(environment)));
    }

    static Map<String, Object> properties(ProdEnvironment environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", environment.jdbcUrl());
        properties.put("spring.datasource.username", environment.username());
        properties.put("spring.datasource.password", environment.password());
        properties.put("spring.datasource.driver-class-name", driverOf(environment.engine()));
        return properties;
    }

    private static String driverOf(String engine) {
        return switch (engine) {
            case "postgres" -> "org.postgresql.Driver";
            case "mariadb" -> "org.mariadb.jdbc.Driver";
            default ->
                    throw new IllegalStateException(
                            "parity-spring does not know the JDBC driver of engine '"
                                    + engine
                                    + "'");
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProdLikeDataSourceCustomizer customizer
                && customizer.shape.equals(shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ProdLikeDataSourceCustomizer.class, shape);
    }

    @Override
    public String toString() {
        return "ProdLikeDataSourceCustomizer" + shape.declared();
    }
}
