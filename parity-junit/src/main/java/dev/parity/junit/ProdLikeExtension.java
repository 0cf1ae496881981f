package dev.parity.junit;

import dev.parity.data.DatasetLoader;
import dev.parity.database.DatabaseFaultSpec;
import dev.parity.database.DriftGuard;
import dev.parity.database.LocalImages;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.JdbcUrls;
import dev.parity.engine.support.PublishedPorts;
import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import dev.parity.profile.Profile;
import dev.parity.report.RunLog;
import dev.parity.settings.Settings;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.datafaker.Faker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives a {@link ProdLike} class (or one with {@link Latency}, {@link Toxic} or {@link Dataset}) its
 * environment before {@code @BeforeAll}, resets its proxy before every test, and injects it. The
 * database lives in the root store ({@link SharedEnvironments}); the class store holds the class's view
 * of it (its own proxy, its copies); its zone and locale are {@link ClassPins}'.
 *
 * <p>Parameters: {@link ProdEnvironment} and {@link Faults} always; {@link DataSource} and {@link Faker}
 * when the parameter carries no annotation (but nullness ones) and no {@link ProdLikeIntegration} says its framework
 * resolves it. An annotated one ({@code @Autowired}, {@code @Qualifier}, ...) belongs to the extension that annotation
 * is for, and with {@code parity-spring} so does every parameter Spring's extension claims (those of a constructor it
 * autowires), so Parity and Spring never both claim one. Where another extension still claims one of these, JUnit fails
 * with its own "competing ParameterResolvers" error, naming both: the rule is documented ({@link ProdLike}, the README's
 * "Other extensions"), not patched into JUnit's messages, whose wording is JUnit's to change.
 */
