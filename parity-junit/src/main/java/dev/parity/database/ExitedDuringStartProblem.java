package dev.parity.database;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.spec.DatabaseOrigin;
import dev.parity.engine.spec.DatabaseSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server that exited while starting, told as a problem of the profile: where the server's complaint
 * points (the setting it names, else the settings, else the image), the server's own last words, and
 * what to do.
 */
final class ExitedDuringStartProblem {

    private ExitedDuringStartProblem() {}

    /** @param check what the engine's own check of the settings said, for servers whose images hide it; may be empty */
    static Problem of(
            DatabaseSpec spec,
            DatabaseOrigin origin,
            ContainerExit exit,
            List<String> check,
            Duration after) {
        String what =
                "the "
                        + spec.engine().displayName()
                        + " server ("
                        + spec.image()
                        + ") exited "
                        + Math.max(1, after.toSeconds())
                        + " s into its start: "
                        + exit.describe();
        String said =
                "Its last log lines:"
                        + exit.indentedLines()
                        + (check.isEmpty()
                                ? ""
                                : "\nThe server, asked to check its settings (its image's entrypoint hides what it says):"
                                        + check.stream()
                                                .map(line -> "\n    " + line)
                                                .collect(Collectors.joining()));
        Optional<String> named =
                settingNamedIn(
                        spec, Stream.concat(exit.lastLines().stream(), check.stream()).toList());
        if (named.isPresent()) {
            Location at = origin.setting(named.get()).orElse(origin.settings());
            return new Problem(
                    at,
                    what,
                    said
                            + "\nThe server rejects the setting '"
                            + named.get()
                            + "' written here: correct or remove it, then run again. The container has been removed.");
        }
        Optional<String> created =
                createdWithNamedIn(
                        spec, Stream.concat(exit.lastLines().stream(), check.stream()).toList());
        if (created.isPresent()) {
            String key = created.get();
            Location at = origin.created(key).orElse(origin.image());
            return new Problem(
                    at,
                    what,
                    said
                            + "\nThe server rejects the "
                            + key
                            + " '"
                            + value(spec, key)
                            + "' written here (with this image): "
                            + "correct it, or use an image that has it, then run again. The container has been removed.");
        }
        Location at = spec.settings().isEmpty() ? origin.image() : origin.settings();
        return new Problem(
                at,
                what,
                said
                        + "\nCheck the image and the profile's settings against what the server says, then run again. "
                        + "The container has been removed.");
    }

    /** The first of the spec's settings that the server's lines name (MariaDB writes '-' or '_' alike). */
    private static Optional<String> settingNamedIn(DatabaseSpec spec, List<String> lines) {
        List<String> normalized = lines.stream().map(ExitedDuringStartProblem::normalize).toList();
        return spec.settings().keySet().stream()
                .filter(
                        name ->
                                normalized.stream()
                                        .anyMatch(line -> line.contains(normalize(name))))
                .findFirst();
    }

    /**
     * The first of the spec's encoding, collation and ctype whose value the server's lines quote, as initdb
     * ({@code invalid locale name "de_DE.UTF-8"}, {@code The encoding you selected (LATIN1) and ...}) and MariaDB ({@code Unknown collation: 'utf8mb4_bogus_ci'}) do.
     */
    private static Optional<String> createdWithNamedIn(DatabaseSpec spec, List<String> lines) {
        List<String> lower = lines.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
        return Stream.of("collation", "ctype", "encoding")
                .filter(key -> value(spec, key) != null)
                .filter(
                        key -> {
                            String value = value(spec, key).toLowerCase(Locale.ROOT);
                            String named =
                                    value.startsWith(DatabaseSpec.Characters.ICU)
                                            ? value.substring(DatabaseSpec.Characters.ICU.length())
                                            : value;
                            return lower.stream()
                                    .anyMatch(
                                            line ->
                                                    line.contains("\"" + named + "\"")
                                                            || line.contains("'" + named + "'")
                                                            || line.contains("(" + named + ")"));
                        })
                .findFirst();
    }

    private static String value(DatabaseSpec spec, String key) {
        return switch (key) {
            case "encoding" -> spec.characters().encoding();
            case "collation" -> spec.characters().collation();
            default -> spec.characters().ctype();
        };
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
