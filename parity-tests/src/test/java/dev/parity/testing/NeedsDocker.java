package dev.parity.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that starts real databases and proxies. Everything else is fast: run only those with
 * {@code mvn -pl parity-tests -am test -DexcludedGroups=docker}. Tests that need Docker fail without it, never skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("docker")
public @interface NeedsDocker {}
