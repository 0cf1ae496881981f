package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import dev.parity.clock.JvmClockState;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Backs {@link PinTimeZone} and {@link PinLocale}, and the zone and locale a {@link ProdLike} profile pins:
 * a class's pin is {@link ClassPins}' (one owner for annotations and profile), a method's lives in the
 * method's store. The only resolver of {@link Clock} parameters: the method's zone, else the class's.
 * Stateless: what must be restored sits in the owning context's store, where JUnit closes it as an
 * {@link AutoCloseable} even if the matching after-callback never runs.
 */
final class ClockPinExtension
        implements BeforeAllCallback,
                AfterAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ClockPinExtension.class);
    private static final String METHOD_PIN = "method-pin";

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassPins.ensure(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        ClockPin pin =
                ClassPins.annotated(
                        method,
                        findAnnotation(method, PinTimeZone.class),
                        findAnnotation(method, PinLocale.class));
        ExtensionContext classContext = classContext(context).orElseThrow();
        ClassPins.Pinned classPin = ClassPins.ensure(classContext);
        JUnitDefaults.checkMethod(
                method,
                context.getRequiredTestClass(),
                classContext.getEnclosingTestClasses(),
                classPin.pin().and(pin),
                pin.pinsTimeZone() ? "@PinTimeZone on the method" : classPin.zoneOrigin());
        if (!pin.equals(ClockPin.NONE)) {
            context.getStore(NAMESPACE).put(METHOD_PIN, new MethodPin(pin, JvmClockState.pin(pin)));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // remove() only looks at this context's own store, so a method never restores its class's
        // pin
        MethodPin pinned = context.getStore(NAMESPACE).remove(METHOD_PIN, MethodPin.class);
        if (pinned != null) {
            pinned.close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassPins.release(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Clock.class && zoned(context).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return zoned(context).orElseThrow().clock();
    }

    /** The pin with a zone in effect for {@code context}: the method's, else the class's. */
    private static Optional<ClockPin> zoned(ExtensionContext context) {
        Optional<ClockPin> method =
                context.getTestMethod()
                        .map(
                                m ->
                                        ClassPins.annotated(
                                                m,
                                                findAnnotation(m, PinTimeZone.class),
                                                Optional.empty()));
        if (method.isPresent() && method.get().pinsTimeZone()) {
            return method;
        }
        return classContext(context)
                .map(ClassPins::ensure)
                .map(ClassPins.Pinned::pin)
                .filter(ClockPin::pinsTimeZone);
    }

    private static Optional<ExtensionContext> classContext(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context);
                current.isPresent();
                current = current.get().getParent()) {
            if (current.get().getElement().orElse(null) instanceof Class<?>) {
                return current;
            }
        }
        return Optional.empty();
    }

    /** A method's pin and what to restore after it. */
    private record MethodPin(ClockPin pin, JvmClockState saved) implements AutoCloseable {
        @Override
        public void close() {
            saved.restore();
        }
    }
}
