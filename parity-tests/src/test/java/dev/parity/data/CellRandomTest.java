package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counter-based random source: SplitMix64, the same values for the same seed, and its bounds. */
class CellRandomTest {

    @Test
    void isSplitMix64() {
        // the reference sequence of SplitMix64 seeded with 0
        CellRandom random = new CellRandom().seed(0);
        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void theSameSeedGivesTheSameValuesWhateverCameBefore() {
        CellRandom first = new CellRandom().seed(42);
        CellRandom second = new CellRandom().seed(7);
        for (int i = 0; i < 100; i++) {
            second.nextLong();
        }
        second.seed(42);
        for (int i = 0; i < 100; i++) {
            assertThat(second.nextLong()).isEqualTo(first.nextLong());
        }
        assertThat(new CellRandom().seed(43).nextLong())
                .isNotEqualTo(new CellRandom().seed(42).nextLong());
    }

    @Test
    void boundedValuesStayWithinTheirBounds() {
        CellRandom random = new CellRandom().seed(1);
        Set<Integer> ints = new HashSet<>();
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int n = random.nextInt(7);
            long l = random.nextLong(1_000_000_007L);
            long zero = random.nextLong(1);
            double d = random.nextDouble();
            if (n < 0 || n > 6 || l < 0 || l >= 1_000_000_007L || zero != 0 || d < 0 || d >= 1) {
                outside.add(n + " " + l + " " + zero + " " + d);
            }
            ints.add(n);
        }
        assertThat(outside).isEmpty();
        assertThat(ints).hasSize(7);
    }

    @Test
    void chancesOfZeroAndOneAreCertain() {
        CellRandom random = new CellRandom().seed(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(random.chance(0)).isFalse();
            assertThat(random.chance(-1)).isFalse();
            assertThat(random.chance(1)).isTrue();
        }
    }

    @Test
    void mixingTwoValuesDependsOnTheirOrder() {
        assertThat(CellRandom.mix(1, 2)).isNotEqualTo(CellRandom.mix(2, 1));
        assertThat(CellRandom.mix(1, 2)).isEqualTo(CellRandom.mix(1, 2));
        assertThat(CellRandom.mix(0L))
                .isZero(); // the finalizer alone maps 0 to 0: hence the counter
    }

    @Test
    void hashesOfNamesAreStable() {
        assertThat(CellRandom.hash("")).isEqualTo(CellRandom.mix(1125899906842597L));
        assertThat(CellRandom.hash("a")).isEqualTo(CellRandom.mix(31 * 1125899906842597L + 'a'));
        assertThat(CellRandom.hash("orders"))
                .isEqualTo(CellRandom.hash("orders"))
                .isNotEqualTo(CellRandom.hash("order"));
    }
}
