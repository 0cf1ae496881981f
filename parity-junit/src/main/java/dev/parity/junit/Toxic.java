package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Puts any Toxiproxy toxic between a {@link ProdLike} test and its database. Repeatable.
 *
 * <p>The {@link ToxicType} names the attributes each type takes and their units: {@code LATENCY} (latency, jitter: ms),
 * {@code BANDWIDTH} (rate: KB/s), {@code SLOW_CLOSE} (delay: ms), {@code TIMEOUT} and {@code RESET_PEER} (timeout: ms),
 * {@code SLICER} (average_size, size_variation: bytes; delay: &micro;s), {@code LIMIT_DATA} (bytes), and {@code DOWN} (the
 * proxy disabled: connections are refused; no attributes). A type, attribute or value that does not fit fails the class
 * with a configuration error saying which and what the type takes, before anything starts.
 *
 * <p>Lifetime and parallel behaviour as for {@link Latency}: class-level for every test, method-level
 * for that test on top; reset before every test; a proxy per class.
 *
 * <pre>{@code @Toxic(type = ToxicType.RESET_PEER, attributes = "timeout=2000", toxicity = 0.05)}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Toxic.List.class)
@EnvironmentExtensions
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Toxic {

    /** The toxic's type, e.g. {@link ToxicType#LATENCY} or {@link ToxicType#RESET_PEER}. Required. */
    ToxicType type();

    /**
     * The type's attributes, each as {@code name=number} in the unit its {@link ToxicType} constant gives, e.g.
     * {@code {"latency=40", "jitter=10"}} for {@link ToxicType#LATENCY}. Each attribute at most once, 0 or more; one not
     * given is 0. Default: none.
     */
    String[] attributes() default {};

    /** The direction it acts on. Default: {@link Stream#DOWNSTREAM} (database to test). */
    Stream stream() default Stream.DOWNSTREAM;

    /** The share of connections it applies to, from 0 to 1. Default: 1 (all). */
    double toxicity() default 1.0;

    /** Holds repeated {@link Toxic}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith({
        EnvironmentExtension.class,
        NetworkFaultsExtension.class,
        DatabaseFaultsExtension.class,
        InjectionExtension.class,
        RunReportExtension.class,
        ClockPinExtension.class
    })
    @ResourceLock(providers = ProdLikeResourceLocks.class)
    @interface List {
        /** The {@link Toxic}s, in the order written. */
        Toxic[] value();
    }
}
