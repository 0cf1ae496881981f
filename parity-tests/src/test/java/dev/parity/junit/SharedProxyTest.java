package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Classes a {@link ProdLikeIntegration} names ({@link MarkedIntegration.SharesProxy} here, as parity-spring names
 * Spring's) reach their environment through its one shared proxy, each with its own toxics, one at a time; Parity
 * leaves the parameters the integration claims to their framework; and their environment is open to
 * {@link ClassEnvironments} from before the instance until the class ends.
 */
@NeedsDocker
class SharedProxyTest {

    private static final Map<String, String> URLS = new ConcurrentHashMap<>();
    private static final Map<String, Duration> ROUND_TRIPS = new ConcurrentHashMap<>();

    private static Duration roundTrip(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long started = System.nanoTime();
            connection.createStatement().execute("select 1");
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** Claims every DataSource parameter, as Spring's extension does those of a constructor it autowires. */
    static class ConstructorResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DataSource.class
                    && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Constructor;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return ClassEnvironments.of(context.getRequiredTestClass()).orElseThrow().dataSource();
        }
    }

    @ProdLike
    @MarkedIntegration.SharesProxy
    @Latency(millis = 200, stream = Stream.BOTH)
    @ExtendWith(ConstructorResolver.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class Slow {
        private final DataSource fromConstructor;

        /** Per class: constructed before the before-all callbacks, and the environment is open already. */
        Slow(DataSource dataSource) {
            this.fromConstructor = dataSource;
        }

        @Test
        void test(ProdEnvironment environment) throws SQLException {
            URLS.put("slow", environment.jdbcUrl());
            ROUND_TRIPS.put("slow", roundTrip(fromConstructor));
        }
    }

    @ProdLike
    @MarkedIntegration.SharesProxy
    static class Quiet {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            assertThat(ClassEnvironments.of(Quiet.class)).containsSame(environment);
            URLS.put("quiet", environment.jdbcUrl());
            ROUND_TRIPS.put("quiet", roundTrip(dataSource));
        }
    }

    @ProdLike
    static class OwnProxy {
        @Test
        void test(ProdEnvironment environment) {
            URLS.put("own", environment.jdbcUrl());
        }
    }

    @Test
    void namedClassesShareOneProxyEachWithItsOwnToxicsOthersKeepTheirOwn() {
        Kit.runInParallel(Slow.class, Quiet.class, OwnProxy.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(URLS.get("slow"))
                .isNotNull()
                .isEqualTo(URLS.get("quiet"))
                .isNotEqualTo(URLS.get("own"));
        assertThat(ROUND_TRIPS.get("slow")).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(ROUND_TRIPS.get("quiet"))
                .isLessThan(Duration.ofMillis(200)); // ran before or after Slow, never beside it
        assertThat(ClassEnvironments.of(Slow.class)).isEmpty();
        assertThat(ClassEnvironments.of(Quiet.class)).isEmpty();
    }
}
