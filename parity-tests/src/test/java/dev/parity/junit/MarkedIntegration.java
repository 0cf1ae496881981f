package dev.parity.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * A {@link ProdLikeIntegration} for Parity's own tests, registered in {@code META-INF/services}: it speaks only for
 * classes marked {@link SharesProxy}, so every other test of the build runs as without an integration.
 */
public final class MarkedIntegration implements ProdLikeIntegration {

    /** A class whose state outlives it, as a cached Spring context does; its constructor's parameters are another framework's. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface SharesProxy {}

    @Override
    public boolean sharesProxy(Class<?> testClass) {
        return testClass.isAnnotationPresent(SharesProxy.class);
    }

    @Override
    public boolean resolvesParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getTestClass().filter(this::sharesProxy).isPresent()
                && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor;
    }
}
