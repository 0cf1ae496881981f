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
 * Declares a database fault for every test of a class (on the class) or one test (on a method): the server
 * fails writes to a table with a SQLSTATE, cancels statements after a timeout, refuses connections beyond a
 * limit, or refuses writes as a replica does. Each annotation declares one of the four ({@link #failWrites()},
 * {@link #statementTimeoutMillis()}, {@link #connectionLimit()}, {@link #readOnly()}); the defaults of the others declare
 * nothing. Repeatable. None, several, or a value out of range fail the class with a configuration error saying which.
 *
 * <pre>{@code
 * @ProdLike
 * @FreshDatabase
 * @DatabaseFault(failWrites = "accounts", sqlState = "40001", probability = 0.05)   // 5% of writes, reproducibly
 * @DatabaseFault(failWrites = "audit_log", sqlState = "23505", count = 1)          // the next write only
 * @DatabaseFault(statementTimeoutMillis = 500)
 * class TransferServiceTest { ... }
 * }</pre>
 *
 * <h2>When it applies</h2>
 * Before each test's {@code @BeforeEach} methods, on that test's own database: the test must be a
 * {@link FreshDatabase} one, or it fails saying so (a fault on a shared database would reach other
 * tests). Applied through the test's {@link Faults}, so {@link Faults#report()} counts what fired and
 * {@link Faults#restore()} undoes it; the database is dropped after the test, and the fault with it.
 * Which writes fail with a probability is decided by the run's seed ({@code parity.seed}), so a failure
 * repeats with the same seed. A profile's {@code database-faults:} declares the same for its classes.
 *
 * <h2>Parallel execution</h2>
 * Each test's faults are on its own database: concurrent tests never see each other's.
 *
 * <p>Inherited by subclasses and {@code @Nested} classes; usable as a meta-annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(DatabaseFault.List.class)
@EnvironmentExtensions
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface DatabaseFault {

    /**
     * The table whose writes (each row inserted, updated or deleted) fail; {@code schema.table} outside the default schema.
     * With {@link #sqlState()} and {@link #probability()} or {@link #count()}. Default: empty (this annotation declares
     * another fault).
     */
    String failWrites() default "";

    /**
     * The SQLSTATE the writes of {@link #failWrites()} fail with: five digits or capital letters, not of class 00, e.g.
     * {@code 40P01} (deadlock) or {@code 23505} (unique violation). Default: {@code 40001} (serialization failure).
     */
    String sqlState() default "40001";

    /**
     * The share of the writes of {@link #failWrites()} that fail, from 0 to 1, chosen by the run's seed. Not together with
     * {@link #count()}. Default: 1 (every write).
     */
    double probability() default 1.0;

    /**
     * The number of writes of {@link #failWrites()} that fail, 1 or more, after which writes pass again. Not together with
     * {@link #probability()}. Default: {@link Integer#MAX_VALUE} (no end: writes keep failing).
     */
    int count() default Integer.MAX_VALUE;

    /**
     * The time in milliseconds after which a statement of the test's sessions is cancelled (PostgreSQL: 57014; MariaDB:
     * 1969), 1 or more; as {@link Faults#statementTimeout} with a {@code Duration}. Default: 0 (no timeout, as the servers
     * take 0).
     */
    long statementTimeoutMillis() default 0;

    /**
     * The number of sessions the test's database admits, 0 or more; it refuses more with the server's error for too many
     * connections (PostgreSQL 17 and later: 53300; MariaDB: 1184). See {@link Faults#connectionLimit}. Default:
     * {@link Integer#MAX_VALUE} (no limit).
     */
    int connectionLimit() default Integer.MAX_VALUE;

    /**
     * Whether the database refuses writes with the engine's read-only error (PostgreSQL: 25006; MariaDB: 1290), as a replica
     * does; see {@link Faults#readOnly}. Default: {@code false}.
     */
    boolean readOnly() default false;

    /** Holds repeated {@link DatabaseFault}s. */
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
        /** The {@link DatabaseFault}s, in the order written. */
        DatabaseFault[] value();
    }
}
