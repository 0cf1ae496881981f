package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;

/** Which JUnit locks a class with an environment holds, as decided at discovery from its profile. */
class ProdLikeResourceLocksTest {

    private static final Set<Lock> READS =
            Set.of(
                    new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ),
                    new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ));
    private static final Set<Lock> WRITES =
            Set.of(
                    new Lock(Resources.TIME_ZONE, ResourceAccessMode.READ_WRITE),
                    new Lock(Resources.SYSTEM_PROPERTIES, ResourceAccessMode.READ_WRITE),
                    new Lock(Resources.LOCALE, ResourceAccessMode.READ_WRITE));

    @ProdLike
    static class NoPinningProfile {}

    @ProdLike("tokyo")
    static class TokyoProfile {}

    @ProdLike
    static class AnyProfileOfTheFile {}

    @Latency(millis = 10)
    static class OnlyLatency {
        @Test
        void test() {}
    }

    @Toxic(type = ToxicType.DOWN)
    static class OnlyToxic {
        @Test
        void test() {}
    }

    @Dataset(table = "customers", rows = 1)
    static class OnlyDataset {
        @Test
        void test() {}
    }

    static class Outer {
        @Nested
        @ProdLike("tokyo")
        class InTokyo {
            @Test
            void test() {}
        }
    }

    @Test
    void aProfileThatPinsNothingOnlyReadsTheZoneAndSystemProperties() {
        assertThat(ProdLikeResourceLocks.locksFor(NoPinningProfile.class, Optional.empty()))
                .isEqualTo(READS);
    }

    @Test
    void aProfileThatPinsZoneAndLocaleWritesThem() {
        Optional<String> zones = Optional.of("profiles/zones.yml");
        assertThat(ProdLikeResourceLocks.locksFor(TokyoProfile.class, zones)).isEqualTo(WRITES);
        // no profile named: the active one is only known when the class runs, so any pinning
        // profile counts
        assertThat(ProdLikeResourceLocks.locksFor(AnyProfileOfTheFile.class, zones))
                .isEqualTo(WRITES);
    }

    /** A class a ProdLikeIntegration names shares its environment's proxy: it locks it (MarkedIntegration speaks for this build's tests). */
    @Test
    void aClassThatSharesItsEnvironmentsProxyLocksIt() {
        Lock shared =
                new Lock(ProdLikeIntegration.SHARED_PROXY_LOCK, ResourceAccessMode.READ_WRITE);
        assertThat(new ProdLikeResourceLocks().provideForClass(SharedProxyTest.Quiet.class))
                .contains(shared);
        assertThat(new ProdLikeResourceLocks().provideForClass(SharedProxyTest.OwnProxy.class))
                .doesNotContain(shared);
    }

    @Test
    void anUnreadableFileTakesEveryLockAndLeavesTheErrorToTheClass() {
        assertThat(
                        ProdLikeResourceLocks.locksFor(
                                NoPinningProfile.class, Optional.of("profiles/malformed.yml")))
                .isEqualTo(WRITES);
    }

    /** The provider JUnit calls reads parity.config from the system properties, which is why it is read-locked. */
    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void theProviderReadsTheFileTheSystemPropertyNames() {
        String before = System.getProperty("parity.config");
        try {
            System.setProperty("parity.config", "profiles/zones.yml");
            assertThat(new ProdLikeResourceLocks().provideForClass(AnyProfileOfTheFile.class))
                    .isEqualTo(WRITES);
            System.clearProperty("parity.config");
            assertThat(new ProdLikeResourceLocks().provideForClass(AnyProfileOfTheFile.class))
                    .as("parity.yml pins nothing")
                    .isEqualTo(READS);
        } finally {
            restore(before);
        }
    }

    /** A @Nested class with a profile of its own locks as a top-level class does. */
    @Test
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void aNestedClassWithItsOwnProfileTakesItsLocks() {
        String before = System.getProperty("parity.config");
        try {
            System.setProperty("parity.config", "profiles/zones.yml");
            TestDescriptor outer = Kit.discover(Outer.class).getChildren().iterator().next();
            TestDescriptor nested = outer.getChildren().iterator().next();
            assertThat(locksOf(nested))
                    .containsExactlyInAnyOrder(
                            Resources.TIME_ZONE + " " + ExclusiveResource.LockMode.READ_WRITE,
                            Resources.SYSTEM_PROPERTIES
                                    + " "
                                    + ExclusiveResource.LockMode.READ_WRITE,
                            Resources.LOCALE + " " + ExclusiveResource.LockMode.READ_WRITE);
        } finally {
            restore(before);
        }
    }

    private static Set<String> locksOf(TestDescriptor descriptor) {
        return ((Node<?>) descriptor)
                .getExclusiveResources().stream()
                        .map(r -> r.getKey() + " " + r.getLockMode())
                        .collect(Collectors.toSet());
    }

    private static void restore(String parityConfig) {
        if (parityConfig == null) {
            System.clearProperty("parity.config");
        } else {
            System.setProperty("parity.config", parityConfig);
        }
    }

    /** Every annotation that can start an environment takes @ProdLike's locks: a zone-pinning profile makes them write locks. */
    @ParameterizedTest
    @ValueSource(classes = {OnlyLatency.class, OnlyToxic.class, OnlyDataset.class})
    @ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
    void latencyToxicAndDatasetAloneTakeTheSameLocks(Class<?> fixture) {
        String before = System.getProperty("parity.config");
        try {
            System.setProperty("parity.config", "profiles/zones.yml");
            TestDescriptor classDescriptor = Kit.discover(fixture).getChildren().iterator().next();
            assertThat(locksOf(classDescriptor))
                    .containsExactlyInAnyOrder(
                            Resources.TIME_ZONE + " " + ExclusiveResource.LockMode.READ_WRITE,
                            Resources.SYSTEM_PROPERTIES
                                    + " "
                                    + ExclusiveResource.LockMode.READ_WRITE,
                            Resources.LOCALE + " " + ExclusiveResource.LockMode.READ_WRITE);
        } finally {
            restore(before);
        }
    }
}
