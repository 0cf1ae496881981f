package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.testing.NeedsDocker;
import eu.rekawek.toxiproxy.Proxy;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults switched on from inside tests, against each engine's real server behind a real Toxiproxy. Tests
 * run in random order and each starts by checking that no earlier test's fault is left. What the drivers
 * report differs; both report a connection failure (SQLState class 08) where the network breaks.
 */
@NeedsDocker
// toxiproxy-java reads the toxics' types with the default locale's toUpperCase(): under a parallel
// Turkish pin, BANDWİDTH
@ReadsDefaultLocale
class NetworkFaultsTest {

    @Nested
    @ProdLike("default")
    class OnPostgres extends Suite {}

    @Nested
    @ProdLike("mariadb")
    class OnMariaDb extends Suite {}

    @TestMethodOrder(MethodOrderer.Random.class)
    abstract static class Suite {

        /** Only what this test declares is on the proxy, whatever earlier tests switched on. */
        @BeforeEach
        void noFaultIsLeftFromAnEarlierTest(Faults faults, TestInfo test) throws Exception {
            Method method = test.getTestMethod().orElseThrow();
            assertThat(toxiproxy(faults).isEnabled())
                    .isEqualTo(!method.isAnnotationPresent(Toxic.class));
            assertThat(toxiproxy(faults).toxics().getAll())
                    .hasSize(method.isAnnotationPresent(Latency.class) ? 1 : 0);
        }

        /** The escape hatch, as a test that needs the Toxiproxy client's own proxy takes it. */
        private static Proxy toxiproxy(Faults faults) {
            return faults.proxy().unwrap(Proxy.class);
        }

        /** Parity's view of the class's proxy: the one the test's URL goes through, without Toxiproxy's types. */
        @Test
        void theProxyIsTheOneTheTestsUrlGoesThrough(Faults faults, ProdEnvironment environment) {
            NetworkProxy proxy = faults.proxy();

            assertThat(environment.jdbcUrl()).contains(proxy.host() + ":" + proxy.port());
            assertThat(environment.directJdbcUrl())
                    .doesNotContain(proxy.host() + ":" + proxy.port());
            assertThat(proxy.name()).startsWith("parity-").isEqualTo(toxiproxy(faults).getName());
            assertThat(proxy.upstream()).isNotBlank().isEqualTo(toxiproxy(faults).getUpstream());
            assertThat(proxy)
                    .hasToString(
                            "NetworkProxy["
                                    + proxy.name()
                                    + " at "
                                    + proxy.host()
                                    + ":"
                                    + proxy.port()
                                    + " to "
                                    + proxy.upstream()
                                    + "]");
            assertThatThrownBy(() -> proxy.unwrap(String.class))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "the proxy "
                                    + proxy.name()
                                    + " unwraps to a eu.rekawek.toxiproxy.Proxy, not a java.lang.String: "
                                    + "call unwrap(eu.rekawek.toxiproxy.Proxy.class)");
        }

