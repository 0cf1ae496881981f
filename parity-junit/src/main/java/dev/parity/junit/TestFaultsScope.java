package dev.parity.junit;

import dev.parity.engine.support.JdbcUrls;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The {@link TestFaults} of a test (or a class): one per context, made on first use by the {@link Faults} parameter
 * or by declared database faults, closed with the context, so the locks it holds end with it.
 */
final class TestFaultsScope {

    private static final Namespace NAMESPACE = Namespace.create(TestFaultsScope.class);

    private TestFaultsScope() {}

    static TestFaults of(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new Key(context.getUniqueId()), key -> made(context), TestFaults.class);
    }

    /** The faults of {@code context} itself, if anything made them. */
    static Optional<TestFaults> existing(ExtensionContext context) {
        return Optional.ofNullable(
                context.getStore(NAMESPACE).get(new Key(context.getUniqueId()), TestFaults.class));
    }

    private static TestFaults made(ExtensionContext context) {
        Optional<DefaultProdEnvironment> fresh = FreshDatabaseExtension.forTest(context);
        DefaultProdEnvironment environment =
                fresh.orElseGet(() -> EnvironmentExtension.environment(context));
        boolean owned = context.getTestMethod().isPresent() && fresh.isPresent();
        AtomicInteger classes = ServerUse.of(context, environment.database());
        return new TestFaults(
                environment.proxy(),
                NetworkFaultsExtension.toxicsOf(context, environment),
                new DatabaseFaults.TestDatabase(
                        environment.database(),
                        JdbcUrls.database(environment.directJdbcUrl()),
                        owned,
                        environment.seed(),
                        classes::get,
                        context.getTestMethod()
                                .map(
                                        m ->
                                                m.getDeclaringClass().getName()
                                                        + "."
                                                        + m.getName()
                                                        + "()")
                                .orElse(context.getRequiredTestClass().getName())));
    }

    /** Per context: a store sees its parents' values, and a test's faults must not be its class's. */
    private record Key(String uniqueId) {}
}
