package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Pinned tests run with everything else concurrent: each must only ever see its own zone and locale, no two
 * tests may write the same setting at once, and declared readers must never overlap a writer.
 */
@StartFromDistinctJvmGlobals
@Timeout(
        value = 60,
        threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a scheduling deadlock fails, not hangs
class ParallelPinTest {

    // tests currently inside a pinned zone / locale; the resource locks must keep each at most 1
    private static final AtomicInteger ZONE_WRITERS = new AtomicInteger();
    private static final AtomicInteger LOCALE_WRITERS = new AtomicInteger();
    private static volatile CyclicBarrier bothUnlockedTestsHaveWritten;

    @RepeatedTest(20)
    void concurrentPinnedTestsEachSeeTheirOwnSettings() {
        EngineExecutionResults results =
                Kit.runInParallel(
                        TokyoClass.class,
                        SaoPauloClass.class,
                        MethodPins.class,
                        ZoneReaders.class,
                        LocaleReaders.class);

        results.testEvents().assertStatistics(s -> s.started(17).succeeded(17).failed(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    /** Shows that the run above is really concurrent and that its checks catch unlocked writers. */
    @Test
    void withoutPinsConcurrentWritersSeeEachOthersZone() {
        bothUnlockedTestsHaveWritten = new CyclicBarrier(2);

        Kit.runInParallel(UnlockedTokyo.class, UnlockedLisbon.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(1).failed(1)); // the last writer wins
    }

    /** Holds the pinned settings for a few milliseconds while checking they stay this test's own. */
    private static void seesOnlyItsOwn(String zoneId, String languageTag)
            throws InterruptedException {
        List<AtomicInteger> writers = new ArrayList<>();
        if (zoneId != null) {
            writers.add(ZONE_WRITERS);
        }
        if (languageTag != null) {
            writers.add(LOCALE_WRITERS);
        }
        int[] writersNow = writers.stream().mapToInt(AtomicInteger::incrementAndGet).toArray();
        try {
            assertThat(writersNow).as("tests writing the same setting at once").containsOnly(1);
            for (int i = 0; i < 3; i++) {
                if (zoneId != null) {
                    assertThat(TimeZone.getDefault().getID()).isEqualTo(zoneId);
                    assertThat(System.getProperty("user.timezone")).isEqualTo(zoneId);
                }
                if (languageTag != null) {
                    PinLocaleTest.assertLocale(languageTag);
                }
                Thread.sleep(2);
            }
        } finally {
            writers.forEach(AtomicInteger::decrementAndGet);
        }
    }

    @PinTimeZone("Asia/Tokyo")
    @PinLocale("ja-JP")
    static class TokyoClass {
        @RepeatedTest(3)
        void tokyo() throws InterruptedException {
            seesOnlyItsOwn("Asia/Tokyo", "ja-JP");
        }
    }

    @PinTimeZone("America/Sao_Paulo")
    @PinLocale("tr-TR")
    static class SaoPauloClass {
        @RepeatedTest(3)
        void saoPaulo() throws InterruptedException {
            seesOnlyItsOwn("America/Sao_Paulo", "tr-TR");
        }
    }

    static class MethodPins {
        @Test
        @PinTimeZone("Europe/Berlin")
        void berlin() throws InterruptedException {
            seesOnlyItsOwn("Europe/Berlin", null);
        }

        @Test
        @PinTimeZone("Australia/Sydney")
        void sydney() throws InterruptedException {
            seesOnlyItsOwn("Australia/Sydney", null);
        }

        @Test
        @PinLocale("de-DE")
        void german() throws InterruptedException {
            seesOnlyItsOwn(null, "de-DE");
        }

        @Test
        @PinLocale("fr-FR")
        void french() throws InterruptedException {
            seesOnlyItsOwn(null, "fr-FR");
        }

        @Test
        @TurkishProduction
        void composed() throws InterruptedException {
            seesOnlyItsOwn("Europe/Istanbul", "tr-TR");
        }
    }

    private static void seesTheUnpinnedZone() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(ZONE_WRITERS.get())
                    .as("tests pinning the zone while a reader runs")
                    .isZero();
            assertThat(TimeZone.getDefault().getID()).isEqualTo(JvmGlobals.DISTINCT.timeZoneId());
            Thread.sleep(2);
        }
    }

    private static void seesTheUnpinnedLocale() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(LOCALE_WRITERS.get())
                    .as("tests pinning the locale while a reader runs")
                    .isZero();
            assertThat(Locale.getDefault(Locale.Category.FORMAT))
                    .isEqualTo(JvmGlobals.DISTINCT.formatLocale());
            Thread.sleep(2);
        }
    }

    // Plain @Test methods, not @RepeatedTest: JUnit 5.14.4 can hang for good when a READ-locked
    // test template runs
    // in parallel next to READ_WRITE holders (a task it defers while awaiting its invocations is
    // never resubmitted).
    static class ZoneReaders {
        @Test
        @ReadsDefaultTimeZone
        void first() throws InterruptedException {
            seesTheUnpinnedZone();
        }

        @Test
        @ReadsDefaultTimeZone
        void second() throws InterruptedException {
            seesTheUnpinnedZone();
        }

        @Test
        @ReadsDefaultTimeZone
        void third() throws InterruptedException {
            seesTheUnpinnedZone();
        }
    }

    @ReadsDefaultLocale // on the class: each of its tests reads
    static class LocaleReaders {
        @Test
        void first() throws InterruptedException {
            seesTheUnpinnedLocale();
        }

        @Test
        void second() throws InterruptedException {
            seesTheUnpinnedLocale();
        }

        @Test
        void third() throws InterruptedException {
            seesTheUnpinnedLocale();
        }
    }

    static class UnlockedTokyo {
        @Test
        void writesWithoutLock() throws Exception {
            writeWaitAndRead("Asia/Tokyo");
        }
    }

    static class UnlockedLisbon {
        @Test
        void writesWithoutLock() throws Exception {
            writeWaitAndRead("Europe/Lisbon");
        }
    }

    private static void writeWaitAndRead(String zoneId) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zoneId));
        bothUnlockedTestsHaveWritten.await(10, TimeUnit.SECONDS);
        assertThat(TimeZone.getDefault().getID()).isEqualTo(zoneId);
    }
}
