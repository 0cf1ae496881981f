package dev.parity.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.ProdLike;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The order page lists 50 orders and must answer within its 300 ms budget. Production's network costs 20 ms a round
 * trip (the profile's latency toxic): the Boot service's own pool, wired by Parity, goes through it.
 */
@ProdLike
@SpringBootTest
@DisplayName(
        "Spring case 1 · latency: the order page's totals within 300 ms over production's network (latency toxic)")
class Case1PageDeadlineTest {

    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final List<Long> PAGE = LongStream.rangeClosed(1, 50).boxed().toList();

    @Autowired OrderTotals totals;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("guarded: one query for the page stays within the budget")
    void onePageOneQuery() {
        totals.of(PAGE); // the pool's first connection is not the page's cost
        long started = System.nanoTime();
        Map<Long, BigDecimal> page = totals.of(PAGE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(page).hasSize(50);
        assertThat(took).isLessThan(BUDGET);
    }

    @Test
    @DisplayName("naive twin: a query per order pays the round trip 50 times and misses the budget")
    void theNaiveTwinMissesTheBudget() {
        NaiveOrderTotals naive = new NaiveOrderTotals(jdbc);
        naive.of(PAGE.subList(0, 1));
        long started = System.nanoTime();
        Map<Long, BigDecimal> page = naive.of(PAGE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(page).isEqualTo(totals.of(PAGE)); // right answer, ...
        assertThat(took).isGreaterThan(BUDGET); // ... too late: 50 × 20 ms of network alone
        System.out.printf("Spring case 1: the naive page took %d ms%n", took.toMillis());
    }
}
