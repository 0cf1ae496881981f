package dev.parity.junit;

import dev.parity.engine.spec.MigrationsSpec;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * What another test framework on the classpath tells Parity (found with {@link java.util.ServiceLoader}); for
 * Parity's own modules, such as {@code parity-spring}, not for users.
 *
 * <p>Three questions: how does the framework's configuration of the application complete the profile's migrations;
 * does a class's state outlive the class (a cached Spring application context, whose pool
 * keeps connecting to the URL it was created with), so that it must use its environment's one shared proxy
 * rather than a proxy of its own; and does that framework resolve a parameter, so that Parity leaves it alone.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ProdLikeIntegration {

    /**
     * Whether {@code testClass} connects through its environment's shared proxy, which lives as long as the
     * environment. Such classes hold a read-write lock on it ({@link #SHARED_PROXY_LOCK}): they run one at a
     * time, and each test starts from its own class's toxics.
     */
    boolean sharesProxy(Class<?> testClass);

    /**
     * Whether the framework resolves {@code parameter} itself; then Parity does not offer the
     * {@link javax.sql.DataSource} or {@code Faker} it would otherwise, and the two never both claim it.
     */
    boolean resolvesParameter(ParameterContext parameter, ExtensionContext context);

    /**
     * The migrations of {@code testClass}'s database as the framework's configuration of the application completes
     * them ({@code parity-spring}: the application's {@code spring.flyway.*} or {@code spring.liquibase.*}); {@code migrations}
     * itself where it has nothing to add. Asked only for a profile with migrations; what it adds is part of the database's identity.
     */
    default MigrationsSpec migrations(Class<?> testClass, MigrationsSpec migrations) {
        return migrations;
    }

    /** The JUnit resource lock held by the classes that share their environment's proxy. */
    String SHARED_PROXY_LOCK = "dev.parity.junit.shared-proxy";
}
