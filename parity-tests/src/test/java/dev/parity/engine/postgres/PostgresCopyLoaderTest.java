package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import dev.parity.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code -Dparity.load.keepIndexes}: true or false, where {@code Boolean.getBoolean} took "yes" for false without a word. */
class PostgresCopyLoaderTest {

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void keepIndexesIsTrueOrFalse() {
        assertThat(PostgresCopyLoader.keepIndexes()).isFalse();
        try {
            System.setProperty(Settings.LOAD_KEEP_INDEXES.name(), "true");
            assertThat(PostgresCopyLoader.keepIndexes()).isTrue();
            System.setProperty(Settings.LOAD_KEEP_INDEXES.name(), "yes");
            assertThatThrownBy(PostgresCopyLoader::keepIndexes)
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "system property "
                                    + "parity.load.keepIndexes: 'yes' is neither true nor false. Set -Dparity.load.keepIndexes=true, or =false (the default).");
        } finally {
            System.clearProperty(Settings.LOAD_KEEP_INDEXES.name());
        }
    }
}
