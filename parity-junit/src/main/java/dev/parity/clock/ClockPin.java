package dev.parity.clock;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What to pin: a time zone (optionally with the instant a {@link Clock} is frozen at) and/or a default locale.
 * A {@code null} component is not pinned. Instances are only created from validated values, so applying one
 * (see {@link JvmClockState#pin(ClockPin)}) cannot fail half-way because of bad input.
 *
 * @param zone the zone to pin, as the JVM will report it from {@link ZoneId#systemDefault()}; {@code null}: not pinned
 * @param fixedAt the instant a pinned {@link #clock()} is frozen at; {@code null}: the clock ticks
 * @param locale the locale to pin for all categories; {@code null}: not pinned
 */
@API(status = INTERNAL, since = "0.1")
public record ClockPin(ZoneId zone, Instant fixedAt, Locale locale) {

    /** Pins nothing; the neutral element of {@link #and(ClockPin)}. */
    public static final ClockPin NONE = new ClockPin(null, null, null);

    private static final String ZONE_HINT =
            "use a region id such as 'Europe/Berlin' (see java.time.ZoneId.getAvailableZoneIds())";
    private static final String LOCALE_HINT =
            "use a language tag such as 'de-DE' or 'tr-TR' (see java.util.Locale.getAvailableLocales())";

    public ClockPin {
        if (fixedAt != null && zone == null) {
            throw new IllegalArgumentException(
                    "a fixed instant needs a time zone to be pinned too");
        }
    }

    /** A ticking clock in the given zone, e.g. {@code "America/Sao_Paulo"}. */
    public static ClockPin timeZone(String zoneId) {
        return timeZone(zoneId, "");
    }

    /**
     * The given zone; if {@code fixedAt} is not empty, the {@link #clock()} is frozen at that ISO-8601 instant,
     * e.g. {@code "2024-03-31T01:30:00Z"}.
     */
    public static ClockPin timeZone(String zoneId, String fixedAt) {
        ZoneId zone = parseZone(zoneId);
        Instant instant =
                Objects.requireNonNull(fixedAt, "fixedAt").isEmpty() ? null : parseInstant(fixedAt);
        return new ClockPin(zone, instant, null);
    }

    /** A default locale from a BCP 47 language tag, e.g. {@code "tr-TR"}. */
    public static ClockPin locale(String languageTag) {
        return new ClockPin(null, null, parseLocale(languageTag));
    }

    /** This pin with every component that {@code other} pins replaced by {@code other}'s. */
    public ClockPin and(ClockPin other) {
        return other.zone != null
                ? new ClockPin(
                        other.zone, other.fixedAt, other.locale != null ? other.locale : locale)
                : new ClockPin(zone, fixedAt, other.locale != null ? other.locale : locale);
    }

    public boolean pinsTimeZone() {
        return zone != null;
    }

    public boolean pinsLocale() {
        return locale != null;
    }

    /** The system clock in the pinned zone, or a clock fixed at {@link #fixedAt()} in that zone. */
    public Clock clock() {
        if (zone == null) {
            throw new IllegalStateException(
                    "no time zone is pinned, so there is no clock to create");
        }
        return fixedAt == null ? Clock.system(zone) : Clock.fixed(fixedAt, zone);
    }

    private static ZoneId parseZone(String id) {
        Objects.requireNonNull(id, "zoneId");
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidClockPinException(
                    "'"
                            + id
                            + "' is not a time zone id known to this JVM; "
                            + ZONE_HINT
                            + suggestionFor(id),
                    e);
        }
        // Java still knows the SystemV zones, which the tz database dropped in 2020: the database
        // servers and the
        // container's TZ do not, so the zone could not be pinned where the profile promises
        if (zone.getId().startsWith("SystemV/")) {
            throw new InvalidClockPinException(
                    "'"
                            + id
                            + "' is a zone java.time still knows but the tz database dropped in 2020"
                            + " (database servers and containers do not know it); "
                            + ZONE_HINT
                            + " or an offset such as '-05:00'");
        }
        // java.util.TimeZone silently falls back to GMT for ids it does not understand (e.g.
        // "UT+01:00");
        // pinning must never do that, and must report the zone exactly as ZoneId.systemDefault()
        // will.
        ZoneId asSeenByJvm = TimeZone.getTimeZone(zone).toZoneId();
        if (!asSeenByJvm.getRules().equals(zone.getRules())) {
            throw new InvalidClockPinException(
                    "'"
                            + id
                            + "' is a java.time zone id that java.util.TimeZone does not"
                            + " understand (it would silently become GMT); "
                            + ZONE_HINT
                            + " or an offset such as '+01:00'");
        }
        return asSeenByJvm;
    }

    private static String suggestionFor(String id) {
        Optional<String> sameIgnoringCase =
                ZoneId.getAvailableZoneIds().stream()
                        .filter(known -> known.equalsIgnoreCase(id))
                        .findFirst();
        return sameIgnoringCase
                .or(() -> Optional.ofNullable(ZoneId.SHORT_IDS.get(id)))
                .map(suggestion -> "; did you mean '" + suggestion + "'?")
                .orElse("");
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidClockPinException(
                    "'"
                            + text
                            + "' is not an ISO-8601 instant;"
                            + " use a UTC instant with a trailing 'Z', such as '2024-03-31T01:30:00Z'",
                    e);
        }
    }

    private static Locale parseLocale(String tag) {
        Objects.requireNonNull(tag, "languageTag");
        Locale locale;
        try {
            // Locale.forLanguageTag never fails, it silently drops what it cannot parse; the
            // builder is strict.
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidClockPinException(
                    "'"
                            + tag
                            + "' is not a well-formed BCP 47 language tag ("
                            + e.getMessage()
                            + "); "
                            + LOCALE_HINT,
                    e);
        }
        // Well-formed is not enough: "xx-YY" is well-formed but would format like the root locale.
        if (locale.getLanguage().isEmpty()) {
            throw new InvalidClockPinException("'" + tag + "' names no language; " + LOCALE_HINT);
        }
        if (!KnownLocales.LANGUAGES.contains(locale.getLanguage())) {
            throw new InvalidClockPinException(
                    "'"
                            + tag
                            + "' has language '"
                            + locale.getLanguage()
                            + "', which is not a language known to this JVM; "
                            + LOCALE_HINT);
        }
        if (!locale.getCountry().isEmpty() && !KnownLocales.REGIONS.contains(locale.getCountry())) {
            throw new InvalidClockPinException(
                    "'"
                            + tag
                            + "' has region '"
                            + locale.getCountry()
                            + "', which is not a region known to this JVM; "
                            + LOCALE_HINT);
        }
        return locale;
    }

    /** Computed on first use only: listing the available locales is not free. */
    private static final class KnownLocales {
        static final Set<String> LANGUAGES =
                Stream.concat(
                                Arrays.stream(Locale.getISOLanguages()),
                                Arrays.stream(Locale.getAvailableLocales())
                                        .map(Locale::getLanguage))
                        .collect(Collectors.toUnmodifiableSet());
        static final Set<String> REGIONS =
                Stream.concat(
                                Arrays.stream(Locale.getISOCountries()),
                                Arrays.stream(Locale.getAvailableLocales()).map(Locale::getCountry))
                        .collect(Collectors.toUnmodifiableSet());
    }
}
