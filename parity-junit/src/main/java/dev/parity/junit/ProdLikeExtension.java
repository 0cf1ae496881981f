package dev.parity.junit;

import dev.parity.clock.ClockPin;
import dev.parity.clock.JvmClockState;
import dev.parity.database.RunningDatabase;
import dev.parity.database.TimeZoneConsistency;
import dev.parity.profile.DatabaseSpec;
import dev.parity.profile.Profile;
import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ProxyToxics;
import dev.parity.profile.ToxicSpec;
import java.time.Clock;
import java.util.Random;
import net.datafaker.Faker;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives a {@link ProdLike} class its environment before {@code @BeforeAll}, and injects it. The database
 * lives in the root store ({@link SharedEnvironments}); the class store holds which environment this
 * class uses and the JVM zone/locale to restore when it is done.
 */
final class ProdLikeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

    private static final Namespace NAMESPACE = Namespace.create(ProdLikeExtension.class);
    private static final String PINNED = "pinned-jvm-clock";
    private static final String PROXY = "proxy";
    private static final String TEST_TOXICS = "test-toxics";

    /** Before every test: the proxy back to exactly the profile's, the class's and the method's toxics. */
    @Override
    public void beforeEach(ExtensionContext context) {
        DefaultProdEnvironment environment = environment(context);
        List<ToxicSpec> toxics = new ArrayList<>(environment.classToxics());
        toxics.addAll(DeclaredToxics.on(context.getRequiredTestMethod()));
        context.getStore(NAMESPACE).put(TEST_TOXICS, toxics);
        ProxyToxics.reset(environment.proxy().proxy(), toxics);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        environment(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        JvmClockState pinned = context.getStore(NAMESPACE).remove(PINNED, JvmClockState.class);
        if (pinned != null) {
            pinned.restore();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Clock.class) {
            // @PinTimeZone's own extension supplies the clock where one is in effect
            return ClockPinExtension.effectiveTimeZone(context).isEmpty() && environment(context).clock().pinsTimeZone();
        }
        return type == DataSource.class || type == ProdEnvironment.class || type == Faults.class || type == Faker.class;
    }

    /** A failed test says which seed its data came from, so the failure can be reproduced. */
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        DefaultProdEnvironment seen = classContextOf(context).getStore(NAMESPACE).get(DefaultProdEnvironment.class, DefaultProdEnvironment.class);
        if (seen != null && seen.copies().hasLoadedData()) {
            context.publishReportEntry("parity.seed", String.valueOf(seen.seed()));
            System.getLogger("dev.parity").log(System.Logger.Level.WARNING, () -> "Parity: " + context.getDisplayName()
                    + " failed with data seed " + seen.seed() + " (profile '" + seen.profile() + "'); rerun with -D"
                    + DataPlan.SEED_PARAMETER + "=" + seen.seed() + " to get the same data");
        }
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DefaultProdEnvironment environment = environment(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Clock.class) {
            return environment.clock().clock();
        }
        if (type == Faker.class) {
            // reproducible per test: the run's seed mixed with the test's identity
            return new Faker(new Random(environment.seed() * 31 + context.getUniqueId().hashCode()));
        }
        if (type == Faults.class) {
            @SuppressWarnings("unchecked")
            List<ToxicSpec> baseline = context.getStore(NAMESPACE).get(TEST_TOXICS, List.class);
            return new ProxyFaults(environment.proxy().proxy(), baseline != null ? baseline : environment.classToxics());
        }
        return type == DataSource.class ? environment.dataSource() : environment;
    }

    /** Also called for constructor parameters, which a PER_CLASS lifecycle resolves before beforeAll. */
    static DefaultProdEnvironment environment(ExtensionContext context) {
        ExtensionContext classContext = classContextOf(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(DefaultProdEnvironment.class,
                key -> open(classContext), DefaultProdEnvironment.class);
    }

    private static DefaultProdEnvironment open(ExtensionContext classContext) {
        Profile profile = SharedEnvironments.profileFor(classContext);
        ClassClock clock = ClassClock.of(classContext, profile);
        if (!clock.pin().equals(ClockPin.NONE)) {
            // pinned before connecting: the driver sends the JVM's zone when a connection opens
            classContext.getStore(NAMESPACE).put(PINNED, JvmClockState.pin(clock.pin()));
        }
        DatabaseSpec spec = clock.pin().pinsTimeZone() ? profile.database().inTimeZone(clock.pin().zone()) : profile.database();
        List<ToxicSpec> classToxics = new ArrayList<>(profile.network().toxics());
        classToxics.addAll(DeclaredToxics.on(classContext.getRequiredTestClass()));
        DataPlan data = DataPlan.of(classContext, profile);
        SharedEnvironment shared = SharedEnvironments.environmentFor(classContext, profile, spec, data);
        RunningDatabase database = shared.database();
        if (clock.pin().pinsTimeZone()) {
            try {
                TimeZoneConsistency.check(database.dataSource(), clock.pin().zone(), clock.zoneOrigin());
            } catch (IllegalStateException e) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
        }
        // a proxy of the class's own: its toxics never reach a parallel class; deleted when the class ends
        ProxyEndpoint proxy = shared.toxiproxy().createProxy(profile.name() + "-" + classContext.getRequiredTestClass().getSimpleName());
        classContext.getStore(NAMESPACE).put(PROXY, proxy); // the class store closes it
        ProxyToxics.reset(proxy.proxy(), classToxics);
        FreshCopies copies = new FreshCopies(database, shared.dataSnapshot());
        classContext.getStore(NAMESPACE).put(FreshCopies.class, copies); // the class store drops them
        return new DefaultProdEnvironment(profile.name(), database, clock.pin(), proxy, classToxics, data.seed(), copies);
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException("no test class around " + context.getUniqueId()));
        }
        return current;
    }
}
