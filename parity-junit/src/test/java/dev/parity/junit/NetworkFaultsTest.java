package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults switched on from inside tests, against a real PostgreSQL behind a real Toxiproxy. Tests run in
 * random order and each starts by checking that no earlier test's fault is left.
 */
@ProdLike
@TestMethodOrder(MethodOrderer.Random.class)
class NetworkFaultsTest {

    /** About 400 KB of rows. */
    private static final String LARGE_RESULT = "select repeat('x', 400) from generate_series(1, 1000)";

    /** Only what this test declares is on the proxy, whatever earlier tests switched on. */
    @BeforeEach
    void noFaultIsLeftFromAnEarlierTest(Faults faults, TestInfo test) throws Exception {
        Method method = test.getTestMethod().orElseThrow();
        assertThat(faults.proxy().isEnabled()).isEqualTo(!method.isAnnotationPresent(Toxic.class));
        assertThat(faults.proxy().toxics().getAll()).hasSize(method.isAnnotationPresent(Latency.class) ? 1 : 0);
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

    @Test
    void aCutNetworkFailsFastAndRestoreBringsItBack(DataSource dataSource, Faults faults) throws Exception {
        faults.cut();
        long started = System.nanoTime();
        // Docker still accepts on the published port, then the disabled proxy closes: the driver gives up at once
        assertThatThrownBy(() -> millisToRead(dataSource, "select 1")).isInstanceOf(SQLException.class)
                .hasMessage("The connection attempt failed.");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);

        faults.restore();
        assertThat(ProdLikeIntegrationTest.query(dataSource, "select 42")).isEqualTo("42");
    }

    @Test
    void anOpenConnectionDropsWhenTheNetworkIsCut(DataSource dataSource, Faults faults) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            faults.cut();
            assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
        }
    }

    @Test
    void aTimeoutToxicStallsTheQueryThenTheDriverSeesTheConnectionClose(DataSource dataSource, Faults faults) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            faults.timeout(Duration.ofMillis(500));
            long started = System.nanoTime();
            assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("An I/O error occurred while sending to the backend")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(400L, 5000L);
        }
    }

    @Test
    void aResetPeerToxicBreaksTheConnection(DataSource dataSource, Faults faults) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            faults.resetPeer(Duration.ZERO);
            assertThatThrownBy(() -> connection.createStatement().executeQuery("select 1"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
        }
    }

    @Test
    void limitedBandwidthSlowsALargeResultInProportion(DataSource dataSource, Faults faults) throws Throwable {
        long unthrottled = millisToRead(dataSource, LARGE_RESULT);
        long[] throttled = new long[1];
        faults.during(f -> f.bandwidth(200), () -> throttled[0] = millisToRead(dataSource, LARGE_RESULT));
        System.out.printf("400 KB result: %d ms unthrottled, %d ms at 200 KB/s (expected about 2000)%n", unthrottled, throttled[0]);
        assertThat(throttled[0]).isBetween(1500L, 6000L);
        assertThat(throttled[0]).isGreaterThan(5 * unthrottled);
    }

    @Test
    void limitDataCutsTheConnectionAfterTheLimit(DataSource dataSource, Faults faults) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            faults.limitData(20_000);
            assertThatThrownBy(() -> {
                try (ResultSet rows = connection.createStatement().executeQuery(LARGE_RESULT)) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            }).isInstanceOf(SQLException.class);
        }
        assertThat(ProdLikeIntegrationTest.query(dataSource, "select 1")).as("a new connection after restore").isNotNull();
    }

    @Test
    void duringRestoresEvenWhenTheActionThrows(Faults faults) throws Exception {
        assertThatThrownBy(() -> faults.during(f -> f.latency(Duration.ofMillis(100)).cut(), () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(faults.proxy().isEnabled()).isTrue();
        assertThat(faults.proxy().toxics().getAll()).isEmpty();
    }

    @Test
    @Latency(millis = 200)
    void aMethodAnnotationAppliesToThatTestOnly(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(NetworkLatencyTest.roundTripMillis(connection)).isBetween(200L, 1000L);
        }
    }

    @Test
    @Toxic(type = "down")
    void aDownToxicRefusesConnections(DataSource dataSource) {
        assertThatThrownBy(() -> millisToRead(dataSource, "select 1")).isInstanceOf(SQLException.class);
    }

    /** Leaves faults behind on purpose; the next test's check proves they were cleared. */
    @RepeatedTest(3)
    void leavesFaultsBehind(Faults faults) {
        faults.latency(Duration.ofMillis(50)).bandwidth(10).cut();
    }
}
