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
 * Runs a test class against the production-like environment a profile in {@code parity.yml} (or
 * {@code parity.yaml}) at the root of the test classpath describes: a real database (PostgreSQL or
 * MariaDB) in a container at the version and with the settings production runs, behind a Toxiproxy
 * server that can slow or break the network, in production's time zone and locale, filled with
 * production-sized, messy data.
 *
 * <pre>{@code
 * @ProdLike
 * class OrderRepositoryTest {
 *     @Test
 *     void findsOrders(DataSource dataSource, ProdEnvironment env) { ... }
 * }
 * }</pre>
 *
 * <h2>Which profile</h2>
 * {@link #value()} if set; else the JUnit configuration parameter or system property
 * {@code parity.profile}; else the environment variable {@code PARITY_PROFILE}; else {@code default}.
 * The configuration parameter {@code parity.config} names another profile file (a classpath resource or
 * a path).
 *
 * <h2>When things start and stop</h2>
 * The whole profile file is read and validated the first time any class asks for it, before anything is
 * started or any global state changes; a mistake fails the class with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the file, the line and
 * the fix. The database and its Toxiproxy server start side by side before the class's
 * {@code @BeforeAll} methods, once per test run for each distinct database, data and proxy server:
 * every class whose profile asks for the same (even under another profile name) shares them, so fifty
 * classes start one container, not fifty. They are stopped when the test run ends, and on JVM exit if
 * the run was cut short. Each class gets a proxy of its own, deleted when the class ends (except Spring test
 * classes with {@code parity-spring}, whose cached contexts outlive them: they share one proxy per environment,
 * one class at a time). Tests share the
 * database's data: a test that changes data should use its own rows, {@link ProdEnvironment#freshCopy()}, or
 * a database of its own ({@link FreshDatabase}).
 *
 * <h2>Injection</h2>
 * Test constructors, test methods and lifecycle methods may declare parameters Parity resolves, and it
 * resolves exactly these:
 * <ul>
 *   <li>{@link ProdEnvironment} and {@link Faults}: always; they are Parity's own types;</li>
 *   <li>{@link javax.sql.DataSource} (through the class's proxy) and {@code net.datafaker.Faker} (seeded from
 *       the run's seed and the test): only when nothing else claims them, that is when the parameter carries no
 *       annotation (nullness ones such as {@code @NonNull} or {@code @Nullable} aside) and no framework
 *       integration resolves it (with {@code parity-spring}: it is not one Spring's extension resolves, as every
 *       parameter of a constructor Spring autowires is). So {@code (DataSource dataSource)} is Parity's,
 *       {@code (@Autowired DataSource dataSource)} is left to Spring;</li>
 *   <li>a {@link javax.sql.DataSource} marked {@link ProdDataSource}: always, whatever else is registered;</li>
 *   <li>{@link java.time.Clock}: where a zone is pinned.</li>
 * </ul>
 * Parity never claims any other parameter. If another extension claims a plain {@code DataSource} or
 * {@code Faker} as well, JUnit fails the test with its own error ("Discovered multiple competing
 * ParameterResolvers", naming both extensions): annotate the parameter as the other extension asks to get
 * its value, or take a {@link ProdEnvironment} and call {@link ProdEnvironment#dataSource()} for Parity's.
 *
 * <h2>Time zone and locale</h2>
 * A profile's {@code timezone:} and {@code locale:} pin the JVM for the class (restored after it), and the
 * database runs in that zone: the container's {@code TZ}, the server's zone and, because drivers send
 * the JVM's zone when a connection opens, each session's. A class's own {@link PinTimeZone} /
 * {@link PinLocale} wins over the profile; on PostgreSQL a class zone that differs from the profile's is its
 * database's (on the profile's server, which keeps its own), on MariaDB a server's of its own. After the start, the
 * JVM's, the session's and the server's (or that database's) zones are compared; a mismatch fails the class, naming
 * each value and its origin. A
 * {@link java.time.Clock} parameter gets the system clock in the pinned zone, or the profile's
 * {@code clock: {fixed: ...}} instant.
 *
 * <h2>Parallel execution</h2>
 * Safe: the first class to need an environment starts it while others that need the same one wait;
 * classes then use it concurrently. The {@code DataSource} opens a new connection per call. A class
 * whose profile pins the zone or locale holds JUnit's read-write lock on it (and on system properties)
 * for the whole class; any other {@code @ProdLike} class holds read locks on the time zone and system
 * properties, so no connection of it opens while another class has the zone pinned. {@link Latency},
 * {@link Toxic} and {@link Dataset} on a class take the same locks. Locks are decided at discovery from
 * the system property {@code parity.config} (not the configuration parameter): if the annotation names
 * no profile, the class locks whenever any profile of the file pins.
 *
 * <h2>Extensions</h2>
 * One per concern, in this order: the environment (opened before {@code @BeforeAll}), network faults (the proxy's
 * toxics reset before each test), database faults (declared ones applied before each test, counted right after it),
 * injection, the run report's entry per test, and the zone and locale pins. Each works registered alone too.
 *
 * <p>Inherited by subclasses and {@code @Nested} classes; usable as a meta-annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnvironmentExtensions
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ProdLike {

    /**
     * The profile to use, as named under {@code profiles:} in {@code parity.yml}. Empty (the default)
     * means the active profile: {@code parity.profile}, then {@code PARITY_PROFILE}, then {@code default}.
     */
    String value() default "";
}
