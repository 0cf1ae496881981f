package dev.parity.spring;

import dev.parity.junit.ClassEnvironments;
import dev.parity.junit.ProdEnvironment;
import java.util.Objects;
import org.apiguardian.api.API;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test of a {@code @ProdLike} class, that the context Spring handed it points at the class's environment.
 * Spring's context cache belongs to the JVM, Parity's environments to one JUnit run: a second run in the same JVM (an
 * {@code EngineTestKit} inside a test) could otherwise be handed a context whose pool connects to a proxy the first run
 * deleted, and fail with connection errors far from the cause. Registered in {@code META-INF/spring.factories}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StaleContextCheck implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ProdEnvironment environment = ClassEnvironments.of(testContext.getTestClass()).orElse(null);
        ApplicationContext context = testContext.getApplicationContext();
        if (environment == null
                || !(context.getEnvironment() instanceof ConfigurableEnvironment properties)) {
            return;
        }
        PropertySource<?> ours =
                properties.getPropertySources().get(ProdLikeDataSourceCustomizer.PROPERTY_SOURCE);
        Object url = ours == null ? null : ours.getProperty("spring.datasource.url");
        if (ours != null && !Objects.equals(url, environment.jdbcUrl())) {
            throw new IllegalStateException(
                    "the Spring context "
                            + testContext.getTestClass().getName()
                            + " got from Spring's context cache "
                            + "connects to "
                            + url
                            + ", another JUnit run's environment, not to its own ("
                            + environment.jdbcUrl()
                            + "). Spring's "
                            + "cache lives as long as the JVM, Parity's environments as long as a run: give the classes of a nested run (EngineTestKit) a "
                            + "profile of their own, or mark the earlier run's classes @DirtiesContext.");
        }
    }
}
