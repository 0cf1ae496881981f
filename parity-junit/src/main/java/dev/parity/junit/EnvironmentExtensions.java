package dev.parity.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extensions an annotation that gives a class an environment registers ({@link ProdLike}, {@link Latency},
 * {@link Toxic}, {@link Dataset}, {@link DatabaseFault}), one per concern, in this order: before each test the
 * proxy's toxics are reset, then the declared database faults applied, then the run report's entry begun; the zone
 * and locale pins come last. JUnit registers each once, however many of these annotations a class carries.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
@ExtendWith({
    EnvironmentExtension.class,
    NetworkFaultsExtension.class,
    DatabaseFaultsExtension.class,
    InjectionExtension.class,
    RunReportExtension.class,
    ClockPinExtension.class
})
@interface EnvironmentExtensions {}
