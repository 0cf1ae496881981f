package dev.parity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of a {@link ProdLike} class (on the class) or one test (on a method) a database of its
 * own: a copy of the environment's database exactly as its migrations, init scripts and datasets left it.
 * Tests may change anything in it; no other test sees it.
 *
 * <pre>{@code
 * @ProdLike
 * @FreshDatabase
 * class OrderServiceTest {
 *     @Test
 *     void cancelsAll(DataSource dataSource) { ... }   // its own database: delete what it likes
 * }
 * }</pre>
 *
 * <h2>What the test gets</h2>
 * The {@link javax.sql.DataSource}, {@link ProdEnvironment} ({@link ProdEnvironment#jdbcUrl() jdbcUrl()},
 * {@link ProdEnvironment#directJdbcUrl() directJdbcUrl()}, {@link ProdEnvironment#dataSource() dataSource()})
 * and {@link Faults} parameters of the test, of its {@code @BeforeEach} and {@code @AfterEach} methods and
 * (with the default per-method lifecycle) of its constructor point at its copy, still through the class's
 * Toxiproxy proxy: the profile's, the class's and the method's toxics apply to it. {@code @BeforeAll} and
 * {@code @AfterAll} parameters get the shared database.
 *
 * <h2>When things start and stop</h2>
 * The environment starts as for any {@code @ProdLike} class; right after its migrations, init scripts and
 * datasets (before any test connects) Parity snapshots it, whatever the tests ask for (one copy per
 * environment start, so that a class asking later still finds an untouched template). Copies of the
 * snapshot are made ahead of need, in the background, by a pool: the first {@code @FreshDatabase} test of a
 * run starts it, and it keeps a few copies ready ({@code parity.pool.size}, else the profile's
 * {@code fresh-pool:}, else 2; 0 makes each copy when its test starts). A test takes a ready copy before its
 * {@code @BeforeEach} methods, and its copy is dropped (in the background) after its {@code @AfterEach}
 * methods. The pool never holds more copies than its size plus those in use, and drops them all when the
 * test run ends. PostgreSQL copies with {@code CREATE DATABASE ... TEMPLATE}; MariaDB re-creates the tables and
 * copies their rows, which costs time in proportion to the data. A copy that cannot be made fails the test
 * that needed it, with the server's words.
 *
 * <h2>Kept for forensics</h2>
 * With the configuration parameter or system property {@code parity.keep=failed}, the copy of a test that
 * fails is not dropped and its container not stopped at the end of the run: the failure (as a suppressed
 * exception), a report entry {@code parity.kept} and the log say how to connect, e.g.
 * {@code PGPASSWORD='...' psql -h localhost -p 32771 -U 'test' -d 'parity_fresh_1_7'}. The next run that
 * starts an environment removes such containers, and says so. In such a run, database containers are kept
 * out of Testcontainers' reaper (Ryuk, or its JVM hook), which would remove them when the JVM exits;
 * Parity stops the others itself, as always.
 *
 * <h2>Parallel execution</h2>
 * Tests of a {@code @FreshDatabase} class may run concurrently (JUnit's {@code CONCURRENT} mode): each has
 * its own database, so none sees another's rows, and no lock is taken for the databases. The class keeps
 * the locks every {@code @ProdLike} class takes for the JVM's zone and locale: under a profile that pins
 * one, the class holds a read-write lock and JUnit runs its tests one at a time. Method-level
 * {@link Latency} and {@link Toxic} change the class's proxy, which concurrent tests of the class share.
 *
 * <p>Inherited by subclasses and {@code @Nested} classes; usable as a meta-annotation. Needs an environment:
 * on a class without {@code @ProdLike} (or {@link Dataset}, {@link Latency}, {@link Toxic}) it fails the test,
 * saying so.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FreshDatabaseExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface FreshDatabase {}
