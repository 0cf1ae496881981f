package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.database.CopyPool;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import dev.parity.report.RunLog;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Gives a {@link FreshDatabase} test its copy before {@code @BeforeEach} and gives it back after
 * {@code @AfterEach}: dropped, or kept when the test failed and {@code parity.keep=failed}. The pool of an
 * environment lives in the root store beside the environment (one per database, closed first when the run
 * ends); a test's copy in the test's store. {@link InjectionExtension} and {@link TestFaultsScope} ask {@link #forTest} which database a
 * test's parameters point at.
 */
final class FreshDatabaseExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(FreshDatabaseExtension.class);

    /** On a class (only then is this called): the pool starts making copies while {@code @BeforeAll} methods run. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (EnvironmentAnnotations.onClass(context)) {
            pool(
                    context,
                    EnvironmentExtension.environment(context),
                    FreshSettings.of(
                            context::getConfigurationParameter,
                            SharedEnvironments.profileFor(context)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testCopy(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestCopy copy = context.getStore(NAMESPACE).get(TestCopy.class, TestCopy.class);
        if (copy == null) {
            return;
        }
        Optional<Throwable> failure = context.getExecutionException();
        if (failure.isPresent() && copy.settings().keepFailed()) {
            keep(context, copy, failure.get());
        } else {
            copy.lease().release();
        }
    }

    /**
     * The test's view of its own copy, taken now if it has none yet (a constructor parameter asks before
     * {@code beforeEach}); empty outside a test method or for a test that is not a {@link FreshDatabase} one.
     */
    static Optional<DefaultProdEnvironment> forTest(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || !isFresh(context)) {
            return Optional.empty();
        }
        return Optional.of(testCopy(context).view());
    }

    private static boolean isFresh(ExtensionContext context) {
        ExtensionContext classContext = EnvironmentExtension.classContextOf(context);
        return findAnnotation(context.getRequiredTestMethod(), FreshDatabase.class).isPresent()
                || findAnnotation(
                                classContext.getRequiredTestClass(),
                                FreshDatabase.class,
                                classContext.getEnclosingTestClasses())
                        .isPresent();
    }

    private static TestCopy testCopy(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestCopy.class, key -> take(context), TestCopy.class);
    }

    private static TestCopy take(ExtensionContext context) {
        ExtensionContext classContext = EnvironmentExtension.classContextOf(context);
        if (!EnvironmentAnnotations.onClass(classContext)) {
            throw new ExtensionConfigurationException(
                    "@FreshDatabase on "
                            + where(context)
                            + " copies the class's database, and "
                            + classContext.getRequiredTestClass().getName()
                            + " has none: put @ProdLike on it.");
        }
        DefaultProdEnvironment environment = EnvironmentExtension.environment(context);
        FreshSettings settings =
                FreshSettings.of(
                        context::getConfigurationParameter,
                        SharedEnvironments.profileFor(classContext));
        CopyPool pool = pool(context, environment, settings);
        CopyPool.Lease lease;
        try {
            lease = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while waiting for a fresh database for " + where(context), e);
        } catch (EngineException e) {
            throw new IllegalStateException(
                    "no fresh database for " + where(context) + ": " + e.getMessage(), e);
        }
        return new TestCopy(lease, environment.onCopy(lease.url()), settings);
    }

    /** The environment's pool, started by the first test that needs it; sized by that test's settings. */
    private static CopyPool pool(
            ExtensionContext context, DefaultProdEnvironment environment, FreshSettings settings) {
        RunningDatabase database = environment.database();
        String template =
                environment
                        .copies()
                        .snapshot()
                        .orElseThrow(
                                () ->
                                        new ExtensionConfigurationException(
                                                "@FreshDatabase on "
                                                        + where(context)
                                                        + ": the "
                                                        + database.engine().displayName()
                                                        + " engine does not support "
                                                        + Capability.FRESH_COPIES.description()
                                                        + ". Remove @FreshDatabase and clean up after the test instead."));
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new PoolKey(database),
                        key ->
                                new CopyPool(
                                        database.copies(),
                                        template,
                                        "parity_fresh_",
                                        settings.poolSize(),
                                        settings.workers()),
                        CopyPool.class);
    }

    /** Keeps the copy and its container, and says how to connect: in the failure, a report entry and the log. */
    private static void keep(ExtensionContext context, TestCopy copy, Throwable failure) {
        copy.lease().keep();
        RunningDatabase database = copy.view().database();
        database.keep();
        String command;
        try (DatabaseCopies copies = database.copies()) {
            command =
                    copies.shellCommand(
                            copy.lease().name(), database.host(), database.publishedPort());
        }
        String withoutPassword =
                command.replace(
                        DatabaseCopies.shellQuoted(database.password()),
                        "'<password: see the test's failure>'");
        String message =
                "Parity kept this test's database "
                        + copy.lease().name()
                        + " ("
                        + database.spec().image()
                        + ", parity.keep=failed) until the next run starts. Connect with:\n  "
                        + command;
        failure.addSuppressed(new KeptDatabase(message));
        context.publishReportEntry("parity.kept", command);
        RunLog.databaseKept(
                context.getDisplayName(),
                copy.lease().name(),
                database.spec().image(),
                withoutPassword);
    }

    private static String where(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> m.getDeclaringClass().getName() + "." + m.getName() + "()")
                .orElseGet(() -> context.getRequiredTestClass().getName());
    }

    /** One pool per running database: classes sharing a database share its copies' template. */
    private record PoolKey(RunningDatabase database) {}

    /** A test's copy; closing it (with the test's store) drops it unless kept. */
    private record TestCopy(
            CopyPool.Lease lease, DefaultProdEnvironment view, FreshSettings settings)
            implements AutoCloseable {

        @Override
        public void close() {
            lease.release();
        }
    }

    /** Added to a failed test's failure: where its kept database is. No stack trace of its own: it is a note. */
    static final class KeptDatabase extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeptDatabase(String message) {
            super(message, null, false, false);
        }
    }
}
