package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Adds network latency between a {@link ProdLike} test and its database: a Toxiproxy {@code latency}
 * toxic on the class's proxy.
 *
 * <p>On a class it applies to every test of the class (and its {@code @BeforeAll} methods); on a method,
 * to that test only, on top of the class's and the profile's toxics. It is put on before each test's
 * {@code @BeforeEach} methods and taken off before the next test starts, whatever the test did. Each
 * class has a proxy of its own, so parallel classes never see each other's latency. Used on a class
 * without {@code @ProdLike}, the class runs under the active profile, with the same environment, locks
 * and injection. On a method, its class must have an environment ({@code @ProdLike}, or one of these
 * annotations on the class): environments live as long as a class, so a method alone fails with a
 * configuration error saying so.
 *
 * <pre>{@code @Latency(millis = 150, stream = Stream.BOTH)  // a round trip takes 300 ms longer}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnvironmentExtensions
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Latency {

    /** The delay in milliseconds added to each chunk of data in {@link #stream()}, 0 or more. Required. */
    long millis();

    /**
     * A random variation of up to this many milliseconds, either way, of each delay; 0 or more. Default: 0 (every delay is
     * {@link #millis()}).
     */
    long jitterMillis() default 0;

    /**
     * The direction delayed. Default: {@link Stream#DOWNSTREAM} (database to test); {@link Stream#BOTH} delays each leg of a
     * round trip.
     */
    Stream stream() default Stream.DOWNSTREAM;
}
