package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A profile's latency toxic, both ways, against a real PostgreSQL behind a real Toxiproxy. */
@ProdLike("slow-network")
class NetworkLatencyTest {

    static long roundTripMillis(Connection connection) throws SQLException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            connection.createStatement().executeQuery("select 1").close();
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
        }
        return best;
    }

    @Test
    void aRoundTripTakesBothLegsOfTheConfiguredLatencyLonger(DataSource dataSource, ProdEnvironment environment) throws SQLException {
        long proxied;
        long direct;
        try (Connection connection = dataSource.getConnection()) {
            proxied = roundTripMillis(connection);
        }
        try (Connection connection = DriverManager.getConnection(environment.directJdbcUrl(), environment.username(), environment.password())) {
            direct = roundTripMillis(connection);
        }
        System.out.printf("latency 150 ms both ways: round trip %d ms through the proxy, %d ms direct, overhead %d ms (configured 300)%n",
                proxied, direct, proxied - direct);
        assertThat(proxied - direct).isBetween(300L, 1000L);
    }

    @Test
    void theProfilesToxicsAreOnTheClassProxy(Faults faults) throws Exception {
        assertThat(faults.proxy().toxics().getAll()).hasSize(2)
                .allSatisfy(toxic -> assertThat(toxic.getName()).startsWith("latency-"));
    }
}
