package dev.parity.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

@StartFromDistinctJvmGlobals
class JvmClockStateTest {

    private static final JvmGlobals START = JvmGlobals.DISTINCT;

    @Test
    void pinningAZoneSetsTimeZoneAndPropertyAndLeavesLocalesAlone() {
        JvmClockState.pin(ClockPin.timeZone("America/Sao_Paulo"));

        assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Sao_Paulo");
        assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(JvmGlobals.read())
                .isEqualTo(
                        new JvmGlobals(
                                "America/Sao_Paulo",
                                "America/Sao_Paulo",
                                START.locale(),
                                START.displayLocale(),
                                START.formatLocale()));
    }

    @Test
    void pinningALocaleSetsEveryCategoryAndLeavesTheZoneAlone() {
        Locale turkish = Locale.forLanguageTag("tr-TR");

        JvmClockState.pin(ClockPin.locale("tr-TR"));

        assertThat(JvmGlobals.read())
                .isEqualTo(new JvmGlobals(START.timeZoneId(), null, turkish, turkish, turkish));
    }

    @Test
    void restoresEachSettingExactlyIncludingAnAbsentProperty() {
        JvmClockState saved =
                JvmClockState.pin(ClockPin.timeZone("Asia/Tokyo").and(ClockPin.locale("de-DE")));

        saved.restore();

        assertThat(JvmGlobals.read()).isEqualTo(START);
    }

    @Test
    void restoresAPropertyThatWasPresent() {
        System.setProperty("user.timezone", "Pacific/Chatham");
        JvmClockState saved = JvmClockState.pin(ClockPin.timeZone("Asia/Tokyo"));

        saved.close();

        assertThat(System.getProperty("user.timezone")).isEqualTo("Pacific/Chatham");
    }

    @Test
    void restoresOnlyOnce() {
        JvmClockState saved = JvmClockState.pin(ClockPin.timeZone("Asia/Tokyo"));
        saved.restore();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Lisbon"));

        saved.restore();
        saved.close();

        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Lisbon");
    }

    @Test
    void restoringAZonePinNeverTouchesTheLocaleSomeoneElseOwns() {
        JvmClockState zoneOnly = JvmClockState.pin(ClockPin.timeZone("Asia/Tokyo"));
        Locale.setDefault(Locale.ITALY); // e.g. a concurrent @PinLocale test

        zoneOnly.restore();

        assertThat(JvmGlobals.read())
                .isEqualTo(
                        new JvmGlobals(
                                START.timeZoneId(),
                                null,
                                Locale.ITALY,
                                Locale.ITALY,
                                Locale.ITALY));
    }

    @Test
    void capturedStatesCompareByTheirValues() {
        JvmClockState before = JvmClockState.capture();
        JvmClockState pinned = JvmClockState.pin(ClockPin.locale("de-DE"));

        assertThat(JvmClockState.capture()).isNotEqualTo(before);
        pinned.restore();
        assertThat(JvmClockState.capture()).isEqualTo(before).hasSameHashCodeAs(before);
    }
}
