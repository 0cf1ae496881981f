package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.parity.clock.JvmGlobals;
import dev.parity.clock.StartFromDistinctJvmGlobals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@StartFromDistinctJvmGlobals
class ClockParameterTest {

    private static final Instant FIXED = Instant.parse("2024-03-31T01:30:00Z");

    @Test
    void injectsTheSystemClockInThePinnedZone() {
        Kit.run(SystemClock.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void injectsAFixedClockWhenFixedAtIsSet() {
        Kit.run(FixedClock.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void doesNotClaimClockParametersWithoutAPinnedZone() {
        EngineExecutionResults results = Kit.run(LocaleOnly.class);

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("wantsAClock"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message(
                                                m ->
                                                        m.startsWith(
                                                                "No ParameterResolver registered for parameter [java.time.Clock clock]")))));
        assertThat(JvmGlobals.read()).isEqualTo(JvmGlobals.DISTINCT);
    }

    @PinTimeZone("Asia/Tokyo")
    static class SystemClock {
        private final Clock constructorClock;

        SystemClock(Clock clock) {
            this.constructorClock = clock;
        }

        @Test
        void ticksInTheClassZone(Clock clock) {
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
            assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
            assertThat(constructorClock.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        }

        @Test
        @PinTimeZone("America/Sao_Paulo")
        void methodPinWins(Clock clock) {
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        }
    }

    @PinTimeZone(value = "Europe/Berlin", fixedAt = "2024-03-31T01:30:00Z")
    static class FixedClock {
        private Clock beforeEachClock;

        @BeforeEach
        void receive(Clock clock) {
            beforeEachClock = clock;
        }

        @Test
        void standsStill(Clock clock) throws InterruptedException {
            assertThat(clock.instant()).isEqualTo(FIXED);
            Thread.sleep(5);
            assertThat(clock.instant()).isEqualTo(FIXED);
            assertThat(LocalDateTime.now(clock))
                    .isEqualTo(LocalDateTime.parse("2024-03-31T03:30:00"));
            assertThat(beforeEachClock).isEqualTo(clock);
        }

        @Nested
        class Inner {
            @Test
            void usesTheEnclosingPin(Clock clock) {
                assertThat(clock).isEqualTo(Clock.fixed(FIXED, ZoneId.of("Europe/Berlin")));
            }
        }
    }

    @PinLocale("de-DE")
    static class LocaleOnly {
        @Test
        void wantsAClock(Clock clock) {}
    }
}
