package dev.parity.examples.shop;

import dev.parity.junit.ProdLike;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The shop's production on MariaDB: profile {@code mariadb} of parity.yml. Tagged {@code mariadb}, so
 * that {@code -Dgroups=mariadb} runs the suite on this engine alone.
 *
 * <p>The locks are what {@code @ProdLike} takes for a top-level class whose profile pins the zone and the
 * locale, as this one does; Parity computes none for a {@code @Nested} class, where these annotations go,
 * so without them another class could restore the JVM's zone or locale in the middle of this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ProdLike("mariadb")
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
@ResourceLock(value = Resources.LOCALE, mode = ResourceAccessMode.READ_WRITE)
@Tag("mariadb")
@interface MariaDbProduction {
}
