package dev.parity.engine.mariadb;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import dev.parity.engine.spec.DatabaseSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** MariaDB's character sets and collations, as far as they can be checked without a server, and the server's arguments for them. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MariaDbCharacters {

    /**
     * MariaDB's character sets and their default collations ({@code SHOW CHARACTER SET} of 10.11; 11.x makes
     * the Unicode ones default to {@code _uca1400_ai_ci}), plus {@code utf8}, which means {@code utf8mb3}.
     */
    public static final Map<String, String> DEFAULT_COLLATIONS = collations();

    private MariaDbCharacters() {}

    private static Map<String, String> collations() {
        Map<String, String> collations = new LinkedHashMap<>();
        for (String charset :
                List.of(
                        "armscii8",
                        "ascii",
                        "cp1250",
                        "cp1251",
                        "cp1256",
                        "cp1257",
                        "cp850",
                        "cp852",
                        "cp866",
                        "geostd8",
                        "greek",
                        "hebrew",
                        "keybcs2",
                        "koi8r",
                        "koi8u",
                        "latin2",
                        "latin7",
                        "macce",
                        "macroman",
                        "ucs2",
                        "utf16",
                        "utf16le",
                        "utf32",
                        "utf8mb3",
                        "utf8mb4")) {
            collations.put(charset, charset + "_general_ci");
        }
        collations.putAll(
                Map.of(
                        "big5",
                        "big5_chinese_ci",
                        "gb2312",
                        "gb2312_chinese_ci",
                        "gbk",
                        "gbk_chinese_ci",
                        "cp932",
                        "cp932_japanese_ci",
                        "eucjpms",
                        "eucjpms_japanese_ci",
                        "sjis",
                        "sjis_japanese_ci",
                        "ujis",
                        "ujis_japanese_ci",
                        "euckr",
                        "euckr_korean_ci",
                        "tis620",
                        "tis620_thai_ci",
                        "binary",
                        "binary"));
        collations.putAll(
                Map.of(
                        "dec8",
                        "dec8_swedish_ci",
                        "swe7",
                        "swe7_swedish_ci",
                        "hp8",
                        "hp8_english_ci",
                        "latin1",
                        "latin1_swedish_ci",
                        "latin5",
                        "latin5_turkish_ci",
                        "utf8",
                        "utf8mb3_general_ci"));
        return Map.copyOf(collations);
    }

    /** The MariaDB character set a collation belongs to: the longest known one its name starts with, then '_'. */
    public static Optional<String> charsetOf(String collation) {
        String name = collation.toLowerCase(Locale.ROOT);
        if (name.equals("binary")) {
            return Optional.of("binary");
        }
        return DEFAULT_COLLATIONS.keySet().stream()
                .filter(charset -> name.startsWith(charset + "_"))
                .max(Comparator.comparingInt(String::length))
                .map(charset -> charset.equals("utf8") ? "utf8mb3" : charset);
    }

    /** The arguments of {@code mariadbd} for {@code characters}: the character set and, always beside it, a collation of that set. */
    public static List<String> arguments(DatabaseSpec.Characters characters) {
        String collation = characters.collation();
        String charset =
                characters.encoding() != null
                        ? characters.encoding().toLowerCase(Locale.ROOT)
                        : collation == null ? null : charsetOf(collation).orElse(null);
        if (collation == null && charset != null) {
            // the image's configuration may name a collation of another set, which the server
            // refuses to start with
            collation = DEFAULT_COLLATIONS.get(charset);
        }
        ArrayList<String> arguments = new ArrayList<>();
        if (charset != null) {
            arguments.add("--character-set-server=" + charset);
        }
        if (collation != null) {
            arguments.add("--collation-server=" + collation);
        }
        return arguments;
    }

    /** The profile's encoding, collation and ctype, against what MariaDB knows; settings that would contradict them. */
    static void check(DatabaseSpec spec, Section database, List<Problem> problems) {
        DatabaseSpec.Characters characters = spec.characters();
        String path = database.path();
        if (characters.ctype() != null) {
            problems.add(
                    new Problem(
                            database.valueLocation("ctype"),
                            "ctype '"
                                    + characters.ctype()
                                    + "' in "
                                    + path
                                    + " has no meaning on MariaDB, which would ignore it",
                            "Remove it: on MariaDB, the character set (encoding) and the "
                                    + "collation decide what is a letter and how text compares."));
        }
        String charset = null;
        if (characters.encoding() != null) {
            charset = characters.encoding().toLowerCase(Locale.ROOT);
            if (!DEFAULT_COLLATIONS.containsKey(charset)) {
                List<String> known = DEFAULT_COLLATIONS.keySet().stream().sorted().toList();
                problems.add(
                        new Problem(
                                database.valueLocation("encoding"),
                                "encoding '"
                                        + characters.encoding()
                                        + "' in "
                                        + path
                                        + " is not a MariaDB character set",
                                Suggestions.didYouMean(charset, known)
                                        + "Character sets: "
                                        + String.join(", ", known)
                                        + "."));
                charset = null;
            } else if (charset.equals("utf8")) {
                charset = "utf8mb3";
            }
        }
        if (characters.collation() != null) {
            checkCollation(characters.collation(), charset, database, problems);
        }
        if (characters.encoding() != null || characters.collation() != null) {
            Map<String, Location> written =
                    database.valueNode("settings") instanceof YamlNode.Mapping mapping
                            ? mapping.keyLocations()
                            : Map.of();
            spec.settings().keySet().stream()
                    .filter(
                            name ->
                                    List.of("character_set_server", "collation_server")
                                            .contains(
                                                    name.toLowerCase(Locale.ROOT)
                                                            .replace('-', '_')))
                    .forEach(
                            name ->
                                    problems.add(
                                            new Problem(
                                                    written.getOrDefault(
                                                            name,
                                                            database.valueLocation("settings")),
                                                    "setting '"
                                                            + name
                                                            + "' in "
                                                            + path
                                                            + ".settings sets what the "
                                                            + "profile's encoding and collation set already, and one of the two would be ignored",
                                                    "Remove the setting: from "
                                                            + "encoding and collation, Parity sets character_set_server and collation_server.")));
        }
    }

    private static void checkCollation(
            String collation, String charset, Section database, List<Problem> problems) {
        Location at = database.valueLocation("collation");
        String what = "collation '" + collation + "' in " + database.path();
        if (collation.startsWith(DatabaseSpec.Characters.ICU)) {
            problems.add(
                    new Problem(
                            at,
                            what + " is an ICU locale, but MariaDB has no ICU collations",
                            "Write a MariaDB collation, for example utf8mb4_unicode_ci or utf8mb4_uca1400_ai_ci (11.x): SHOW COLLATION lists them."));
            return;
        }
        Optional<String> owner = charsetOf(collation);
        if (owner.isEmpty()) {
            problems.add(
                    new Problem(
                            at,
                            what + " does not start with a MariaDB character set",
                            "Write the collation's full name, character set first, for example utf8mb4_unicode_ci: SHOW COLLATION lists them."));
        } else if (charset != null && !owner.get().equals(charset)) {
            problems.add(
                    new Problem(
                            at,
                            what
                                    + " is a collation of "
                                    + owner.get()
                                    + ", but the encoding is "
                                    + charset
                                    + ", and MariaDB refuses to start with the two",
                            "Write a collation of "
                                    + charset
                                    + " (for example "
                                    + DEFAULT_COLLATIONS.get(charset)
                                    + "), or encoding: "
                                    + owner.get()
                                    + "."));
        }
    }
}
