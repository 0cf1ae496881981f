package dev.parity.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One of Parity's {@code parity.*} switches, given as a system property or a JUnit configuration parameter,
 * read strictly. The JDK's readers ({@code Long.getLong}, {@code Boolean.getBoolean}) turn a value they cannot
 * parse into the default, so {@code -Dparity.load.keepIndexes=yes} would silently be false: here a value that is
 * set but does not parse is a {@link ProblemException} naming the setting, the value and the form it takes.
 *
 * @param kind  how it was given, for messages: {@code system property} or {@code configuration parameter}
 * @param name  its name, e.g. {@code parity.pull.timeout}
 * @param value its value, stripped; empty if unset or blank (blank counts as unset)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Setting(String kind, String name, Optional<String> value) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|min|h|)");

    public Setting {
        value = value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The system property {@code name}. */
    public static Setting systemProperty(String name) {
        return new Setting("system property", name, Optional.ofNullable(System.getProperty(name)));
    }

    /** The configuration parameter {@code name}, as JUnit found it (in a system property or junit-platform.properties). */
    public static Setting configurationParameter(String name, Optional<String> value) {
        return new Setting("configuration parameter", name, value);
    }

    /** A whole number ({@code _} separators allowed); {@code otherwise} if unset. {@code fix} says what to give instead of a bad value. */
    public long wholeNumber(long otherwise, String fix) {
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.get().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid("is not a whole number", fix, e);
        }
    }

    /** A whole number of {@code unit}s, {@code min} or more; {@code otherwise} if unset. */
    public long atLeast(long min, long otherwise, String unit, long example) {
        String fix =
                "Set it to "
                        + min
                        + " or more "
                        + unit
                        + ", for example -D"
                        + name
                        + "="
                        + example
                        + ".";
        long number = wholeNumber(otherwise, fix);
        if (number < min) {
            throw invalid("is below " + min, fix, null);
        }
        return number;
    }

    /**
     * A positive duration: seconds ({@code 60}), or a number with a unit, {@code ms}, {@code s}, {@code m} or
     * {@code h} ({@code 500ms}, {@code 60s}, {@code 2m}), or ISO-8601 ({@code PT1M}); {@code otherwise} if unset.
     */
    public Duration duration(Duration otherwise) {
        if (value.isEmpty()) {
            return otherwise;
        }
        String text = value.get().toLowerCase(Locale.ROOT).replace(" ", "");
        Duration duration = null;
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long number = Long.parseLong(m.group(1));
            duration =
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(number);
                        case "m", "min" -> Duration.ofMinutes(number);
                        case "h" -> Duration.ofHours(number);
                        default -> Duration.ofSeconds(number);
                    };
        } else if (text.startsWith("pt")) {
            try {
                duration = Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        String fix =
                "Give a duration such as -D"
                        + name
                        + "=60s (or 2m, 500ms, or a number of seconds).";
        if (duration == null) {
            throw invalid("is not a duration", fix, null);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw invalid("is not a positive duration", fix, null);
        }
        return duration;
    }

    /** {@code true} or {@code false} (any case); false if unset. */
    public boolean flag() {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw invalid(
                            "is neither true nor false",
                            "Set -D" + name + "=true, or =false (the default).",
                            null);
        };
    }

    /** "system property x: 'v' {what}. {fix}", for a value that cannot be honoured. */
    public ProblemException invalid(String what, String fix, Throwable cause) {
        return new ProblemException(
                new Problem(
                        Location.of(kind + " " + name), "'" + value.orElse("") + "' " + what, fix),
                cause);
    }
}
