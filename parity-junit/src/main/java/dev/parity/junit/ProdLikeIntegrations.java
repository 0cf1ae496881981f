package dev.parity.junit;

import dev.parity.engine.spec.MigrationsSpec;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/** The {@link ProdLikeIntegration}s on the classpath: none unless a module such as {@code parity-spring} is there. */
final class ProdLikeIntegrations {

    private ProdLikeIntegrations() {}

    static boolean sharesProxy(Class<?> testClass) {
        return installed().stream().anyMatch(integration -> integration.sharesProxy(testClass));
    }

    static boolean resolvedElsewhere(ParameterContext parameter, ExtensionContext context) {
        return installed().stream()
                .anyMatch(integration -> integration.resolvesParameter(parameter, context));
    }

    static MigrationsSpec migrations(Class<?> testClass, MigrationsSpec migrations) {
        MigrationsSpec completed = migrations;
        for (ProdLikeIntegration integration : installed()) {
            completed = integration.migrations(testClass, completed);
        }
        return completed;
    }

    /** Loaded per call, from the test's class loader: cheap next to a test, and right when class loaders differ per run. */
    private static List<ProdLikeIntegration> installed() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(
                        ProdLikeIntegration.class,
                        context != null ? context : ProdLikeIntegration.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
