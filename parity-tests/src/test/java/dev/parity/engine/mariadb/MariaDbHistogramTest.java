package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MariaDB's JSON histograms read into bounds and popular values; what is not one reads as none. */
class MariaDbHistogramTest {

    @Test
    void oneValueBucketsArePopularValues() {
        MariaDbHistogram histogram =
                MariaDbHistogram.parse(
                                """
                {"target_histogram_size": 4, "collected_at": "2026-11-26 23:00:00", "collected_by": "10.11.18-MariaDB",
                 "histogram_hb": [{"start": "1", "size": 0.25, "ndv": 1}, {"start": "2", "size": 0.5, "ndv": 1},
                                  {"start": "3", "size": 0.125, "ndv": 4}, {"start": "9", "end": "40", "size": 0.125, "ndv": 20}]}
                """)
                        .orElseThrow();

        assertThat(histogram.bounds()).containsExactly("1", "2", "3", "9", "40");
        assertThat(histogram.popular()).containsExactly("2", "1");
        assertThat(histogram.popularShare()).containsExactly(0.5, 0.25);
    }

    @Test
    void whatIsNoJsonHistogramReadsAsNone() {
        assertThat(MariaDbHistogram.parse(null)).isEmpty();
        assertThat(MariaDbHistogram.parse("\u0001\u0007binary")).isEmpty();
        assertThat(
                        MariaDbHistogram.parse(
                                "{\"histogram_hb\": [{\"start_hex\": \"00\", \"size\": 1}]}"))
                .isEmpty();
        assertThat(MariaDbHistogram.parse("{\"histogram_hb\": [}")).isEmpty();
        assertThat(MariaDbHistogram.parse("{\"other\": []}")).isEmpty();
    }
}
