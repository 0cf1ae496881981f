package dev.parity.junit;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import dev.parity.clock.ClockPin;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * JUnit 6.1's own {@code @DefaultTimeZone} and {@code @DefaultLocale} ({@code org.junit.jupiter.api.util}) next to
 * Parity's pins. They set only the JVM's default, before each test; Parity's pins also set the database session's
 * zone and the injected {@link java.time.Clock}, for the whole class. Alone, either is fine; together they must
 * name the same zone and locale, or the test would see one and its database another. Looked up by name, since
 * Parity is compiled against JUnit 5.14, which has neither: on 5.14 there is nothing to check.
 */
final class JUnitDefaults {

    private static final Optional<Class<? extends Annotation>> DEFAULT_TIME_ZONE =
            annotation("org.junit.jupiter.api.util.DefaultTimeZone");
    private static final Optional<Class<? extends Annotation>> DEFAULT_LOCALE =
            annotation("org.junit.jupiter.api.util.DefaultLocale");

    private JUnitDefaults() {}

    /** Fails, before anything is pinned, if the class's JUnit defaults name another zone or locale than {@code pin}. */
    static void checkClass(
            Class<?> testClass, List<Class<?>> enclosing, ClockPin pin, String zoneOrigin) {
        check(
                "class " + testClass.getName(),
                pin,
                zoneOrigin,
                type -> findAnnotation(testClass, type, enclosing).map(Annotation.class::cast));
    }

    /** The same for the JUnit defaults in effect for a test method (its own, else its class's), against the pin in effect for it. */
    static void checkMethod(
            java.lang.reflect.Method method,
            Class<?> testClass,
            List<Class<?>> enclosing,
            ClockPin pin,
            String zoneOrigin) {
        check(
                "method " + method.getDeclaringClass().getName() + "#" + method.getName(),
                pin,
                zoneOrigin,
                type ->
                        findAnnotation(method, type)
                                .map(Annotation.class::cast)
                                .or(
                                        () ->
                                                findAnnotation(testClass, type, enclosing)
                                                        .map(Annotation.class::cast)));
    }

    private interface Finder {
        Optional<Annotation> find(Class<? extends Annotation> type);
    }

    private static void check(String where, ClockPin pin, String zoneOrigin, Finder finder) {
        if (pin.pinsTimeZone()) {
            DEFAULT_TIME_ZONE
                    .flatMap(finder::find)
                    .ifPresent(
                            annotation -> {
                                String id = text(annotation, "value");
                                if (id.isEmpty()
                                        || !TimeZone.getTimeZone(id)
                                                .getID()
                                                .equals(TimeZone.getTimeZone(pin.zone()).getID())) {
                                    throw new ExtensionConfigurationException(
                                            described(annotation, id, "timeZoneProvider")
                                                    + " on "
                                                    + where
                                                    + " and Parity's zone "
                                                    + pin.zone()
                                                    + " ("
                                                    + zoneOrigin
                                                    + ") disagree: JUnit's sets only the JVM's default zone,"
                                                    + " before each test; Parity's also sets the database session's zone and the injected Clock. Pin one zone: remove"
                                                    + " @DefaultTimeZone and use @PinTimeZone(\""
                                                    + (id.isEmpty() ? "..." : id)
                                                    + "\"), or give both the same zone.");
                                }
                            });
        }
        if (pin.pinsLocale()) {
            DEFAULT_LOCALE
                    .flatMap(finder::find)
                    .ifPresent(
                            annotation -> {
                                Optional<Locale> asked = locale(annotation);
                                if (asked.isEmpty() || !asked.get().equals(pin.locale())) {
                                    String tag = asked.map(Locale::toLanguageTag).orElse("");
                                    throw new ExtensionConfigurationException(
                                            described(annotation, tag, "localeProvider")
                                                    + " on "
                                                    + where
                                                    + " and Parity's locale "
                                                    + pin.locale().toLanguageTag()
                                                    + " disagree: JUnit's sets only the JVM's default locale,"
                                                    + " before each test; Parity's pins it for the whole class, its @BeforeAll methods and its database's setup included."
                                                    + " Pin one locale: remove"
                                                    + " @DefaultLocale and use @PinLocale(\""
                                                    + (tag.isEmpty() ? "..." : tag)
                                                    + "\"), or give both the same locale.");
                                }
                            });
        }
    }

    /** The locale a {@code @DefaultLocale} names; empty if it names it through a provider, which only running it would tell. */
    private static Optional<Locale> locale(Annotation annotation) {
        String tag = text(annotation, "value");
        if (!tag.isEmpty()) {
            return Optional.of(Locale.forLanguageTag(tag));
        }
        String language = text(annotation, "language");
        if (language.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Locale.Builder()
                        .setLanguage(language)
                        .setRegion(text(annotation, "country"))
                        .setVariant(text(annotation, "variant"))
                        .build());
    }

    private static String described(Annotation annotation, String value, String provider) {
        String name = "@" + annotation.annotationType().getSimpleName();
        return value.isEmpty() ? name + "(" + provider + " = ...)" : name + "(\"" + value + "\")";
    }

    private static String text(Annotation annotation, String attribute) {
        try {
            return String.valueOf(
                    annotation.annotationType().getMethod(attribute).invoke(annotation));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Class<? extends Annotation>> annotation(String name) {
        try {
            return Optional.of(
                    (Class<? extends Annotation>)
                            Class.forName(name, false, JUnitDefaults.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty(); // JUnit before 6.1
        }
    }
}
