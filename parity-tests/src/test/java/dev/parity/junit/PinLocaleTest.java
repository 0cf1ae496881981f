package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@StartFromDistinctJvmGlobals
class PinLocaleTest {

    @Test
    void theTestSeesThePinnedLocaleInEveryCategoryAndTheJvmGetsItsOwnBackExactly() {
        Kit.run(Turkish.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void aMethodPinWinsOverTheClassPinForThatMethodOnlyAndFailuresStillRestore() {
        EngineExecutionResults results = Kit.run(ClassAndMethodPins.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(test("failsUnderAMethodPin"), finishedWithFailure(message("boom"))));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void anIllFormedTagFailsTheClassBeforeAnythingIsPinned() {
        EngineExecutionResults results = Kit.run(Underscore.class);

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(Underscore.class),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@PinLocale(\"tr_TR\") on class dev.parity.junit.PinLocaleTest$Underscore is invalid: 'tr_TR'"
                                                        + " is not a well-formed BCP 47 language tag (Invalid subtag: tr_TR [at index 0]);"
                                                        + " use a language tag such as 'de-DE' or 'tr-TR'"
                                                        + " (see java.util.Locale.getAvailableLocales())"))));
        results.testEvents().assertStatistics(s -> s.started(0));
        // the valid @PinTimeZone next to it was not applied either
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void anUnknownLanguageFailsOnlyThatMethod() {
        EngineExecutionResults results = Kit.run(UnknownLanguage.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("martian"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@PinLocale(\"xx-YY-invalid\") on method dev.parity.junit.PinLocaleTest$UnknownLanguage"
                                                        + "#martian() is invalid: 'xx-YY-invalid' has language 'xx', which is not a language"
                                                        + " known to this JVM; use a language tag such as 'de-DE' or 'tr-TR'"
                                                        + " (see java.util.Locale.getAvailableLocales())"))));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    static void assertLocale(String tag) {
        Locale expected = Locale.forLanguageTag(tag);
        assertThat(Locale.getDefault()).isEqualTo(expected);
        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(expected);
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(expected);
    }

    @PinLocale("tr-TR")
    static class Turkish {
        @Test
        void casesWithDotlessI() {
            assertLocale("tr-TR");
            assertThat("TITLE".toLowerCase()).isEqualTo("t\u0131tle");
            assertThat("title".toUpperCase()).isEqualTo("T\u0130TLE");
            assertThat("TITLE".toLowerCase(Locale.ROOT)).isEqualTo("title");
        }

        @Test
        void formatsTurkishAndLeavesTheZoneAlone() {
            assertThat(String.format("%.2f", 1234.5)).isEqualTo("1234,50");
            assertThat(JvmGlobals.read().timeZoneId()).isEqualTo(JvmGlobals.DISTINCT.timeZoneId());
            assertThat(System.getProperty("user.timezone")).isNull();
        }
    }

    @PinLocale("tr-TR")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClassAndMethodPins {
        @Test
        @Order(1)
        @PinLocale("de-DE")
        void methodPinWins() {
            assertLocale("de-DE");
            assertThat(
                            DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                                    .format(LocalDate.of(2024, 3, 31)))
                    .isEqualTo("Sonntag, 31. M\u00e4rz 2024");
            assertThat(NumberFormat.getInstance().format(1234.5)).isEqualTo("1.234,5");
        }

        @Test
        @Order(2)
        @PinLocale("en-US")
        void failsUnderAMethodPin() {
            throw new IllegalStateException("boom");
        }

        @Test
        @Order(3)
        void classPinIsBack() {
            assertLocale("tr-TR");
        }

        @AfterAll
        static void classPinIsStillInPlace() {
            assertLocale("tr-TR");
        }
    }

    @PinTimeZone("Asia/Tokyo")
    @PinLocale("tr_TR")
    static class Underscore {
        @Test
        void neverRuns() {}
    }

    static class UnknownLanguage {
        @Test
        @PinLocale("xx-YY-invalid")
        void martian() {}

        @Test
        @PinLocale("es-419")
        void latinAmericanSpanish() {
            assertLocale("es-419");
        }
    }
}
