package dev.parity.junit;

import dev.parity.data.DatasetLoader;
import dev.parity.database.DriftGuard;
import dev.parity.database.LocalImages;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Capability;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.PublishedPorts;
import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import dev.parity.profile.Profile;
import dev.parity.report.RunLog;
import dev.parity.settings.Settings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * A class's environment: opened before {@code @BeforeAll} (or before the instance, with {@code PER_CLASS}), closed
 * with the class. The database lives in the root store ({@link SharedEnvironments}); this extension's class store
 * holds the class's view of it (its own proxy, its copies); its zone and locale are {@link ClassPins}'. The other
 * extensions {@link ProdLike} composes ask it for the environment, so each works alone too: the first to ask opens it.
 */
final class EnvironmentExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePreConstructCallback {

    private static final Namespace NAMESPACE = Namespace.create(EnvironmentExtension.class);
    private static final String PROXY = "proxy";

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

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(
            ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            ConnectionWatch.closeLeftOpen(context, NAMESPACE);
        } finally {
            ClassEnvironments.ended(context.getRequiredTestClass());
            ClassPins.release(context);
        }
    }

    /** The class's environment, opened if no extension asked for it yet; for constructor parameters too. */
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

    /** The class's environment if it was opened; empty for a class whose start failed or never came. */
    static Optional<DefaultProdEnvironment> opened(ExtensionContext context) {
        return Optional.ofNullable(
                classContextOf(context)
                        .getStore(NAMESPACE)
                        .get(DefaultProdEnvironment.class, DefaultProdEnvironment.class));
    }

    /**
     * A method's {@link Latency}, {@link Toxic} or {@link DatabaseFault} needs the class's environment: environments
     * live as long as a class.
     */
    static void requireOnClass(ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        if (!EnvironmentAnnotations.onClass(classContext)) {
            throw new ExtensionConfigurationException(
                    EnvironmentAnnotations.declaredOn(context.getRequiredTestMethod())
                            + " on "
                            + context.getRequiredTestMethod()
                            + " needs an environment, "
                            + "and environments live as long as a class: put @ProdLike on "
                            + classContext.getRequiredTestClass().getName()
                            + ".");
        }
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
        Optional<ZoneId> classZone = Optional.empty();
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
            if (!pinned.pin().zone().equals(spec.timeZone())) {
                classZone = Optional.of(pinned.pin().zone());
            }
        }
        // the zones of the JVM, a session and the server (or the database) are checked once, when
        // the environment starts: its zone is part of its identity
        SharedEnvironment shared =
                SharedEnvironments.environmentFor(
                        classContext, profile, spec, data, classZone, pinned.zoneOrigin());
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
            // environment's one shared proxy, under a lock that keeps other such classes off it;
            // its toxics become the class's here and before each test
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
