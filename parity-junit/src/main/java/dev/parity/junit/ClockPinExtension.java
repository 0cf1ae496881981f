package dev.parity.junit;

import static java.util.stream.Collectors.joining;
import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import dev.parity.clock.InvalidClockPinException;
import dev.parity.clock.JvmClockState;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Backs {@link PinTimeZone} and {@link PinLocale}: one extension for both, so a class carrying both is pinned and
 * restored in one step. Class-level pins live in the class context, method-level pins in the method context.
 * Stateless: what must be restored sits in the owning context's store, where JUnit closes it as an
 * {@link AutoCloseable} even if the matching after-callback never runs.
 */
final class ClockPinExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ClockPinExtension.class);
    private static final String STATE_TO_RESTORE = "state-to-restore";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        pin(context, pinFor(testClass,
                findAnnotation(testClass, PinTimeZone.class, context.getEnclosingTestClasses()),
                findAnnotation(testClass, PinLocale.class, context.getEnclosingTestClasses())));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        pin(context, pinFor(method,
                findAnnotation(method, PinTimeZone.class),
                findAnnotation(method, PinLocale.class)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        restore(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Clock.class && effectiveTimeZone(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PinTimeZone annotation = effectiveTimeZone(context).orElseThrow();
        return validated(annotation, context.getElement().orElseThrow(),
                () -> ClockPin.timeZone(annotation.value(), annotation.fixedAt())).clock();
    }

    /** The {@link PinTimeZone} in effect for {@code context}: the method's, else the class's. */
    static Optional<PinTimeZone> effectiveTimeZone(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> findAnnotation(method, PinTimeZone.class))
                .or(() -> context.getTestClass().flatMap(testClass ->
                        findAnnotation(testClass, PinTimeZone.class, context.getEnclosingTestClasses())));
    }

    /** Validates both annotations before the caller changes anything. */
    private static ClockPin pinFor(AnnotatedElement element, Optional<PinTimeZone> zone, Optional<PinLocale> locale) {
        ClockPin pin = ClockPin.NONE;
        if (zone.isPresent()) {
            PinTimeZone annotation = zone.get();
            pin = pin.and(validated(annotation, element,
                    () -> ClockPin.timeZone(annotation.value(), annotation.fixedAt())));
        }
        if (locale.isPresent()) {
            PinLocale annotation = locale.get();
            pin = pin.and(validated(annotation, element, () -> ClockPin.locale(annotation.value())));
        }
        return pin;
    }

    private static void pin(ExtensionContext context, ClockPin pin) {
        if (!pin.equals(ClockPin.NONE)) {
            context.getStore(NAMESPACE).put(STATE_TO_RESTORE, JvmClockState.pin(pin));
        }
    }

    private static void restore(ExtensionContext context) {
        // remove() only looks at this context's own store, so a method never restores its class's pin
        JvmClockState saved = context.getStore(NAMESPACE).remove(STATE_TO_RESTORE, JvmClockState.class);
        if (saved != null) {
            saved.restore();
        }
    }

    private static ClockPin validated(Object annotation, AnnotatedElement element, Supplier<ClockPin> parse) {
        try {
            return parse.get();
        } catch (InvalidClockPinException e) {
            throw new ExtensionConfigurationException(
                    describe(annotation) + " on " + describe(element) + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String describe(Object annotation) {
        if (annotation instanceof PinTimeZone zone) {
            return zone.fixedAt().isEmpty()
                    ? "@PinTimeZone(\"" + zone.value() + "\")"
                    : "@PinTimeZone(value = \"" + zone.value() + "\", fixedAt = \"" + zone.fixedAt() + "\")";
        }
        return "@PinLocale(\"" + ((PinLocale) annotation).value() + "\")";
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            String parameters = Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName)
                    .collect(joining(", ", "(", ")"));
            return "method " + method.getDeclaringClass().getName() + "#" + method.getName() + parameters;
        }
        return "class " + ((Class<?>) element).getName();
    }
}
