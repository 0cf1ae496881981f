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
 * annotation is for, as Spring's {@code @Autowired}; where two extensions do claim one, JUnit's own error
 * says so, and Parity's {@code DataSource} is still there through {@link ProdEnvironment}.
 */
@NeedsDocker
class ParameterResolutionTest {

    private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** Another framework's qualifier, as Spring's @Autowired or @Qualifier. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Theirs {}

    /** Another framework's DataSource. */
    static final DataSource THEIRS = new org.postgresql.ds.PGSimpleDataSource();

    /** Resolves DataSource parameters annotated with {@link Theirs}, as Spring resolves @Autowired ones. */
    static class QualifiedResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class
                    && parameter.isAnnotated(Theirs.class);
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
        void test(DataSource which) {}
    }

    @Test
    void anAnnotatedParameterIsLeftToItsExtensionAndAnUnannotatedOneIsParitys() {
        Kit.run(BothSideBySide.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("theirs")).isSameAs(THEIRS);
        // the environment's database through the class's proxy, as a DataSource of the test's own
        // (which names the test if it leaks)
        assertThat(SEEN.get("ours"))
                .isNotSameAs(THEIRS)
                .hasToString(SEEN.get("environment").toString());
    }

    /**
     * The documented way out of a competition: the other extension's parameter annotated (which Parity then leaves
     * alone), and Parity's DataSource from its own type, which nothing else claims.
     */
    @ProdLike
    @ExtendWith(GreedyResolver.class)
    static class BesideAGreedyResolver {
        @Test
        void test(@Theirs DataSource theirs, ProdEnvironment environment) {
            SEEN.put("greedy", theirs);
            SEEN.put("greedy-environment", environment.dataSource());
        }
    }

    /** JUnit's own failure, as JUnit words it: Parity neither rewrites nor wraps it (the rule is documented on ProdLike instead). */
    @Test
    void twoExtensionsClaimingOneParameterFailWithJUnitsOwnErrorNamingBoth() {
        EngineExecutionResults results = Kit.run(Competing.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure =
                results.testEvents()
                        .failed()
                        .list()
                        .get(0)
                        .getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow();
        assertThat(failure)
                .isExactlyInstanceOf(ParameterResolutionException.class)
                .hasNoCause()
                .hasMessageStartingWith(
                        "Discovered multiple competing ParameterResolvers for parameter [javax.sql.DataSource which]")
                .hasMessageContaining(InjectionExtension.class.getName())
                .hasMessageContaining(GreedyResolver.class.getName())
                .hasMessageNotContaining("Parity resolves");
    }

    @Test
    void besideAnExtensionThatClaimsEveryDataSourceParitysComesFromProdEnvironment() {
        Kit.run(BesideAGreedyResolver.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("greedy")).isSameAs(THEIRS);
        assertThat(SEEN.get("greedy-environment")).isNotNull().isNotSameAs(THEIRS);
    }

    /** A framework that claims every parameter it is not told to leave alone, as Spring in a constructor it autowires. */
    static class ClaimsUnannotated implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class
                    && !parameter.isAnnotated(ProdDataSource.class);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return THEIRS;
        }
    }

    @ProdLike
    @ExtendWith(ClaimsUnannotated.class)
    static class Marked {
        @Test
        void test(
                @ProdDataSource DataSource ours,
                @Theirs DataSource theirs,
                ProdEnvironment environment)
                throws Exception {
            SEEN.put("marked", ours);
            SEEN.put("marked-theirs", theirs);
            SEEN.put("marked-environment", environment.dataSource());
            try (var connection = ours.getConnection()) {
                SEEN.put("marked-valid", connection.isValid(5));
            }
        }
    }

    @ProdLike
    static class MarkedWrongType {
        @Test
        void test(@ProdDataSource String notOne) {}
    }

    /** @ProdDataSource is Parity's whatever else is registered; an annotated parameter of its own stays the other's. */
    @Test
    void aParameterMarkedProdDataSourceIsParitysBesideAnExtensionThatClaimsTheRest() {
        Kit.run(Marked.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN.get("marked-theirs")).isSameAs(THEIRS);
        assertThat(SEEN.get("marked"))
                .isNotSameAs(THEIRS)
                .hasToString(SEEN.get("marked-environment").toString());
        assertThat(SEEN.get("marked-valid")).isEqualTo(true);
    }

    @Test
    void prodDataSourceOnAnotherTypeSaysWhatItGives() {
        assertThat(Kit.onlyTestFailure(Kit.run(MarkedWrongType.class)))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("@ProdDataSource on java.lang.String notOne")
                .hasMessageContaining(
                        "it gives a javax.sql.DataSource, and the parameter is a java.lang.String."
                                + " Declare it as DataSource, or remove @ProdDataSource.");
    }
}
