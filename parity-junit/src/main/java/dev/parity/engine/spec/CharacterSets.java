package dev.parity.engine.spec;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.engine.Engine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

/**
 * The profile's encoding, collation and ctype, read as names; what each engine knows of them is the engine's
 * ({@link Engine#checkCharacters}). Whether a locale exists in the image only initdb or the server can tell, at the start.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CharacterSets {

    /** What a locale, collation or encoding name is made of; no quotes, no white space. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@=;:+-]+");

    /** What only the engine tells: names it does not know, keys it has no meaning for, a collation of another character set. */
    static void checkForEngine(DatabaseSpec spec, Section database, List<Problem> problems) {
        spec.engine().checkCharacters(spec, database, problems);
    }

    private CharacterSets() {}

    /** A value of {@code key} that no engine could take: white space, quotes; an ICU collation without a locale; PostgreSQL's name of one. */
    static Optional<String> read(
            Section database, String key, String example, List<Problem> problems) {
        Optional<String> value = database.text(key, example);
        if (value.isEmpty()) {
            return value;
        }
        String text = value.get();
        Location at = database.valueLocation(key);
        String what = key + " '" + text + "' in " + database.path();
        if (!NAME.matcher(text).matches()) {
            problems.add(
                    new Problem(
                            at,
                            what
                                    + " is not a name a server knows: it has characters other than letters, digits and . _ - @ = ; : +",
                            "Write the server's name of it, for example "
                                    + key
                                    + ": "
                                    + example
                                    + "."));
            return Optional.empty();
        }
        if (key.equals("collation") && text.toLowerCase(Locale.ROOT).endsWith("-x-icu")) {
            String locale = text.substring(0, text.length() - "-x-icu".length());
            problems.add(
                    new Problem(
                            at,
                            what
                                    + " is the name of one of PostgreSQL's ICU collations, not of a locale",
                            "Write collation: icu:"
                                    + locale
                                    + " (the database's default collation is then ICU's "
                                    + locale
                                    + ")."));
            return Optional.empty();
        }
        if (text.regionMatches(
                true, 0, DatabaseSpec.Characters.ICU, 0, DatabaseSpec.Characters.ICU.length())) {
            if (!key.equals("collation")) {
                problems.add(
                        new Problem(
                                at,
                                what + " names an ICU locale, but ICU gives only collations",
                                "Write the ICU locale as collation: "
                                        + text
                                        + ", and leave "
                                        + key
                                        + " to the image or give it a libc locale such as "
                                        + "en_US.UTF-8."));
                return Optional.empty();
            }
            if (text.length() == DatabaseSpec.Characters.ICU.length()) {
                problems.add(
                        new Problem(
                                at,
                                what + " names no ICU locale",
                                "Write the locale after icu:, for example collation: icu:en-US "
                                        + "(or icu:und, ICU's root collation)."));
                return Optional.empty();
            }
            return Optional.of(
                    DatabaseSpec.Characters.ICU
                            + text.substring(DatabaseSpec.Characters.ICU.length()));
        }
        return value;
    }

    /** The major version an image's tag starts with ({@code postgres:14.9-alpine}: 14), if it does. */
    public static Optional<Integer> majorVersion(String image) {
        try {
            String tag = DockerImageName.parse(image).getVersionPart();
            Matcher digits = Pattern.compile("^(\\d+)").matcher(tag);
            return digits.find()
                    ? Optional.of(Integer.parseInt(digits.group(1)))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
