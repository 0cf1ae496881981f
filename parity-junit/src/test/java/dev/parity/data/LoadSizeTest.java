package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sizes as the load's ceiling message writes them. */
class LoadSizeTest {

    @Test
    void sizesInBinaryUnits() {
        assertThat(LoadSize.size(512)).isEqualTo("512 bytes");
        assertThat(LoadSize.size(20L << 30)).isEqualTo("20.0 GB");
        assertThat(LoadSize.size(120L << 40)).isEqualTo("120.0 TB");
        assertThat(LoadSize.size(Long.MAX_VALUE)).isEqualTo("8.0 EB");
    }
}
