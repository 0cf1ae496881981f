package dev.parity.examples.shop;

import dev.parity.junit.ProdLike;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The shop's production on MariaDB: profile {@code mariadb} of parity.yml. Tagged {@code mariadb}, so
 * that {@code -Dgroups=mariadb} runs the suite on this engine alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ProdLike("mariadb")
@Tag("mariadb")
@interface MariaDbProduction {}
