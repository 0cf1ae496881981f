package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.ProdEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * A database that stops answering (a stalled network, a switch dropping packets) must cost the
 * customer a clear "try again" within the request's deadline, not a page that spins forever.
 */
@DisplayName(
        "Case 4 · latency: order status within a deadline when the network stalls (timeout toxic)")
class Case4DeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    /**
     * How long the caller (the load balancer in front of the shop) waits before it gives up. Six times the
     * deadline: room for a loaded machine, and for the pool replacing a connection the stall broke
     * (its 2 s connection timeout), yet far less than the naive twin hangs: for as long as the stall lasts.
     */
    private static final Duration CALLER_GIVES_UP = Duration.ofSeconds(6);

    @Nested
    @PostgresProduction
    @DisplayName("Case 4 · latency on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {}

    @Nested
    @MariaDbProduction
    @DisplayName("Case 4 · latency on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {}

    /** Written once, run on each engine; the class lifecycle keeps one pool per engine. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        private String engine;
        private HikariDataSource pool;
        private long orderId;

        @BeforeAll
        void pool(ProdEnvironment environment) {
            engine = environment.engine();
            pool =
                    ShopDatabase.pool(
                            environment.jdbcUrl(), environment.username(), environment.password());
            orderId = new OrderStatusLookupFixture(pool).anyOrder();
        }

        @AfterAll
        void closePool() {
            pool.close();
        }

        @Test
        @DisplayName(
                "guarded: socket and query timeouts give a clear error before the caller gives up")
        void failsFastAndClearlyWhenTheNetworkStalls(Faults faults) {
            OrderStatusLookup lookup = new OrderStatusLookup(pool, DEADLINE);
            assertThat(lookup.statusOf(orderId)).isPresent();

            faults.timeout(Duration.ZERO); // data stops flowing; connections stay open
            long started = System.nanoTime();
            assertThatThrownBy(() -> lookup.statusOf(orderId))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageStartingWith(
                            "the status of order "
                                    + orderId
                                    + " did not finish within its 1000 ms deadline")
                    .satisfies(
                            e ->
                                    System.out.printf(
                                            "Case 4 (%s): after %d ms: %s%n",
                                            engine,
                                            (System.nanoTime() - started) / 1_000_000,
                                            e.getMessage()));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CALLER_GIVES_UP);
        }

        @Test
        @DisplayName("naive twin: no timeouts, so the request still hangs when the caller gives up")
        void theNaiveTwinHangs(ProdEnvironment environment, Faults faults) throws Exception {
            try (NaiveOrderStatusLookup naive = new NaiveOrderStatusLookup(environment)) {
                assertThat(naive.statusOf(orderId)).isNotNull();

                faults.timeout(Duration.ZERO);
                assertThatThrownBy(
                                () ->
                                        assertTimeoutPreemptively(
                                                CALLER_GIVES_UP, () -> naive.statusOf(orderId)))
                        .isInstanceOf(AssertionFailedError.class)
                        .hasMessage(
                                "execution timed out after " + CALLER_GIVES_UP.toMillis() + " ms");
            }
        }
    }
}
