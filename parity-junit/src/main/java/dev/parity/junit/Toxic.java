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
 * <p>Types and their attributes (numbers; times in milliseconds, sizes in bytes, rates in KB/s):
 * {@code latency} (latency, jitter), {@code bandwidth} (rate), {@code slow_close} (delay),
 * {@code timeout} (timeout), {@code reset_peer} (timeout), {@code slicer} (average_size,
 * size_variation, delay), {@code limit_data} (bytes), and {@code down} (the proxy disabled:
 * connections are refused).
 *
 * <p>Lifetime and parallel behaviour as for {@link Latency}: class-level for every test, method-level
 * for that test on top; reset before every test; a proxy per class.
 *
 * <pre>{@code @Toxic(type = "reset_peer", attributes = "timeout=2000", toxicity = 0.05)}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Toxic.List.class)
@ExtendWith({ProdLikeExtension.class, ClockPinExtension.class})
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Toxic {

    /** The toxic's type, e.g. {@code latency} or {@code reset_peer}. */
    String type();

    /** Its attributes as {@code name=value}, e.g. {@code {"latency=40", "jitter=10"}}. */
    String[] attributes() default {};

    /** {@code downstream} (database to test, the default), {@code upstream}, or {@code both}. */
    String stream() default "downstream";

    /** The share of connections it applies to, from 0 to 1 (all, the default). */
    double toxicity() default 1.0;

    /** Holds repeated {@link Toxic}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith({ProdLikeExtension.class, ClockPinExtension.class})
    @ResourceLock(providers = ProdLikeResourceLocks.class)
    @interface List {
        Toxic[] value();
    }
}
