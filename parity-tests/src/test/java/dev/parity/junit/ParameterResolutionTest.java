package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Parity resolves unannotated DataSource parameters and leaves annotated ones to the extension the
 * annotation is for, as Spring's {@code @Autowired}; where two extensions do claim one, the failure says
 * what to do.
 */
@NeedsDocker
class ParameterResolutionTest {

    private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** Another framework's qualifier, as Spring's @Autowired or @Qualifier. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Theirs {
    }

    /** Another framework's DataSource. */
    static final DataSource THEIRS = new org.postgresql.ds.PGSimpleDataSource();

    /** Resolves DataSource parameters annotated with {@link Theirs}, as Spring resolves @Autowired ones. */
    static class QualifiedResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class && parameter.isAnnotated(Theirs.class);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return THEIRS;
        }
    }

    /** Resolves every DataSource parameter, as a careless extension would. */
    static class GreedyResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return THEIRS;
        }
    }

    @ProdLike
    @ExtendWith(QualifiedResolver.class)
    static class BothSideBySide {
        @Test
        void test(DataSource ours, @Theirs DataSource theirs, ProdEnvironment environment) {
            SEEN.put("ours", ours);
            SEEN.put("theirs", theirs);
            SEEN.put("environment", environment.dataSource());
        }
    }

    @ProdLike
    @ExtendWith(GreedyResolver.class)
    static class Competing {
        @Test
        void test(DataSource which) {
        }
    }

    @Test
    void anAnnotatedParameterIsLeftToItsExtensionAndAnUnannotatedOneIsParitys() {
        Kit.run(BothSideBySide.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("theirs")).isSameAs(THEIRS);
        // the environment's database through the class's proxy, as a DataSource of the test's own (which names the test if it leaks)
        assertThat(SEEN.get("ours")).isNotSameAs(THEIRS).hasToString(SEEN.get("environment").toString());
    }

    @Test
    void twoExtensionsClaimingOneParameterFailSayingWhatToDo() {
        EngineExecutionResults results = Kit.run(Competing.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("Discovered multiple competing ParameterResolvers for parameter [javax.sql.DataSource which]")
                .hasMessageEndingWith(". Parity resolves DataSource and Faker parameters that carry no annotation: to take another "
                        + "extension's, annotate the parameter as that extension asks (Spring: @Autowired); for Parity's, take a "
                        + "ProdEnvironment parameter and call dataSource().");
    }
}
