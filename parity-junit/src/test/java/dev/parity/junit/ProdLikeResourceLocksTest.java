package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.jupiter.api.parallel.Resources;

/** Which JUnit locks a @ProdLike class holds, as decided at discovery from its profile. */
class ProdLikeResourceLocksTest {

    @ProdLike
    static class NoPinningProfile {
    }

    @ProdLike("tokyo")
    static class TokyoProfile {
    }

    @ProdLike
    static class AnyProfileOfTheFile {
    }

    @Test
    void aProfileThatPinsNothingOnlyReadsTheZoneAndSystemProperties() {
        assertThat(new ProdLikeResourceLocks().provideForClass(NoPinningProfile.class))
                .containsExactlyInAnyOrder(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ),
                        new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aProfileThatPinsZoneAndLocaleWritesThem() {
        String before = System.getProperty("parity.config");
        System.setProperty("parity.config", "profiles/zones.yml");
        try {
            Set<Lock> expected = Set.of(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE),
                    new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE),
                    new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));
            assertThat(new ProdLikeResourceLocks().provideForClass(TokyoProfile.class)).isEqualTo(expected);
            // no profile named: the active one is only known when the class runs, so any pinning profile counts
            assertThat(new ProdLikeResourceLocks().provideForClass(AnyProfileOfTheFile.class)).isEqualTo(expected);
        } finally {
            if (before == null) {
                System.clearProperty("parity.config");
            } else {
                System.setProperty("parity.config", before);
            }
        }
    }
}
