package dev.parity.spring;

import java.util.List;
import org.apiguardian.api.API;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Spring's entry to Parity, registered in {@code META-INF/spring.factories}: for a {@code @ProdLike} test class, a
 * customizer that points the context's datasource at the class's environment; for any other class, none, so Spring
 * behaves as without Parity. The customizer takes part in Spring's context cache key with the class's
 * {@link EnvironmentShape}: one context per environment, shared by the classes that run in it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProdLikeContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return EnvironmentShape.of(testClass)
                .map(shape -> new ProdLikeDataSourceCustomizer(shape, testClass))
                .orElse(null);
    }
}
