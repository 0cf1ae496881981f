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
 * Runs tests with the JVM default time zone pinned to {@link #value()}, the way a production host in that zone
 * would run them, and restores the previous zone exactly afterwards.
 *
 * <p><b>What is pinned.</b> {@link java.util.TimeZone#getDefault()} (and therefore
 * {@link java.time.ZoneId#systemDefault()}, {@code LocalDate.now()}, {@code java.util.Date#toString()}, ...) and
 * the {@code user.timezone} system property. Tests may also declare a {@link java.time.Clock} parameter (test,
 * lifecycle method or constructor): it receives {@code Clock.system(zone)}, or {@code Clock.fixed(instant, zone)}
 * when {@link #fixedAt()} is set. A {@code Clock} parameter is only resolved while a zone is pinned (by this
 * annotation, or by the {@code timezone:} of a {@link ProdLike} profile); otherwise Parity does not claim it
 * (JUnit then reports that no {@code ParameterResolver} is registered for it, and any other resolver you
 * registered for {@code Clock} is free to supply it).
 *
 * <p><b>With {@link ProdLike}.</b> On a {@code @ProdLike} class this annotation wins over the profile's
 * {@code timezone:}; the database then runs in this zone (a database of its own if the profile's is in
 * another), and the JVM's, the session's and the server's zones are checked to agree.
 *
 * <p><b>When it is set and restored.</b> On a test class (or a superclass: the annotation is {@link Inherited}),
 * the zone is pinned before the first {@code @BeforeAll} method runs and restored after the last {@code @AfterAll}
 * method; with {@code @TestInstance(PER_CLASS)} the test instance is created just before that, so constructors and
 * field initialisers do not see the pin yet. On a test method, the zone is pinned before the {@code @BeforeEach}
 * methods run and restored after the {@code @AfterEach} methods. A method-level annotation wins over the class-level
 * one for that method, and a {@code @Nested} class uses its own annotation or else that of the nearest enclosing
 * class. Restoring puts back the exact previous {@code TimeZone} and {@code user.timezone} value (removing the
 * property if it was absent), also when the test, a {@code @BeforeEach} method or another extension fails. The value
 * is validated before anything is changed: an unknown id such as {@code "Mars/Olympus"} fails the class or test with
 * an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} that names the annotation, the class or
 * method, and the bad value.
 *
 * <p><b>Parallel execution.</b> The default time zone is JVM-global, so this annotation carries
 * {@code @ResourceLock(value = Resources.TIME_ZONE, mode = READ_WRITE)} and, because it writes
 * {@code user.timezone}, {@code @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = READ_WRITE)}. With
 * {@code junit.jupiter.execution.parallel.enabled=true}, a pinned class or method therefore never runs at the same
 * time as another test that pins the zone or declares either lock; on a class, the lock is held for the whole class,
 * whose tests then run one after another. Tests that merely <em>read</em> the default zone without pinning it are
 * only protected if they say so:
 * <pre>{@code
 * @Test
 * @ReadsDefaultTimeZone   // the read lock @ResourceLock(value = Resources.TIME_ZONE, mode = READ)
 * void formatsInTheDefaultZone() { ... }
 * }</pre>
 * Such readers may run concurrently with each other, but never while a {@code @PinTimeZone} test runs.
 *
 * <p><b>Composition.</b> May be used as a meta-annotation, e.g. on a {@code @BrazilianProduction} annotation that
 * also carries {@link PinLocale @PinLocale("pt-BR")}; the extension and the resource locks come along. Needs no
 * database or Docker.
 *
 * @see PinLocale
 */
@Retention(RUNTIME)
@Target({TYPE, METHOD, ANNOTATION_TYPE})
@Inherited
@Documented
@ExtendWith(ClockPinExtension.class)
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface PinTimeZone {

    /**
     * The time zone to pin: a region id such as {@code "America/Sao_Paulo"} or {@code "Europe/Berlin"}, or an
     * offset such as {@code "+05:30"}; anything {@link java.time.ZoneId#of(String)} accepts and
     * {@link java.util.TimeZone} understands. Three-letter abbreviations such as {@code "EST"} are rejected because
     * they are ambiguous. {@code ZoneId.systemDefault()} reports the zone as {@code TimeZone} normalises it (an
     * offset {@code "+05:30"} becomes {@code "GMT+05:30"}).
     *
     * @return the zone id to pin
     */
    String value();

    /**
     * The instant an injected {@link java.time.Clock} is frozen at, in ISO-8601 form such as
     * {@code "2024-03-31T01:30:00Z"}; the clock then is {@code Clock.fixed(instant, zone)}. Empty (the default):
     * the injected clock is {@code Clock.system(zone)} and ticks. Only affects injected clocks, not
     * {@code System.currentTimeMillis()} or {@code Instant.now()}. An unparsable value fails the class or test like
     * an unknown zone id does.
     *
     * @return the ISO-8601 instant injected clocks stand still at, or {@code ""} for a ticking clock
     */
    String fixedAt() default "";
}
