package dev.parity.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import net.datafaker.Faker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What a test, a lifecycle method or a constructor gets from Parity: {@link ProdEnvironment} and {@link Faults}
 * always; a {@link DataSource} marked {@link ProdDataSource} always; a plain {@link DataSource} or {@link Faker} (no
 * annotation but nullness ones) unless a {@link ProdLikeIntegration} says its framework resolves it. Any other
 * annotated one ({@code @Autowired}, {@code @Qualifier}, ...) belongs to the extension that annotation is for, so
 * Parity and Spring never both claim one; where another extension still claims one of these, JUnit fails with its
 * own "competing ParameterResolvers" error, naming both. Connections a parameter's {@code DataSource} left open are
 * closed when its test (or class) ends, and reported.
 */
final class InjectionExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(InjectionExtension.class);
    private static final Set<Class<?>> OWN_TYPES = Set.of(ProdEnvironment.class, Faults.class);
    private static final Set<Class<?>> SHARED_TYPES = Set.of(DataSource.class, Faker.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter declared = parameter.getParameter();
        Class<?> type = declared.getType();
        if (OWN_TYPES.contains(type) || parameter.isAnnotated(ProdDataSource.class)) {
            return true;
        }
        return SHARED_TYPES.contains(type)
                && Arrays.stream(declared.getAnnotations()).allMatch(InjectionExtension::nullness)
                // e.g. every parameter of a constructor Spring autowires, annotated or not
                && !ProdLikeIntegrations.resolvedElsewhere(parameter, context);
    }

    /** @NonNull, @Nullable and the like say nothing about who supplies the value. */
    private static boolean nullness(Annotation annotation) {
        return Set.of("NonNull", "Nonnull", "NotNull", "Nullable", "CheckForNull")
                .contains(annotation.annotationType().getSimpleName());
    }

    /** A constructor's parameters are a test's: with the per-method lifecycle, a {@link FreshDatabase} test's constructor gets its copy. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(
            ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(ProdDataSource.class) && type != DataSource.class) {
            throw new ParameterResolutionException(
                    "@ProdDataSource on "
                            + parameter.getParameter()
                            + " of "
                            + parameter.getDeclaringExecutable()
                            + ": it gives a javax.sql.DataSource, and the parameter is a "
                            + type.getName()
                            + ". Declare it as DataSource, or remove @ProdDataSource.");
        }
        DefaultProdEnvironment environment =
                FreshDatabaseExtension.forTest(context)
                        .orElseGet(() -> EnvironmentExtension.environment(context));
        if (type == Faker.class) {
            // reproducible per test: the run's seed mixed with the test's identity
            return new Faker(
                    new Random(environment.seed() * 31 + context.getUniqueId().hashCode()));
        }
        if (type == Faults.class) {
            return TestFaultsScope.of(context);
        }
        // a test's own parameter is watched by the test, so that a leak names it; any other by the
        // class
        return type == DataSource.class
                ? ConnectionWatch.of(context, NAMESPACE)
                        .watching(environment.database().dataSource(environment.jdbcUrl()))
                : environment;
    }

    /** After the test's own {@code @AfterEach} methods: what it opened through Parity's DataSource is closed by now, or reported. */
    @Override
    public void afterEach(ExtensionContext context) {
        ConnectionWatch.closeLeftOpen(context, NAMESPACE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ConnectionWatch.closeLeftOpen(context, NAMESPACE);
    }
}
