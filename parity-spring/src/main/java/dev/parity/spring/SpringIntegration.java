package dev.parity.spring;

import dev.parity.engine.spec.MigrationsSpec;
import dev.parity.junit.ProdLikeIntegration;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Tells Parity (through {@code META-INF/services}) which classes run with Spring's test context: those share their
 * environment's proxy, because Spring caches their context (and its pool) beyond the class; and which parameters
 * Spring resolves, asked of {@link SpringExtension#supportsParameter} itself, so the rule is Spring's own at
 * whatever Spring version the project runs.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SpringIntegration implements ProdLikeIntegration {

    @Override
    public boolean sharesProxy(Class<?> testClass) {
        return EnvironmentShape.withEnclosing(testClass).stream()
                .flatMap(
                        c ->
                                AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class)
                                        .stream())
                .anyMatch(
                        extendWith ->
                                Arrays.asList(extendWith.value()).contains(SpringExtension.class));
    }

    /** A Spring class's application configures its migration tool: {@link SpringMigrationProperties}. */
    @Override
    public MigrationsSpec migrations(Class<?> testClass, MigrationsSpec migrations) {
        return sharesProxy(testClass)
                ? SpringMigrationProperties.completed(testClass, migrations)
                : migrations;
    }

    @Override
    public boolean resolvesParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getTestClass().filter(this::sharesProxy).isPresent()
                && new SpringExtension().supportsParameter(parameter, context);
    }
}
