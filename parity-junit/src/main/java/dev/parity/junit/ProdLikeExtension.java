package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import dev.parity.clock.JvmClockState;
import dev.parity.database.RunningDatabase;
import dev.parity.database.TimeZoneConsistency;
import dev.parity.profile.DatabaseSpec;
import dev.parity.profile.Profile;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a {@link ProdLike} class its environment before {@code @BeforeAll}, and injects it. The database
 * lives in the root store ({@link SharedEnvironments}); the class store holds which environment this
 * class uses and the JVM zone/locale to restore when it is done.
 */
final class ProdLikeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ProdLikeExtension.class);
    private static final String PINNED = "pinned-jvm-clock";

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
            boolean annotated = context.getTestMethod().flatMap(m -> findAnnotation(m, PinTimeZone.class)).isPresent()
                    || context.getTestClass().flatMap(c -> findAnnotation(c, PinTimeZone.class, context.getEnclosingTestClasses())).isPresent();
            return !annotated && environment(context).clock().pinsTimeZone();
        }
        return type == DataSource.class || type == ProdEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        DefaultProdEnvironment environment = environment(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == Clock.class) {
            return environment.clock().clock();
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
        RunningDatabase database = SharedEnvironments.databaseFor(classContext, profile, spec);
        if (clock.pin().pinsTimeZone()) {
            try {
                TimeZoneConsistency.check(database.dataSource(), clock.pin().zone(), clock.zoneOrigin());
            } catch (IllegalStateException e) {
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
        }
        return new DefaultProdEnvironment(profile.name(), database, clock.pin());
    }

    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class<?>)) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException("no test class around " + context.getUniqueId()));
        }
        return current;
    }
}
