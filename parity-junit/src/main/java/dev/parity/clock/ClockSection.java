package dev.parity.clock;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Reads a profile's {@code timezone:}, {@code locale:} and {@code clock:}, validated as the annotations are. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClockSection {

    public static final List<String> CLOCK_KEYS = List.of("fixed");

    private ClockSection() {}

    /**
     * What the profile pins.
     *
     * @param pin    the zone, fixed instant and locale ({@link ClockPin#NONE} if none)
     * @param origin where the zone (or else the locale) was written, e.g. {@code profile 'x' (parity.yml, line 4)}
     */
    public record Pinned(ClockPin pin, String origin) {}

    public static Pinned read(Section profile, String profileName, List<Problem> problems) {
        String path = profile.path();
        ClockPin pin = ClockPin.NONE;
        Optional<String> zone = profile.text("timezone", "Europe/Berlin");
        Optional<String> fixed =
                profile.mapping("clock", "clock:\n  fixed: 2024-03-31T01:30:00Z")
                        .flatMap(
                                clock ->
                                        new Section(clock, path + " > clock", CLOCK_KEYS, problems)
                                                .instant("fixed", "2024-03-31T01:30:00Z"));
        if (zone.isPresent() || fixed.isPresent()) {
            try {
                ClockPin.timeZone(
                        zone.orElse("UTC")); // the zone alone first: a bad instant is the clock's
                // fault, not the zone's
                try {
                    pin = pin.and(ClockPin.timeZone(zone.orElse("UTC"), fixed.orElse("")));
                } catch (InvalidClockPinException e) {
                    problems.add(
                            new Problem(
                                    profile.valueLocation("clock"),
                                    "invalid clock in " + path + ": " + e.getMessage(),
                                    ""));
                }
            } catch (InvalidClockPinException e) {
                problems.add(
                        new Problem(
                                profile.valueLocation("timezone"),
                                "invalid timezone in " + path + ": " + e.getMessage(),
                                ""));
            }
        }
        Optional<String> locale = profile.text("locale", "de-DE");
        if (locale.isPresent()) {
            try {
                pin = pin.and(ClockPin.locale(locale.get()));
            } catch (InvalidClockPinException e) {
                problems.add(
                        new Problem(
                                profile.valueLocation("locale"),
                                "invalid locale in " + path + ": " + e.getMessage(),
                                ""));
            }
        }
        Location at =
                profile.keyLocation("timezone")
                        .or(() -> profile.keyLocation("locale"))
                        .orElse(null);
        return new Pinned(
                pin, "profile '" + profileName + "'" + (at != null ? " (" + at + ")" : ""));
    }
}
