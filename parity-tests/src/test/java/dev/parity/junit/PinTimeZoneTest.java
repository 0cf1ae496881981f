package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@StartFromDistinctJvmGlobals
class PinTimeZoneTest {

    @Test
    void theTestSeesThePinnedZoneEverywhereAndTheJvmGetsItsOwnBackExactly() {
        Kit.run(SaoPaulo.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void subclassesInheritThePin() {
        Kit.run(InheritsSaoPaulo.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void restoresAfterFailingTests() {
        Kit.run(FailingUnderPins.class).testEvents().assertStatistics(s -> s.started(2).failed(2));

        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void restoresTheMethodPinWhenABeforeEachMethodThrows() {
        EngineExecutionResults results = Kit.run(ThrowingBeforeEach.class);

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(test("pinned"), finishedWithFailure(message("@BeforeEach failed"))));
        results.containerEvents()
                .assertStatistics(s -> s.failed(0)); // @AfterAll saw the class pin again
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void restoresWhenALaterExtensionFailsInBeforeAll() {
        EngineExecutionResults results = Kit.run(PinThenFailingExtension.class);

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(PinThenFailingExtension.class),
                                finishedWithFailure(
                                        message("beforeAll failed while the zone was Asia/Tokyo"),
                                        nothingSuppressed())));
        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void hasNothingToRestoreWhenAnEarlierExtensionFailsInBeforeAll() {
        EngineExecutionResults results = Kit.run(FailingExtensionThenPin.class);

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(FailingExtensionThenPin.class),
                                finishedWithFailure(
                                        message(
                                                "beforeAll failed while the zone was Pacific/Chatham"),
                                        nothingSuppressed())));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void aMethodPinWinsOverTheClassPinForThatMethodOnly() {
        EngineExecutionResults results = Kit.run(ClassAndMethodPins.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void nestedClassesUseTheNearestPin() {
        EngineExecutionResults results = Kit.run(NestedPins.class);

        results.testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void anUnknownZoneFailsTheClassBeforeAnythingIsPinned() {
        EngineExecutionResults results = Kit.run(UnknownZone.class);

        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(UnknownZone.class),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@PinTimeZone(\"Mars/Olympus\") on class dev.parity.junit.PinTimeZoneTest$UnknownZone is"
                                                        + " invalid: 'Mars/Olympus' is not a time zone id known to this JVM; use a region id"
                                                        + " such as 'Europe/Berlin' (see java.time.ZoneId.getAvailableZoneIds())"))));
        results.testEvents().assertStatistics(s -> s.started(0));
        // the valid @PinLocale next to it was not applied either
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @Test
    void anUnparsableInstantFailsOnlyThatMethod() {
        EngineExecutionResults results = Kit.run(UnparsableInstant.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("lastTuesday"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@PinTimeZone(value = \"Europe/Berlin\", fixedAt = \"last Tuesday\") on method"
                                                        + " dev.parity.junit.PinTimeZoneTest$UnparsableInstant#lastTuesday() is invalid:"
                                                        + " 'last Tuesday' is not an ISO-8601 instant; use a UTC instant with a trailing 'Z',"
                                                        + " such as '2024-03-31T01:30:00Z'"))));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    private static Condition<Throwable> nothingSuppressed() {
        return new Condition<>(t -> t.getSuppressed().length == 0, "nothing suppressed");
    }

    static void assertZone(String id) {
        assertThat(TimeZone.getDefault().getID()).isEqualTo(id);
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of(id));
        assertThat(System.getProperty("user.timezone")).isEqualTo(id);
    }

    @PinTimeZone("America/Sao_Paulo")
    static class SaoPaulo {
        @Test
        void seesTheZone() {
            assertZone("America/Sao_Paulo");
            assertThat(Calendar.getInstance().getTimeZone().getID()).isEqualTo("America/Sao_Paulo");
            assertThat(new SimpleDateFormat("yyyy-MM-dd HH:mm").format(new Date(0)))
                    .isEqualTo("1969-12-31 21:00");
            assertThat(
                            LocalDateTime.ofInstant(
                                    Instant.parse("2024-01-15T12:00:00Z"), ZoneId.systemDefault()))
                    .isEqualTo(LocalDateTime.parse("2024-01-15T09:00:00"));
            assertThat(JvmGlobals.read().locale()).isEqualTo(JvmGlobals.DISTINCT.locale());
        }
    }

    static class InheritsSaoPaulo extends SaoPaulo {}

    @PinTimeZone("Asia/Tokyo")
    static class FailingUnderPins {
        @Test
        void failsUnderTheClassPin() {
            fail("boom");
        }

        @Test
        @PinTimeZone("Europe/Lisbon")
        void throwsUnderAMethodPin() {
            throw new IllegalStateException("boom");
        }
    }

    @PinTimeZone("Asia/Tokyo")
    static class ThrowingBeforeEach {
        @BeforeEach
        void fails() {
            throw new IllegalStateException("@BeforeEach failed");
        }

        @Test
        @PinTimeZone("Europe/Lisbon")
        void pinned() {}

        @AfterAll
        static void classPinIsBack() {
            assertZone("Asia/Tokyo");
        }
    }

    static final class FailsInBeforeAll implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            throw new IllegalStateException(
                    "beforeAll failed while the zone was " + TimeZone.getDefault().getID());
        }
    }

    @PinTimeZone("Asia/Tokyo")
    @ExtendWith(FailsInBeforeAll.class)
    static class PinThenFailingExtension {
        @Test
        void neverRuns() {}
    }

    @ExtendWith(FailsInBeforeAll.class)
    @PinTimeZone("Asia/Tokyo")
    static class FailingExtensionThenPin {
        @Test
        void neverRuns() {}
    }

    @PinTimeZone("Asia/Tokyo")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClassAndMethodPins {
        private String zoneInBeforeEach;

        @BeforeAll
        static void classPinIsInPlace() {
            assertZone("Asia/Tokyo");
        }

        @BeforeEach
        void recordZone() {
            zoneInBeforeEach = TimeZone.getDefault().getID();
        }

        @Test
        @Order(1)
        @PinTimeZone("America/Sao_Paulo")
        void methodPinWins() {
            assertZone("America/Sao_Paulo");
            assertThat(zoneInBeforeEach).isEqualTo("America/Sao_Paulo");
        }

        @Test
        @Order(2)
        void classPinIsBackAfterAMethodPin() {
            assertZone("Asia/Tokyo");
        }

        @AfterAll
        static void classPinIsStillInPlace() {
            assertZone("Asia/Tokyo");
        }
    }

    @PinTimeZone("Asia/Tokyo")
    static class NestedPins {
        @Test
        void outer() {
            assertZone("Asia/Tokyo");
        }

        @Nested
        class WithoutOwnPin {
            @Test
            void usesTheEnclosingPin() {
                assertZone("Asia/Tokyo");
            }
        }

        @Nested
        @PinTimeZone("Europe/Lisbon")
        class WithOwnPin {
            @Test
            void usesItsOwnPin() {
                assertZone("Europe/Lisbon");
            }

            @Nested
            class Deeper {
                @Test
                void usesTheNearestPin() {
                    assertZone("Europe/Lisbon");
                }

                @Test
                @PinTimeZone("Africa/Nairobi")
                void methodPinWins() {
                    assertZone("Africa/Nairobi");
                }
            }

            @AfterAll
            static void ownPinStillInPlace() {
                assertZone("Europe/Lisbon");
            }
        }

        @AfterAll
        static void outerPinIsBack() {
            assertZone("Asia/Tokyo");
        }
    }

    @PinTimeZone("Mars/Olympus")
    @PinLocale("tr-TR")
    static class UnknownZone {
        @Test
        void neverRuns() {}
    }

    static class UnparsableInstant {
        @Test
        @PinTimeZone(value = "Europe/Berlin", fixedAt = "last Tuesday")
        void lastTuesday() {}

        @Test
        @PinTimeZone(value = "Europe/Berlin", fixedAt = "2024-03-31T01:30:00Z")
        void validInstant() {
            assertZone("Europe/Berlin");
        }
    }
}
