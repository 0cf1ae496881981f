package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A database that stops answering (a stalled network, a switch dropping packets) must cost the
 * customer a clear "try again" within the request's deadline, not a page that spins forever.
 */
@ProdLike
@DisplayName("Case 4 · latency: order status within a deadline when the network stalls (timeout toxic)")
class Case4DeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static HikariDataSource pool;
    private static long orderId;

    @BeforeAll
    static void pool(ProdEnvironment environment) {
        pool = ShopDatabase.pool(environment.jdbcUrl(), environment.username(), environment.password());
        orderId = new OrderStatusLookupFixture(pool).anyOrder();
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    @DisplayName("guarded: socket and query timeouts give a clear error within the deadline")
    void failsFastAndClearlyWhenTheNetworkStalls(Faults faults) {
        OrderStatusLookup lookup = new OrderStatusLookup(pool, DEADLINE);
        assertThat(lookup.statusOf(orderId)).isPresent();

        faults.timeout(Duration.ZERO); // data stops flowing; connections stay open
        long started = System.nanoTime();
        assertThatThrownBy(() -> lookup.statusOf(orderId))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageStartingWith("the status of order " + orderId + " did not finish within its 1000 ms deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("naive twin: no timeouts, so the request hangs until the caller's own timeout")
    void theNaiveTwinHangs(ProdEnvironment environment, Faults faults) throws Exception {
        NaiveOrderStatusLookup naive = new NaiveOrderStatusLookup(environment);
        assertThat(naive.statusOf(orderId)).isNotNull();

        faults.timeout(Duration.ZERO);
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(4), () -> naive.statusOf(orderId)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("execution timed out after 4000 ms");
    }
}