final class ProdLikeExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                AfterTestExecutionCallback,
                ParameterResolver,
                TestWatcher,
                TestInstancePreConstructCallback {

    private static final Namespace NAMESPACE = Namespace.create(ProdLikeExtension.class);
    private static final String PROXY = "proxy";
    private static final String TEST_TOXICS = "test-toxics";
    private static final String TEST_DATABASE_FAULTS = "test-database-faults";
    private static final Set<Class<?>> OWN_TYPES = Set.of(ProdEnvironment.class, Faults.class);
    private static final Set<Class<?>> SHARED_TYPES = Set.of(DataSource.class, Faker.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    /**
     * With {@code @TestInstance(PER_CLASS)} the instance comes before {@link #beforeAll}, and so do what other extensions
     * build when it is created (Spring's application context and its pool): they find the environment open, the zone pinned.
     */
    @Override
    public void preConstructTestInstance(
            TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (EnvironmentAnnotations.onClass(classContextOf(context))) {
            environment(context);
        }
    }

    /** Before every test: the proxy back to exactly the profile's, the class's and the method's toxics. */
    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        if (!EnvironmentAnnotations.onClass(classContext)) {
            throw new ExtensionConfigurationException(
                    declared(context)
                            + " on "
                            + context.getRequiredTestMethod()
                            + " needs an environment, "
                            + "and environments live as long as a class: put @ProdLike on "
                            + classContext.getRequiredTestClass().getName()
                            + ".");
        }
        DefaultProdEnvironment environment = environment(context);
        List<ToxicSpec> toxics = new ArrayList<>(environment.classToxics());
        toxics.addAll(DeclaredToxics.on(context.getRequiredTestMethod()));
        context.getStore(NAMESPACE).put(TEST_TOXICS, toxics);
        ProxyToxics.reset(environment.proxy().proxy(), toxics);
        applyDatabaseFaults(context, classContext);
        RunReports.testStarts(context);
    }

    /** The profile's, the class's and the method's database faults, on the test's own database. */
    private static void applyDatabaseFaults(
            ExtensionContext context, ExtensionContext classContext) {
        Profile profile = SharedEnvironments.profileFor(classContext);
        List<DatabaseFaultSpec> faults = new ArrayList<>(profile.databaseFaults());
        faults.addAll(DeclaredDatabaseFaults.on(classContext.getRequiredTestClass()));
        faults.addAll(DeclaredDatabaseFaults.on(context.getRequiredTestMethod()));
        context.getStore(NAMESPACE).put(TEST_DATABASE_FAULTS, faults);
        if (faults.isEmpty()) {
            return;
        }
        if (FreshDatabaseExtension.forTest(context).isEmpty()) {
            throw new ExtensionConfigurationException(
                    "the database faults "
                            + faults
                            + " (of profile '"
                            + profile.name()
                            + "' or @DatabaseFault) change the test's database, and "
                            + context.getRequiredTestClass().getName()
                            + "."
                            + context.getRequiredTestMethod().getName()
                            + "() shares its database with other tests. Annotate the test (or its class) "
                            + "with @FreshDatabase, which gives it a database of its own.");
        }
        DeclaredDatabaseFaults.apply(faults, testFaults(context));
    }

    /** After the test's own {@code @AfterEach} methods: what it opened through Parity's DataSource is closed by now, or reported. */
    @Override
    public void afterEach(ExtensionContext context) {
        ConnectionWatch.closeLeftOpen(context, NAMESPACE);
    }

    /**
     * The faults the test switched on and how often they fired, for its run report entry: read right after the
     * test method, while its database is there (a fresh copy is dropped after the test, before the {@code @AfterEach}
     * callbacks of extensions registered earlier).
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        TestFaults faults =
                context.getStore(NAMESPACE)
                        .get(new FaultsKey(context.getUniqueId()), TestFaults.class);
        if (faults == null) {
            return;
        }
        List<String> fired;
        try {
            fired = faults.fired();
        } catch (
                RuntimeException
                        e) { // the test may have left its server unable to answer: the report says
            // so, the test's outcome stands
            fired = List.of("not counted: " + e.getMessage());
        }
        context.getStore(NAMESPACE).put(UsedFaults.class, new UsedFaults(faults.applied(), fired));
    }

    /** What {@link #afterTestExecution} read. */
    private record UsedFaults(List<String> applied, List<String> fired) {}

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            ConnectionWatch.closeLeftOpen(context, NAMESPACE);
        } finally {
            ClassEnvironments.ended(context.getRequiredTestClass());
            ClassPins.release(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter declared = parameter.getParameter();
        Class<?> type = declared.getType();
        return OWN_TYPES.contains(type)
                || SHARED_TYPES.contains(type)
                        && Arrays.stream(declared.getAnnotations())
                                .allMatch(ProdLikeExtension::nullness)
                        // e.g. every parameter of a constructor Spring autowires, annotated or not
                        && !ProdLikeIntegrations.resolvedElsewhere(parameter, context);
    }

    /** @NonNull, @Nullable and the like say nothing about who supplies the value. */
    private static boolean nullness(java.lang.annotation.Annotation annotation) {
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
        DefaultProdEnvironment environment =
                FreshDatabaseExtension.forTest(context).orElseGet(() -> environment(context));
        Class<?> type = parameter.getParameter().getType();
        if (type == Faker.class) {
            // reproducible per test: the run's seed mixed with the test's identity
            return new Faker(
                    new Random(environment.seed() * 31 + context.getUniqueId().hashCode()));
        }
        if (type == Faults.class) {
            return testFaults(context);
        }
        // a test's own parameter is watched by the test, so that a leak names it; any other by the
        // class
        return type == DataSource.class
                ? ConnectionWatch.of(context, NAMESPACE)
                        .watching(environment.database().dataSource(environment.jdbcUrl()))
                : environment;
    }

    /** The test's (or the class's) faults: one, closed with it, so the locks it holds end with it. */
    private static TestFaults testFaults(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new FaultsKey(context.getUniqueId()),
                        key ->
                                faults(
                                        context,
                                        FreshDatabaseExtension.forTest(context)
                                                .orElseGet(() -> environment(context))),
                        TestFaults.class);
    }

    private static TestFaults faults(ExtensionContext context, DefaultProdEnvironment environment) {
        @SuppressWarnings("unchecked")
        List<ToxicSpec> baseline = context.getStore(NAMESPACE).get(TEST_TOXICS, List.class);
        boolean owned =
                context.getTestMethod().isPresent()
                        && FreshDatabaseExtension.forTest(context).isPresent();
        AtomicInteger classes = ServerUse.of(context, environment.database());
        return new TestFaults(
                environment.proxy(),
                baseline != null ? baseline : environment.classToxics(),
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
    private record FaultsKey(String uniqueId) {}

    @Override
    public void testSuccessful(ExtensionContext context) {
        reported(context, "successful", null);
    }

    /** A failed test says how to replay it: its profile and the seed its data came from. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        DefaultProdEnvironment seen =
                classContextOf(context)
                        .getStore(NAMESPACE)
                        .get(DefaultProdEnvironment.class, DefaultProdEnvironment.class);
        if (seen != null && seen.copies().hasLoadedData()) {
            context.publishReportEntry("parity.seed", String.valueOf(seen.seed()));
        }
        reported(context, "failed", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        reported(context, "aborted", null);
    }

    /** The test's entry in the run report; none for a test whose class never got its environment. */
    @SuppressWarnings("unchecked")
    private static void reported(ExtensionContext context, String outcome, Throwable cause) {
        DefaultProdEnvironment seen =
                classContextOf(context)
                        .getStore(NAMESPACE)
                        .get(DefaultProdEnvironment.class, DefaultProdEnvironment.class);
        if (seen == null) {
            return;
        }
        List<ToxicSpec> toxics =
                context.getStore(NAMESPACE)
                        .getOrDefault(TEST_TOXICS, List.class, seen.classToxics());
        List<DatabaseFaultSpec> declared =
                context.getStore(NAMESPACE)
                        .getOrDefault(TEST_DATABASE_FAULTS, List.class, List.of());
        UsedFaults used =
                context.getStore(NAMESPACE)
                        .getOrDefault(
                                UsedFaults.class,
                                UsedFaults.class,
                                new UsedFaults(
                                        declared.stream().map(String::valueOf).toList(),
                                        List.of()));
        RunReports.testEnded(context, seen, toxics, used.applied(), used.fired(), outcome, cause);
    }

    /**
     * Everything a class's environment is made from, checked before anything starts or a pin is taken:
     * its datasets, its toxics, and how fresh databases are pooled and kept.
     */
    static void validate(ExtensionContext classContext, Profile profile) {
        DataPlan.of(classContext, profile);
        DeclaredToxics.on(classContext.getRequiredTestClass());
        DeclaredDatabaseFaults.on(classContext.getRequiredTestClass());
        FreshSettings.of(classContext::getConfigurationParameter, profile);
        SharedEnvironments.translated(() -> Settings.LOCK_WAIT.get(classContext));
        // the run's switches, read where they are used: a typo in one fails here, before a
        // container starts
        SharedEnvironments.translated(
                () -> {
                    PublishedPorts.checkProperty();
                    return List.of(LocalImages.pullTimeout(), DatasetLoader.maxBytes());
                });
    }

    /** Also called for constructor parameters, which a PER_CLASS lifecycle resolves before beforeAll. */
    static DefaultProdEnvironment environment(ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        // a misspelt parity.* key would otherwise be ignored without a word
        Settings.reportUnknown(context, RunLog::unknownSetting);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        DefaultProdEnvironment.class,
                        key -> open(classContext),
                        DefaultProdEnvironment.class);
    }

    private static DefaultProdEnvironment open(ExtensionContext classContext) {
        Profile profile = SharedEnvironments.profileFor(classContext);
        DataPlan data = DataPlan.of(classContext, profile);
        List<ToxicSpec> classToxics = new ArrayList<>(profile.network().toxics());
        classToxics.addAll(DeclaredToxics.on(classContext.getRequiredTestClass()));
        // pinned before connecting: drivers send the JVM's zone when a connection opens
        ClassPins.Pinned pinned = ClassPins.ensure(classContext);
        DatabaseSpec spec = profile.database();
        if (!spec.migrations().isEmpty()) {
            // the application's own configuration of its migration tool (parity-spring:
            // spring.flyway.*), under the profile's
            spec =
                    spec.withMigrations(
                            SharedEnvironments.translated(
                                    () ->
                                            ProdLikeIntegrations.migrations(
                                                    classContext.getRequiredTestClass(),
                                                    profile.database().migrations())));
        }
        if (pinned.pin().pinsTimeZone()) {
            if (!spec.engine().can(Capability.TIME_ZONE)) {
                throw new ExtensionConfigurationException(
                        "the "
                                + spec.engine().displayName()
                                + " engine does not support "
                                + Capability.TIME_ZONE.description()
                                + ", which "
                                + pinned.zoneOrigin()
                                + " asks for.");
            }
            spec = spec.inTimeZone(pinned.pin().zone());
        }
        // the zones of the JVM, a session and the server are checked once, when the environment
        // starts: its zone is part of its identity
        SharedEnvironment shared =
                SharedEnvironments.environmentFor(
                        classContext, profile, spec, data, pinned.zoneOrigin());
        // production's facts, as the profile states them, against this database: before any test
        // trusts it
        List<String> drift = DriftGuard.differences(shared.database(), profile.expected());
        if (!drift.isEmpty()) {
            throw new ExtensionConfigurationException(
                    profile.expectOrigin()
                            + ": the database of profile '"
                            + profile.name()
                            + "' ("
                            + shared.database().spec().image()
                            + ") is not what production runs, by "
                            + drift.size()
                            + (drift.size() == 1 ? " fact" : " facts")
                            + ":\n  - "
                            + String.join("\n  - ", drift)
                            + "\nCorrect the profile (or its expect:, if production changed). The tests of "
                            + classContext.getRequiredTestClass().getName()
                            + " did not run.");
        }
        ProxyEndpoint proxy;
        if (ProdLikeIntegrations.sharesProxy(classContext.getRequiredTestClass())) {
            // a class whose state outlives it (a cached Spring context's pool) uses the
            // environment's one shared proxy,
            // under a lock that keeps other such classes off it; its toxics become the class's here
            // and before each test
            proxy = SharedProxies.of(classContext, shared, profile.name());
        } else {
            // a proxy of the class's own: its toxics never reach a parallel class; deleted when the
            // class ends
            proxy =
                    shared.toxiproxy()
                            .createProxy(
                                    profile.name()
                                            + "-"
                                            + classContext.getRequiredTestClass().getSimpleName());
            classContext.getStore(NAMESPACE).put(PROXY, proxy); // the class store closes it
        }
        ProxyToxics.reset(proxy.proxy(), classToxics);
        classContext
                .getStore(NAMESPACE)
                .put(
                        ServerUse.class,
                        ServerUse.begin(classContext, shared.database())); // ended with the class
        FreshCopies copies =
                new FreshCopies(shared.database(), shared.snapshot(), shared.loadedData());
        classContext
                .getStore(NAMESPACE)
                .put(FreshCopies.class, copies); // the class store drops them
        DataSource dataSource =
                ConnectionWatch.of(classContext, NAMESPACE)
                        .watching(
                                shared.database()
                                        .dataSource(
                                                RunningDatabase.via(
                                                        shared.database().jdbcUrl(),
                                                        proxy.host(),
                                                        proxy.port())));
        DefaultProdEnvironment environment =
                new DefaultProdEnvironment(
                        profile.name(),
                        shared.database(),
                        proxy,
                        classToxics,
                        dataSource,
                        data.seed(),
                        copies,
                        shared.database().jdbcUrl());
        ClassEnvironments.opened(
                classContext.getRequiredTestClass(), environment); // until afterAll
        return environment;
    }

    /** The annotations on a test method that ask for an environment, for messages. */
    private static String declared(ExtensionContext context) {
        return Arrays.stream(context.getRequiredTestMethod().getAnnotations())
                .map(
                        a ->
                                a.annotationType().getEnclosingClass() != null
                                        ? a.annotationType().getEnclosingClass()
                                        : a.annotationType()) // X.List: X
                .map(type -> "@" + type.getSimpleName())
                .filter(
                        a ->
                                a.equals("@Latency")
                                        || a.equals("@Toxic")
                                        || a.equals("@DatabaseFault"))
                .findFirst()
                .orElse("@Latency or @Toxic");
    }

    static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current =
                    current.getParent()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "no test class around "
                                                            + context.getUniqueId()));
        }
        return current;
    }
}
