package dev.parity.clock;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A profile's timezone, locale and fixed clock read from YAML, and each problem at the line it belongs to. */
class ClockSectionTest {

    private static final String ZONE_HINT =
            "use a region id such as 'Europe/Berlin' (see java.time.ZoneId.getAvailableZoneIds())";
    private static final String INSTANT_HINT =
            "use a UTC instant with a trailing 'Z', such as '2024-03-31T01:30:00Z'";

    private final List<Problem> problems = new ArrayList<>();

    private ClockSection.Pinned read(String yaml) {
        return ClockSection.read(profile(yaml, problems), "p", problems);
    }

    @Test
    void nothingPinnedWithoutTheKeys() {
        ClockSection.Pinned pinned = read("seed: 1");
        assertThat(pinned.pin()).isEqualTo(ClockPin.NONE);
        assertThat(pinned.origin()).isEqualTo("profile 'p'");
        assertThat(problems).isEmpty();
    }

    @Test
    void readsZoneInstantAndLocale() {
        ClockSection.Pinned pinned =
                read(
                        """
                seed: 1
                timezone: Europe/Berlin
                locale: de-DE
                clock:
                  fixed: 2024-03-31T01:30:00Z
                """);
        assertThat(problems).isEmpty();
        assertThat(pinned.pin())
                .isEqualTo(
                        new ClockPin(
                                ZoneId.of("Europe/Berlin"),
                                Instant.parse("2024-03-31T01:30:00Z"),
                                Locale.GERMANY));
        assertThat(pinned.origin()).isEqualTo("profile 'p' (t.yml, line 2)");
    }

    @Test
    void aFixedClockWithoutAZoneIsInUtc() {
        ClockSection.Pinned pinned = read("clock: {fixed: '2024-02-29T12:00:00Z'}\nlocale: tr-TR");
        assertThat(problems).isEmpty();
        assertThat(pinned.pin())
                .isEqualTo(
                        new ClockPin(
                                ZoneId.of("UTC"),
                                Instant.parse("2024-02-29T12:00:00Z"),
                                new Locale("tr", "TR")));
        assertThat(pinned.origin()).isEqualTo("profile 'p' (t.yml, line 2)");
    }

    @Test
    void anUnknownZoneIsReportedAtTheZone() {
        read("timezone: Mars/Olympus\nclock:\n  fixed: 2024-03-31T01:30:00Z");
        assertThat(described(problems))
                .containsExactly(
                        "1: invalid timezone in profile 'p': 'Mars/Olympus' is not a time zone id known to this JVM; "
                                + ZONE_HINT
                                + ".");
    }

    @Test
    void aBadInstantIsReportedAtTheClockEvenWithAZone() {
        read("clock:\n  fixed: yesterday");
        read("timezone: Europe/Berlin\nclock:\n  fixed: yesterday");
        assertThat(described(problems))
                .containsExactly(
                        "2: invalid clock in profile 'p': 'yesterday' is not an ISO-8601 instant; "
                                + INSTANT_HINT
                                + ".",
                        "3: invalid clock in profile 'p': 'yesterday' is not an ISO-8601 instant; "
                                + INSTANT_HINT
                                + ".");
    }

    @Test
    void anUnknownLocaleOrClockKeyIsReported() {
        ClockSection.Pinned pinned =
                read("timezone: UTC\nlocale: de_DE\nclock: {fixd: 2024-03-31T01:30:00Z}");
        List<String> described = described(problems);
        assertThat(described).hasSize(2);
        assertThat(described.get(0))
                .isEqualTo(
                        "3: unknown key 'fixd' in profile 'p' > clock. Did you mean 'fixed'? Known keys here: fixed.");
        // between the parentheses: the JDK's own words
        assertThat(described.get(1))
                .startsWith(
                        "2: invalid locale in profile 'p': 'de_DE' is not a well-formed BCP 47 language tag (")
                .endsWith(
                        "); use a language tag such as 'de-DE' or 'tr-TR' (see java.util.Locale.getAvailableLocales()).");
        // what is valid is still pinned
        assertThat(pinned.pin()).isEqualTo(new ClockPin(ZoneId.of("UTC"), null, null));
    }
}
