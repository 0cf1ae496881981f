package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** How the loaded tables are shared among ANALYZE sessions. */
class ParallelAnalyzeTest {

    private static final ToLongFunction<Long> ROWS = Long::longValue;

    @Test
    void theLargestTablesGoFirstEachToTheLightestSession() {
        List<List<Long>> groups =
                ParallelAnalyze.split(List.of(10L, 1_000_000L, 400_000L, 500_000L, 20L), ROWS, 2);

        assertThat(groups)
                .containsExactly(List.of(1_000_000L), List.of(500_000L, 400_000L, 20L, 10L));
    }

    /** Northwind's orders (30,000 rows, 14 columns) took four times as long as its order details (300,000, 5). */
    @Test
    void aTableCostsTheRowsAnalyzeSamplesTimesItsColumns() {
        assertThat(ParallelAnalyze.cost(30_000, 14))
                .isGreaterThan(ParallelAnalyze.cost(300_000, 5));
        assertThat(ParallelAnalyze.cost(5_000_000, 5)).isEqualTo(ParallelAnalyze.cost(30_000, 5));
        assertThat(ParallelAnalyze.cost(100, 3)).isEqualTo(300);
        assertThat(ParallelAnalyze.cost(0, 3)).isZero();
        assertThat(ParallelAnalyze.cost(10, 0)).isEqualTo(10);
    }

    @Test
    void noMoreSessionsThanTablesAndOneForNone() {
        assertThat(ParallelAnalyze.split(List.of(5L), ROWS, 4)).containsExactly(List.of(5L));
        assertThat(ParallelAnalyze.split(List.<Long>of(), ROWS, 4)).containsExactly(List.of());
        assertThat(ParallelAnalyze.split(List.of(5L, 6L), ROWS, 0))
                .containsExactly(List.of(6L, 5L));
    }

    /** Every table in exactly one session, no session empty, none heavier than the lightest plus the largest table. */
    @Test
    void everyTableOnceAndTheSessionsBalanced() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int run = 0; run < 300; run++) {
            List<Long> tables = new ArrayList<>();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                // a third of the tables empty: they weigh nothing, and still take a session each
                tables.add(random.nextInt(3) == 0 ? 0L : random.nextInt(2_000_000));
            }
            int sessions = 1 + random.nextInt(6);
            List<List<Long>> groups = ParallelAnalyze.split(tables, ROWS, sessions);

            String replay = "seed " + seed + ", run " + run + ": " + tables + " in " + sessions;
            assertThat(groups.stream().flatMap(List::stream).sorted().toList())
                    .as(replay)
                    .isEqualTo(tables.stream().sorted().toList());
            assertThat(groups).as(replay).hasSize(Math.max(1, Math.min(sessions, count)));
            if (count > 0) {
                assertThat(groups).as(replay).allMatch(g -> !g.isEmpty());
                long largest = tables.stream().mapToLong(Long::longValue).max().orElseThrow();
                long[] sums =
                        groups.stream()
                                .mapToLong(g -> g.stream().mapToLong(x -> x).sum())
                                .toArray();
                long min = java.util.Arrays.stream(sums).min().orElseThrow();
                long max = java.util.Arrays.stream(sums).max().orElseThrow();
                assertThat(max - min).as(replay).isLessThanOrEqualTo(largest);
            }
        }
    }
}
