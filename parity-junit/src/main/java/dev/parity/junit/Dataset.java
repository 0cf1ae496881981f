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
 * Fills a table of a {@link ProdLike} class's database with generated, messy, reproducible rows before
 * the class's tests run, in addition to (or, for the same table, instead of) the profile's
 * {@code datasets:}. Repeatable: tables are filled in foreign-key order whatever the annotation order.
 *
 * <p>Columns get values from their type, constraints and name, with the default mess (nulls, unicode,
 * whitespace, near-duplicates, extremes); for per-column rules and mess knobs use the profile's
 * {@code datasets:}. The data is loaded once per distinct database and datasets and shared by the
 * classes that ask for the same; a class that changes data should work on
 * {@link ProdEnvironment#freshCopy()}. Parallel classes share the loaded data read-only.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Dataset.List.class)
@EnvironmentExtensions
@ResourceLock(providers = ProdLikeResourceLocks.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Dataset {

    /** The table to fill, as the database names it (unqualified: the connection's schema). */
    String table();

    /** How many rows to load, 0 or more. */
    long rows();

    /** This table's own seed, 0 or more; -1 (the default) uses the run's seed ({@code parity.seed}, else the profile's). Other negatives are an error. */
    long seed() default -1;

    /** Holds repeated {@link Dataset}s. */
    @Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
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
        Dataset[] value();
    }
}
