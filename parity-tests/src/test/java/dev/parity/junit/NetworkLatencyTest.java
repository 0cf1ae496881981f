package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A profile's latency toxic, both ways, against each engine behind a real Toxiproxy. */
@NeedsDocker
// toxiproxy-java reads the toxics' types with the default locale's toUpperCase(): under a parallel
// Turkish pin, BANDWİDTH
@ReadsDefaultLocale
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

    @Nested
    @ProdLike("slow-network")
    class OnPostgres extends Suite {}

    @Nested
    @ProdLike("mariadb-slow-network")
    class OnMariaDb extends Suite {}

    abstract static class Suite {

        @Test
        void aRoundTripTakesBothLegsOfTheConfiguredLatencyLonger(
                DataSource dataSource, ProdEnvironment environment) throws SQLException {
            long proxied;
            long direct;
            try (Connection connection = dataSource.getConnection()) {
                proxied = roundTripMillis(connection);
            }
            try (Connection connection =
                    DriverManager.getConnection(
                            environment.directJdbcUrl(),
                            environment.username(),
                            environment.password())) {
                direct = roundTripMillis(connection);
            }
            System.out.printf(
                    "%s: latency 150 ms both ways: round trip %d ms through the proxy, %d ms direct, overhead %d ms (configured 300)%n",
                    environment.engine(), proxied, direct, proxied - direct);
            // every round trip through the proxy waits out the toxic's 150 ms each way; a loaded
            // machine adds to either side, so the difference alone could fall short
            assertThat(proxied).isGreaterThanOrEqualTo(300L);
            assertThat(proxied).isGreaterThan(2 * direct);
        }

        @Test
        void theProfilesToxicsAreOnTheClassProxy(Faults faults) throws Exception {
            assertThat(faults.proxy().unwrap(eu.rekawek.toxiproxy.Proxy.class).toxics().getAll())
                    .hasSize(2)
                    .allSatisfy(toxic -> assertThat(toxic.getName()).startsWith("latency-"));
        }
    }
}
