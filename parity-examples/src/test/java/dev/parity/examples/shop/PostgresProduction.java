package dev.parity.examples.shop;

import dev.parity.junit.ProdLike;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The shop's production on PostgreSQL: profile {@code default} of parity.yml. Tagged {@code postgres}, so
 * that {@code -Dgroups=postgres} runs the suite on this engine alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ProdLike("default")
@Tag("postgres")
@interface PostgresProduction {}
