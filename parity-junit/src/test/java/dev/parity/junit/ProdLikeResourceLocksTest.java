package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
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
        assertThat(ProdLikeResourceLocks.locksFor(NoPinningProfile.class, Optional.empty()))
                .containsExactlyInAnyOrder(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ),
                        new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
    }

    @Test
    void aProfileThatPinsZoneAndLocaleWritesThem() {
        Set<Lock> expected = Set.of(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE),
                new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE),
                new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));
        Optional<String> zones = Optional.of("profiles/zones.yml");
        assertThat(ProdLikeResourceLocks.locksFor(TokyoProfile.class, zones)).isEqualTo(expected);
        // no profile named: the active one is only known when the class runs, so any pinning profile counts
        assertThat(ProdLikeResourceLocks.locksFor(AnyProfileOfTheFile.class, zones)).isEqualTo(expected);
    }

    @Test
    void anUnreadableFileTakesEveryLockAndLeavesTheErrorToTheClass() {
        assertThat(ProdLikeResourceLocks.locksFor(NoPinningProfile.class, Optional.of("profiles/malformed.yml")))
                .containsExactlyInAnyOrder(new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE),
                        new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE),
                        new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));
    }

    @Test
    void theProviderReadsTheSystemProperty() {
        assertThat(new ProdLikeResourceLocks().provideForClass(NoPinningProfile.class))
                .isEqualTo(ProdLikeResourceLocks.locksFor(NoPinningProfile.class, Optional.ofNullable(System.getProperty("parity.config"))));
    }
}