        private static long millisToRead(DataSource dataSource, String sql) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                long started = System.nanoTime();
                try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
                return (System.nanoTime() - started) / 1_000_000;
            }
        }

        private static String sqlState(Throwable e) {
            return ((SQLException) e).getSQLState();
        }

        @Test
        void aCutNetworkFailsFastAndRestoreBringsItBack(DataSource dataSource, Faults faults)
                throws Exception {
            faults.cut();
            long started = System.nanoTime();
            // Docker still accepts on the published port, then the disabled proxy closes: the
            // driver gives up at once
            assertThatThrownBy(() -> millisToRead(dataSource, "select 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(sqlState(e)).startsWith("08"));
            assertThat((System.nanoTime() - started) / 1_000_000)
                    .as("well under any driver's connect timeout")
                    .isLessThan(10_000);

            faults.restore();
            assertThat(ProdLikeIntegrationTest.query(dataSource, "select 42")).isEqualTo("42");
        }

        @Test
        void anOpenConnectionDropsWhenTheNetworkIsCut(DataSource dataSource, Faults faults)
                throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                faults.cut();
                assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(sqlState(e)).startsWith("08"));
            }
        }

        @Test
        void aTimeoutToxicStallsTheQueryThenTheDriverSeesTheConnectionClose(
                DataSource dataSource, Faults faults) throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                faults.timeout(Duration.ofMillis(500));
                long started = System.nanoTime();
                assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(sqlState(e)).startsWith("08"));
                // stalled for the toxic's timeout at least; a loaded machine may add seconds, never
                // remove any
                assertThat((System.nanoTime() - started) / 1_000_000)
                        .isGreaterThanOrEqualTo(400L)
                        .isLessThan(30_000L);
            }
        }

        @Test
        void aResetPeerToxicBreaksTheConnection(DataSource dataSource, Faults faults)
                throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                faults.resetPeer(Duration.ZERO);
                assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(sqlState(e)).startsWith("08"));
            }
        }

        @Test
        void limitedBandwidthSlowsALargeResultInProportion(
                DataSource dataSource, Faults faults, ProdEnvironment environment)
                throws Throwable {
            String large = TestEngine.of(environment).largeResult();
            long unthrottled = millisToRead(dataSource, large);
            long[] throttled = new long[1];
            faults.during(
                    f -> f.bandwidth(200), () -> throttled[0] = millisToRead(dataSource, large));
            System.out.printf(
                    "%s: 400 KB result: %d ms unthrottled, %d ms at 200 KB/s (expected about 2000)%n",
                    environment.engine(), unthrottled, throttled[0]);
            // 400 KB at 200 KB/s cannot take less than about 2 s, however fast the machine; a
            // loaded one only adds
            assertThat(throttled[0]).isGreaterThanOrEqualTo(1500L);
            assertThat(throttled[0]).isGreaterThan(3 * unthrottled);
        }

        @Test
        void limitDataCutsTheConnectionAfterTheLimit(
                DataSource dataSource, Faults faults, ProdEnvironment environment)
                throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                faults.limitData(20_000);
                assertThatThrownBy(
                                () -> {
                                    try (ResultSet rows =
                                            connection
                                                    .createStatement()
                                                    .executeQuery(
                                                            TestEngine.of(environment)
                                                                    .largeResult())) {
                                        while (rows.next()) {
                                            rows.getString(1);
                                        }
                                    }
                                })
                        .isInstanceOf(SQLException.class);
            }
            // the limit is per connection: a new one gets a small answer through
            assertThat(ProdLikeIntegrationTest.query(dataSource, "select 1")).isEqualTo("1");
        }

        @Test
        void duringRestoresEvenWhenTheActionThrows(Faults faults) throws Exception {
            assertThatThrownBy(
                            () ->
                                    faults.during(
                                            f -> f.latency(Duration.ofMillis(100)).cut(),
                                            () -> {
                                                throw new IllegalStateException("boom");
                                            }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(toxiproxy(faults).isEnabled()).isTrue();
            assertThat(toxiproxy(faults).toxics().getAll()).isEmpty();
        }

        @Test
        @Latency(millis = 200)
        void aMethodAnnotationAppliesToThatTestOnly(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(NetworkLatencyTest.roundTripMillis(connection))
                        .isGreaterThanOrEqualTo(200L);
            }
        }

        @Test
        @Toxic(type = ToxicType.DOWN)
        void aDownToxicRefusesConnections(DataSource dataSource, Faults faults) {
            assertThat(toxiproxy(faults).isEnabled()).isFalse();
            assertThatThrownBy(() -> millisToRead(dataSource, "select 1"))
                    .isInstanceOf(SQLException.class);
        }

        /**
         * Leaves faults behind on purpose. Repetitions run in order, so the second and third start with the
         * first's faults on the proxy unless they were cleared: {@link #noFaultIsLeftFromAnEarlierTest} checks.
         */
        @RepeatedTest(3)
        void leavesFaultsBehind(Faults faults) throws Exception {
            faults.latency(Duration.ofMillis(50)).bandwidth(10).cut();
            assertThat(toxiproxy(faults).isEnabled()).as("cut").isFalse();
            assertThat(toxiproxy(faults).toxics().getAll()).as("latency and bandwidth").hasSize(2);
        }
    }
}
