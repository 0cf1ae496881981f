package dev.parity.junit;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Runs tests with the JVM default locale pinned to {@link #value()}, the way a production host with that locale
 * would run them (think {@code "TITLE".toLowerCase()} under Turkish, or decimal commas under German), and restores
 * the previous locales exactly afterwards.
 *
 * <p><b>What is pinned.</b> {@link java.util.Locale#setDefault(java.util.Locale)} is called with the locale, which
 * sets {@link java.util.Locale#getDefault()} and the {@link java.util.Locale.Category#DISPLAY DISPLAY} and
 * {@link java.util.Locale.Category#FORMAT FORMAT} defaults alike. Restoring puts back all three, each separately, so
 * a JVM started with different display and format locales gets exactly those back. System properties such as
 * {@code user.language} are not changed.
 *
 * <p><b>When it is set and restored.</b> On a test class (or a superclass: the annotation is {@link Inherited}),
 * the locale is pinned before the first {@code @BeforeAll} method runs and restored after the last {@code @AfterAll}
 * method; with {@code @TestInstance(PER_CLASS)} the test instance is created just before that, so constructors and
 * field initialisers do not see the pin yet. On a test method, the locale is pinned before the {@code @BeforeEach}
 * methods run and restored after the {@code @AfterEach} methods. A method-level annotation wins over the class-level
 * one for that method, and a {@code @Nested} class uses its own annotation or else that of the nearest enclosing
 * class. Restoring also happens when the test, a {@code @BeforeEach} method or another extension fails. The tag is
 * validated before anything is changed: an ill-formed or unknown tag such as {@code "tr_TR"} or {@code "xx-YY"} fails
 * the class or test with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} that names the
 * annotation, the class or method, and the bad value.
 *
 * <p><b>Parallel execution.</b> The default locale is JVM-global, so this annotation carries
 * {@code @ResourceLock(value = Resources.LOCALE, mode = READ_WRITE)}. With
 * {@code junit.jupiter.execution.parallel.enabled=true}, a pinned class or method therefore never runs at the same
 * time as another test that pins the locale or declares that lock; on a class, the lock is held for the whole class,
 * whose tests then run one after another. Tests that merely <em>read</em> the default locale (formatting, case
 * conversion, ...) without pinning it are only protected if they say so:
 * <pre>{@code
 * @Test
 * @ReadsDefaultLocale   // the read lock @ResourceLock(value = Resources.LOCALE, mode = READ)
 * void formatsWithTheDefaultLocale() { ... }
 * }</pre>
 * Such readers may run concurrently with each other, but never while a {@code @PinLocale} test runs.
 *
 * <p><b>Composition.</b> May be used as a meta-annotation, e.g. on a {@code @TurkishProduction} annotation that also
 * carries {@link PinTimeZone @PinTimeZone("Europe/Istanbul")}; the extension and the resource lock come along.
 * Needs no database or Docker.
 *
 * @see PinTimeZone
 */
@Retention(RUNTIME)
@Target({TYPE, METHOD, ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(ClockPinExtension.class)
@ResourceLock(value = Resources.LOCALE, mode = ResourceAccessMode.READ_WRITE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface PinLocale {

    /**
     * The locale to pin, as a well-formed BCP 47 language tag with a language (and region, if any) known to the
     * JVM, such as {@code "tr-TR"}, {@code "de-DE"} or {@code "es-419"}. Subtags are separated by {@code '-'}, not
     * {@code '_'}; Unicode extensions such as {@code "de-DE-u-co-phonebk"} are kept.
     *
     * @return the language tag of the locale to pin
     */
    String value();
}
