package dev.parity.junit;

import static java.util.stream.Collectors.joining;
import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import dev.parity.clock.InvalidClockPinException;
import dev.parity.clock.JvmClockState;
import dev.parity.profile.Profile;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The one owner of a class's pinned zone and locale. A class's {@link PinTimeZone} / {@link PinLocale}
 * win over its profile's {@code timezone:} and {@code locale:}; both are validated before anything is
 * changed. Whichever extension needs the pin first ({@link ClockPinExtension} before {@code @BeforeAll},
 * {@link EnvironmentExtension} before it connects) pins it; the other finds it pinned. It lives in the class's
 * store and is restored in the class's after-all callbacks, or when the store closes, whatever failed.
 */
final class ClassPins {

    private static final Namespace NAMESPACE = Namespace.create(ClassPins.class);

    private ClassPins() {}

    /**
     * What a class pins, and the JVM state to restore.
     *
     * @param pin        the zone, fixed instant and locale pinned ({@link ClockPin#NONE}: nothing)
     * @param zoneOrigin where the zone came from, for mismatch messages
     */
    record Pinned(ClockPin pin, String zoneOrigin, JvmClockState saved) implements AutoCloseable {

        @Override
        public void close() {
            if (saved != null) {
                saved.restore();
            }
        }
    }

    /** Pins the class's zone and locale, once; later calls return what was pinned. */
    static Pinned ensure(ExtensionContext classContext) {
        // keyed by the class: a store also sees its parents', and a @Nested class pins on its own
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        classContext.getUniqueId(), key -> pin(classContext), Pinned.class);
    }

    /** Restores what the class pinned; harmless if it pinned nothing or was restored already. */
    static void release(ExtensionContext classContext) {
        Pinned pinned =
                classContext.getStore(NAMESPACE).remove(classContext.getUniqueId(), Pinned.class);
        if (pinned != null) {
            pinned.close();
        }
    }

    private static Pinned pin(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<PinTimeZone> zone =
                findAnnotation(
                        testClass, PinTimeZone.class, classContext.getEnclosingTestClasses());
        Optional<PinLocale> locale =
                findAnnotation(testClass, PinLocale.class, classContext.getEnclosingTestClasses());
        ClockPin fromAnnotations = annotated(testClass, zone, locale);
        ClockPin pin = fromAnnotations;
        String origin = zone.map(z -> describe(z) + " on " + testClass.getName()).orElse("");
        if (EnvironmentAnnotations.onClass(classContext)) {
            Profile profile = SharedEnvironments.profileFor(classContext);
            EnvironmentExtension.validate(
                    classContext,
                    profile); // the whole configuration, before anything global changes
            ClockPin fromProfile = profile.clock();
            pin =
                    (zone.isPresent()
                                    ? new ClockPin(null, null, fromProfile.locale())
                                    : fromProfile)
                            .and(fromAnnotations);
            if (zone.isEmpty()) {
                origin = profile.clockOrigin();
            }
        }
        JUnitDefaults.checkClass(testClass, classContext.getEnclosingTestClasses(), pin, origin);
        return new Pinned(pin, origin, pin.equals(ClockPin.NONE) ? null : JvmClockState.pin(pin));
    }

    /** The pin {@code element}'s annotations ask for, validated. */
    static ClockPin annotated(
            AnnotatedElement element, Optional<PinTimeZone> zone, Optional<PinLocale> locale) {
        ClockPin pin = ClockPin.NONE;
        if (zone.isPresent()) {
            PinTimeZone annotation = zone.get();
            pin =
                    pin.and(
                            validated(
                                    annotation,
                                    element,
                                    () ->
                                            ClockPin.timeZone(
                                                    annotation.value(), annotation.fixedAt())));
        }
        if (locale.isPresent()) {
            PinLocale annotation = locale.get();
            pin =
                    pin.and(
                            validated(
                                    annotation,
                                    element,
                                    () -> ClockPin.locale(annotation.value())));
        }
        return pin;
    }

    private static ClockPin validated(
            Object annotation, AnnotatedElement element, Supplier<ClockPin> parse) {
        try {
            return parse.get();
        } catch (InvalidClockPinException e) {
            throw new ExtensionConfigurationException(
                    describe(annotation)
                            + " on "
                            + describe(element)
                            + " is invalid: "
                            + e.getMessage(),
                    e);
        }
    }

    static String describe(Object annotation) {
        if (annotation instanceof PinTimeZone zone) {
            return zone.fixedAt().isEmpty()
                    ? "@PinTimeZone(\"" + zone.value() + "\")"
                    : "@PinTimeZone(value = \""
                            + zone.value()
                            + "\", fixedAt = \""
                            + zone.fixedAt()
                            + "\")";
        }
        return "@PinLocale(\"" + ((PinLocale) annotation).value() + "\")";
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            String parameters =
                    Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName)
                            .collect(joining(", ", "(", ")"));
            return "method "
                    + method.getDeclaringClass().getName()
                    + "#"
                    + method.getName()
                    + parameters;
        }
        return "class " + ((Class<?>) element).getName();
    }
}
