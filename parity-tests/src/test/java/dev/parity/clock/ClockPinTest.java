package dev.parity.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClockPinTest {

    private static final String ZONE_HINT =
            "use a region id such as 'Europe/Berlin' (see java.time.ZoneId.getAvailableZoneIds())";
    private static final String LOCALE_HINT =
            "use a language tag such as 'de-DE' or 'tr-TR' (see java.util.Locale.getAvailableLocales())";

    @Test
    void acceptsRegionIdsAndReportsOffsetsTheWayTheJvmWill() {
        assertThat(ClockPin.timeZone("America/Sao_Paulo"))
                .isEqualTo(new ClockPin(ZoneId.of("America/Sao_Paulo"), null, null));
        // TimeZone knows offsets only as "GMT+hh:mm", and that is what ZoneId.systemDefault() will
        // say
        assertThat(ClockPin.timeZone("+05:30").zone()).isEqualTo(ZoneId.of("GMT+05:30"));
        assertThat(ClockPin.timeZone("Z").zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void rejectsUnknownZoneIdsWithAFix() {
        assertThatThrownBy(() -> ClockPin.timeZone("Mars/Olympus"))
                .isInstanceOf(InvalidClockPinException.class)
                .hasMessage("'Mars/Olympus' is not a time zone id known to this JVM; " + ZONE_HINT);
        assertThatThrownBy(() -> ClockPin.timeZone("europe/berlin"))
                .hasMessage(
                        "'europe/berlin' is not a time zone id known to this JVM; "
                                + ZONE_HINT
                                + "; did you mean 'Europe/Berlin'?");
        assertThatThrownBy(() -> ClockPin.timeZone("PST"))
                .hasMessage(
                        "'PST' is not a time zone id known to this JVM; "
                                + ZONE_HINT
                                + "; did you mean 'America/Los_Angeles'?");
        assertThatThrownBy(() -> ClockPin.timeZone(""))
                .hasMessage("'' is not a time zone id known to this JVM; " + ZONE_HINT);
    }

    @Test
    void rejectsZonesJavaKnowsButTheDatabasesDoNot() {
        assertThatThrownBy(() -> ClockPin.timeZone("SystemV/EST5"))
                .isInstanceOf(InvalidClockPinException.class)
                .hasMessage(
                        "'SystemV/EST5' is a zone java.time still knows but the tz database dropped in 2020 (database servers and"
                                + " containers do not know it); "
                                + ZONE_HINT
                                + " or an offset such as '-05:00'");
        // 'EST' is rejected as unknown (Java's ZoneId has no such region); 'CET' is a region of the
        // tz database, with its DST
        assertThatThrownBy(() -> ClockPin.timeZone("EST"))
                .hasMessageStartingWith("'EST' is not a time zone id known to this JVM");
        assertThat(ClockPin.timeZone("CET").zone()).isEqualTo(java.time.ZoneId.of("CET"));
    }

    @Test
    void rejectsZoneIdsThatTimeZoneWouldSilentlyTurnIntoGmt() {
        assertThatThrownBy(() -> ClockPin.timeZone("UT+01:00"))
                .isInstanceOf(InvalidClockPinException.class)
                .hasMessage(
                        "'UT+01:00' is a java.time zone id that java.util.TimeZone does not understand"
                                + " (it would silently become GMT); "
                                + ZONE_HINT
                                + " or an offset such as '+01:00'");
    }

    @Test
    void acceptsWellFormedTagsOfKnownLanguagesAndRegions() {
        assertThat(ClockPin.locale("tr-TR").locale()).isEqualTo(new Locale("tr", "TR"));
        assertThat(ClockPin.locale("es-419").locale()).isEqualTo(new Locale("es", "419"));
        assertThat(ClockPin.locale("de-DE-u-co-phonebk").locale().getUnicodeLocaleType("co"))
                .isEqualTo("phonebk");
    }

    @Test
    void rejectsIllFormedOrUnknownTagsWithAFix() {
        assertThatThrownBy(() -> ClockPin.locale("xx-YY-invalid"))
                .isInstanceOf(InvalidClockPinException.class)
                .hasMessage(
                        "'xx-YY-invalid' has language 'xx', which is not a language known to this JVM; "
                                + LOCALE_HINT);
        assertThatThrownBy(() -> ClockPin.locale("tr_TR"))
                .hasMessage(
                        "'tr_TR' is not a well-formed BCP 47 language tag (Invalid subtag: tr_TR [at index 0]); "
                                + LOCALE_HINT);
        assertThatThrownBy(() -> ClockPin.locale("de-XX"))
                .hasMessage(
                        "'de-XX' has region 'XX', which is not a region known to this JVM; "
                                + LOCALE_HINT);
        assertThatThrownBy(() -> ClockPin.locale("und"))
                .hasMessage("'und' names no language; " + LOCALE_HINT);
        assertThatThrownBy(() -> ClockPin.locale(""))
                .hasMessage(
                        "'' is not a well-formed BCP 47 language tag (Empty subtag [at index 0]); "
                                + LOCALE_HINT);
    }

    @Test
    void rejectsUnparsableInstantsWithAFix() {
        assertThatThrownBy(() -> ClockPin.timeZone("Europe/Berlin", "2024-03-31 01:30"))
                .isInstanceOf(InvalidClockPinException.class)
                .hasMessage(
                        "'2024-03-31 01:30' is not an ISO-8601 instant;"
                                + " use a UTC instant with a trailing 'Z', such as '2024-03-31T01:30:00Z'");
    }

    @Test
    void systemClockTicksInThePinnedZone() {
        Clock clock = ClockPin.timeZone("Asia/Tokyo").clock();

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void fixedClockStandsStillAtTheInstantInThePinnedZone() {
        Clock clock = ClockPin.timeZone("Europe/Berlin", "2024-03-31T01:30:00Z").clock();

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        // 01:30Z is just after Berlin skipped from 02:00 to 03:00 local time
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.parse("2024-03-31T03:30:00"));
    }

    @Test
    void combinesZoneAndLocaleAndTheLaterPinWins() {
        ClockPin pin =
                ClockPin.timeZone("Asia/Tokyo", "2024-01-01T00:00:00Z")
                        .and(ClockPin.locale("ja-JP"))
                        .and(ClockPin.timeZone("Europe/Lisbon"));

        assertThat(pin)
                .isEqualTo(new ClockPin(ZoneId.of("Europe/Lisbon"), null, new Locale("ja", "JP")));
        assertThat(ClockPin.NONE.and(ClockPin.NONE)).isEqualTo(ClockPin.NONE);
    }

    @Test
    void aLocaleOnlyPinHasNoClock() {
        assertThatThrownBy(() -> ClockPin.locale("de-DE").clock())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no time zone is pinned, so there is no clock to create");
    }
}
