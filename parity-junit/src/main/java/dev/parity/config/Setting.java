package dev.parity.config;

import java.util.Locale;
import java.util.Optional;
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
        String fix = "Set it to " + min + " or more " + unit + ", for example -D" + name + "=" + example + ".";
        long number = wholeNumber(otherwise, fix);
        if (number < min) {
            throw invalid("is below " + min, fix, null);
        }
        return number;
    }

    /** {@code true} or {@code false} (any case); false if unset. */
    public boolean flag() {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("is neither true nor false", "Set -D" + name + "=true, or =false (the default).", null);
        };
    }

    /** "system property x: 'v' {what}. {fix}", for a value that cannot be honoured. */
    public ProblemException invalid(String what, String fix, Throwable cause) {
        return new ProblemException(new Problem(Location.of(kind + " " + name), "'" + value.orElse("") + "' " + what, fix), cause);
    }
}
