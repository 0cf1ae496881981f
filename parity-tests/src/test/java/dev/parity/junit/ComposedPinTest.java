package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.support.hierarchical.ExclusiveResource.LockMode.READ;
import static org.junit.platform.engine.support.hierarchical.ExclusiveResource.LockMode.READ_WRITE;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.junit.platform.engine.support.hierarchical.Node;

/** Meta-annotation use, and the resource locks JUnit derives from the annotations, directly or composed. */
@StartFromDistinctJvmGlobals
class ComposedPinTest {

    private static final ExclusiveResource WRITES_ZONE =
            new ExclusiveResource(Resources.TIME_ZONE, READ_WRITE);
    private static final ExclusiveResource WRITES_PROPERTIES =
            new ExclusiveResource(Resources.SYSTEM_PROPERTIES, READ_WRITE);
    private static final ExclusiveResource WRITES_LOCALE =
            new ExclusiveResource(Resources.LOCALE, READ_WRITE);

    @Test
    void aComposedAnnotationPinsBothOnClassesAndMethods() {
        Kit.run(TurkishClass.class, TurkishMethod.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void pinnedClassesAndMethodsCarryReadWriteLocks() {
        TestDescriptor engine = Kit.discover(Locks.class);

        assertThat(locksOf(engine, "ComposedPinTest$Locks"))
                .containsExactlyInAnyOrder(WRITES_ZONE, WRITES_PROPERTIES);
        assertThat(locksOf(engine, "pinsLocale()")).containsExactlyInAnyOrder(WRITES_LOCALE);
        assertThat(locksOf(engine, "composed()"))
                .containsExactlyInAnyOrder(WRITES_ZONE, WRITES_PROPERTIES, WRITES_LOCALE);
        assertThat(locksOf(engine, "onlyReads()"))
                .containsExactlyInAnyOrder(new ExclusiveResource(Resources.TIME_ZONE, READ));
    }

    private static Set<ExclusiveResource> locksOf(TestDescriptor engine, String displayName) {
        TestDescriptor descriptor =
                engine.getDescendants().stream()
                        .filter(d -> d.getDisplayName().equals(displayName))
                        .findFirst()
                        .orElseThrow();
        return ((Node<?>) descriptor).getExclusiveResources();
    }

    static void assertTurkish() {
        PinTimeZoneTest.assertZone("Europe/Istanbul");
        PinLocaleTest.assertLocale("tr-TR");
    }

    @TurkishProduction
    static class TurkishClass {
        @Test
        void isTurkish() {
            assertTurkish();
        }
    }

    static class TurkishMethod {
        @Test
        @TurkishProduction
        void isTurkish() {
            assertTurkish();
        }
    }

    @PinTimeZone("Asia/Tokyo")
    static class Locks {
        @Test
        @PinLocale("ja-JP")
        void pinsLocale() {}

        @Test
        @TurkishProduction
        void composed() {}

        @Test
        @ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
        void onlyReads() {}
    }
}
