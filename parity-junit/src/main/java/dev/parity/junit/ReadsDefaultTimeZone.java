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
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Marks a test (or every test of a class) that reads the JVM's default time zone without pinning it, for example
 * code that formats {@code new Date()} or calls {@code ZoneId.systemDefault()}: under parallel execution it never
 * runs while a {@link PinTimeZone}, a pinning {@link ProdLike} profile or any other writer of the zone runs, and
 * it runs alongside other readers.
 *
 * <p>It is the read lock {@code @ResourceLock(value = Resources.TIME_ZONE, mode = READ)} under a name that says
 * why, and takes effect only when {@code junit.jupiter.execution.parallel.enabled=true}. JUnit 6.1's own
 * {@code @ReadsDefaultTimeZone} (in {@code org.junit.jupiter.api.util}) takes the same lock, as do its
 * {@code @DefaultTimeZone} and junit-pioneer's: all of them coordinate with Parity's pins.
 *
 * <p>On a class, the lock is held for the whole class. On a {@code @RepeatedTest} or {@code @ParameterizedTest},
 * put it on the class: JUnit 5.14 can hang in parallel mode on a test template holding a read lock of its own
 * while holders of the write lock run. Usable as a meta-annotation; inherited by subclasses.
 *
 * @see ReadsDefaultLocale
 * @see PinTimeZone
 */
@Retention(RUNTIME)
@Target({TYPE, METHOD, ANNOTATION_TYPE})
@Inherited
@Documented
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ReadsDefaultTimeZone {}
