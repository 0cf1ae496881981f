package dev.parity.junit;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@link ProdLike} class its environment before {@code @BeforeAll}, and injects it. The
 * environment itself lives in the root store ({@link SharedEnvironments}); the class store only
 * remembers which one this class uses.
 */
final class ProdLikeExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ProdLikeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == ProdEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ProdEnvironment environment = environment(context);
        return parameter.getParameter().getType() == DataSource.class ? environment.dataSource() : environment;
    }

    /** Also called for constructor parameters, which a PER_CLASS lifecycle resolves before beforeAll. */
    static ProdEnvironment environment(ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(ProdEnvironment.class,
                key -> SharedEnvironments.environmentFor(classContext), ProdEnvironment.class);
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException("no test class around " + context.getUniqueId()));
        }
        return current;
    }
}
