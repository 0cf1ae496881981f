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
 * limit, or refuses writes as a replica does. Each annotation declares one of the four. Repeatable.
 *
 * <pre>{@code
 * @ProdLike
 * @FreshDatabase
 * @DatabaseFault(failWrites = "accounts", sqlState = "40001", probability = 0.05)   // 5% of writes, reproducibly
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
@ExtendWith({ProdLikeExtension.class, ClockPinExtension.class})
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface DatabaseFault {

    /** The table whose writes (each row inserted, updated or deleted) fail; {@code schema.table} outside the default schema. */
    String failWrites() default "";

    /** The SQLSTATE writes fail with: {@code 40001} (serialization failure, the default), {@code 40P01}, {@code 23505}, any valid code. */
    String sqlState() default "40001";

    /** The share of writes that fail, from 0 to 1 (all, the default); ignored when {@link #count()} is given. */
    double probability() default 1.0;

    /** The number of writes that fail before writes pass again; -1 (the default): {@link #probability()} decides. */
    int count() default -1;

    /** Statements of the test's sessions are cancelled after this many milliseconds (PostgreSQL: 57014); -1: no timeout. */
    long statementTimeoutMillis() default -1;

    /**
     * The test's database admits this many sessions, and refuses more with the server's error for too many
     * connections (PostgreSQL 17 and later: 53300; MariaDB: 1184); -1: no limit. See {@link Faults#connectionLimit}.
     */
    int connectionLimit() default -1;

    /** The database refuses writes with the engine's read-only error (PostgreSQL: 25006). */
    boolean readOnly() default false;

    /** Holds repeated {@link DatabaseFault}s. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith({ProdLikeExtension.class, ClockPinExtension.class})
    @ResourceLock(providers = ProdLikeResourceLocks.class)
    @interface List {
        DatabaseFault[] value();
    }
}
