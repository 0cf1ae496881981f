package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Sizes as the load's ceiling message writes them. */
class LoadSizeTest {

    @Test
    void sizesInBinaryUnits() {
        assertThat(LoadSize.size(512)).isEqualTo("512 bytes");
        assertThat(LoadSize.size(20L << 30)).isEqualTo("20.0 GB");
        assertThat(LoadSize.size(120L << 40)).isEqualTo("120.0 TB");
        assertThat(LoadSize.size(Long.MAX_VALUE)).isEqualTo("8.0 EB");
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void theCeilingIsReadStrictly() {
        assertThat(LoadSize.maxBytes()).isEqualTo(20L << 30);
        System.setProperty(LoadSize.MAX_BYTES, "50GB"); // Long.getLong took this for the default
        try {
            assertThatThrownBy(LoadSize::maxBytes).isInstanceOf(ProblemException.class).hasMessage("system property parity.data.maxBytes: "
                    + "'50GB' is not a whole number. Set it to 1 or more bytes, for example -Dparity.data.maxBytes=53687091200.");
            System.setProperty(LoadSize.MAX_BYTES, "1000");
            assertThat(LoadSize.maxBytes()).isEqualTo(1000);
        } finally {
            System.clearProperty(LoadSize.MAX_BYTES);
        }
    }
}
