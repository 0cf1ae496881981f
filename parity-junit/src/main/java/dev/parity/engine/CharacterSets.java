package dev.parity.engine;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

/**
 * The encodings and collations each engine knows, as far as they can be checked without a server: the
 * names of PostgreSQL's server encodings and MariaDB's character sets (with their default collations).
 * Whether a locale exists in the image only initdb or the server can tell, at the start.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CharacterSets {

    /** PostgreSQL's server encodings, as {@code pg_encoding_to_char} names them. */
    public static final List<String> POSTGRES_ENCODINGS = List.of("UTF8", "SQL_ASCII", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5",
            "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10", "WIN1250", "WIN1251", "WIN1252", "WIN1253", "WIN1254", "WIN1255", "WIN1256",
            "WIN1257", "WIN1258", "WIN866", "WIN874", "KOI8R", "KOI8U", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "EUC_CN",
            "EUC_JP", "EUC_JIS_2004", "EUC_KR", "EUC_TW", "MULE_INTERNAL");

    /** Other names PostgreSQL accepts (it ignores case and everything but letters and digits), by their encoding. */
    private static final Map<String, String> POSTGRES_ALIASES = Map.ofEntries(Map.entry("unicode", "UTF8"), Map.entry("iso88591", "LATIN1"),
            Map.entry("iso88592", "LATIN2"), Map.entry("iso88593", "LATIN3"), Map.entry("iso88594", "LATIN4"), Map.entry("iso88599", "LATIN5"),
            Map.entry("iso885910", "LATIN6"), Map.entry("iso885913", "LATIN7"), Map.entry("iso885914", "LATIN8"),
            Map.entry("iso885915", "LATIN9"), Map.entry("iso885916", "LATIN10"), Map.entry("koi8", "KOI8R"), Map.entry("win", "WIN1251"),
            Map.entry("alt", "WIN866"), Map.entry("windows1250", "WIN1250"), Map.entry("windows1251", "WIN1251"),
            Map.entry("windows1252", "WIN1252"), Map.entry("windows1253", "WIN1253"), Map.entry("windows1254", "WIN1254"),
            Map.entry("windows1255", "WIN1255"), Map.entry("windows1256", "WIN1256"), Map.entry("windows1257", "WIN1257"),
            Map.entry("windows1258", "WIN1258"), Map.entry("windows866", "WIN866"), Map.entry("windows874", "WIN874"), Map.entry("tcvn", "WIN1258"),
            Map.entry("tcvn5712", "WIN1258"), Map.entry("vscii", "WIN1258"), Map.entry("abc", "WIN1258"));

    /**
     * MariaDB's character sets and their default collations ({@code SHOW CHARACTER SET} of 10.11; 11.x makes
     * the Unicode ones default to {@code _uca1400_ai_ci}), plus {@code utf8}, which means {@code utf8mb3}.
     */
    public static final Map<String, String> MARIADB_DEFAULT_COLLATIONS = mariaDbCollations();

    /** What a locale, collation or encoding name is made of; no quotes, no white space. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@=;:+-]+");

    private CharacterSets() {
    }

    private static Map<String, String> mariaDbCollations() {
        Map<String, String> collations = new LinkedHashMap<>();
        for (String charset : List.of("armscii8", "ascii", "cp1250", "cp1251", "cp1256", "cp1257", "cp850", "cp852", "cp866", "geostd8",
                "greek", "hebrew", "keybcs2", "koi8r", "koi8u", "latin2", "latin7", "macce", "macroman", "ucs2", "utf16", "utf16le", "utf32",
                "utf8mb3", "utf8mb4")) {
            collations.put(charset, charset + "_general_ci");
        }
        collations.putAll(Map.of("big5", "big5_chinese_ci", "gb2312", "gb2312_chinese_ci", "gbk", "gbk_chinese_ci", "cp932", "cp932_japanese_ci",
                "eucjpms", "eucjpms_japanese_ci", "sjis", "sjis_japanese_ci", "ujis", "ujis_japanese_ci", "euckr", "euckr_korean_ci",
                "tis620", "tis620_thai_ci", "binary", "binary"));
        collations.putAll(Map.of("dec8", "dec8_swedish_ci", "swe7", "swe7_swedish_ci", "hp8", "hp8_english_ci", "latin1", "latin1_swedish_ci",
                "latin5", "latin5_turkish_ci", "utf8", "utf8mb3_general_ci"));
        return Map.copyOf(collations);
    }

    /** The PostgreSQL server encoding {@code name} means, if it means one. */
    public static Optional<String> postgresEncoding(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return POSTGRES_ENCODINGS.stream().filter(encoding -> encoding.toLowerCase(Locale.ROOT).replace("_", "").equals(key)).findFirst()
                .or(() -> Optional.ofNullable(POSTGRES_ALIASES.get(key)));
    }

    /** The MariaDB character set a collation belongs to: the longest known one its name starts with, then '_'. */
    public static Optional<String> mariaDbCharsetOf(String collation) {
        String name = collation.toLowerCase(Locale.ROOT);
        if (name.equals("binary")) {
            return Optional.of("binary");
        }
        return MARIADB_DEFAULT_COLLATIONS.keySet().stream().filter(charset -> name.startsWith(charset + "_"))
                .max(Comparator.comparingInt(String::length)).map(charset -> charset.equals("utf8") ? "utf8mb3" : charset);
    }

    /** The arguments of {@code mariadbd} for {@code characters}: the character set and, always beside it, a collation of that set. */
    public static List<String> mariaDbArguments(DatabaseSpec.Characters characters) {
        String collation = characters.collation();
        String charset = characters.encoding() != null ? characters.encoding().toLowerCase(Locale.ROOT)
                : collation == null ? null : mariaDbCharsetOf(collation).orElse(null);
        if (collation == null && charset != null) {
            // the image's configuration may name a collation of another set, which the server refuses to start with
            collation = MARIADB_DEFAULT_COLLATIONS.get(charset);
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

    /** {@code POSTGRES_INITDB_ARGS} for {@code characters}, each value quoted for the entrypoint's shell; empty for the image's. */
    public static String initdbArguments(DatabaseSpec.Characters characters) {
        ArrayList<String> arguments = new ArrayList<>();
        if (characters.encoding() != null) {
            arguments.add("--encoding=" + quoted(characters.encoding()));
        }
        Optional<String> icu = characters.icuLocale();
        if (icu.isPresent()) {
            arguments.add("--locale-provider=icu");
            arguments.add("--icu-locale=" + quoted(icu.get()));
        } else if (characters.collation() != null) {
            arguments.add("--lc-collate=" + quoted(characters.collation()));
        }
        if (characters.ctype() != null) {
            arguments.add("--lc-ctype=" + quoted(characters.ctype()));
        }
        return String.join(" ", arguments);
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A value of {@code key} that no engine could take: white space, quotes; an ICU collation without a locale; PostgreSQL's name of one. */
    static Optional<String> read(Section database, String key, String example, List<Problem> problems) {
        Optional<String> value = database.text(key, example);
        if (value.isEmpty()) {
            return value;
        }
        String text = value.get();
        Location at = database.valueLocation(key);
        String what = key + " '" + text + "' in " + database.path();
        if (!NAME.matcher(text).matches()) {
            problems.add(new Problem(at, what + " is not a name a server knows: it has characters other than letters, digits and . _ - @ = ; : +",
                    "Write the server's name of it, for example " + key + ": " + example + "."));
            return Optional.empty();
        }
        if (key.equals("collation") && text.toLowerCase(Locale.ROOT).endsWith("-x-icu")) {
            String locale = text.substring(0, text.length() - "-x-icu".length());
            problems.add(new Problem(at, what + " is the name of one of PostgreSQL's ICU collations, not of a locale",
                    "Write collation: icu:" + locale + " (the database's default collation is then ICU's " + locale + ")."));
            return Optional.empty();
        }
        if (text.regionMatches(true, 0, DatabaseSpec.Characters.ICU, 0, DatabaseSpec.Characters.ICU.length())) {
            if (!key.equals("collation")) {
                problems.add(new Problem(at, what + " names an ICU locale, but ICU gives only collations",
                        "Write the ICU locale as collation: " + text + ", and leave " + key + " to the image or give it a libc locale such as "
                                + "en_US.UTF-8."));
                return Optional.empty();
            }
            if (text.length() == DatabaseSpec.Characters.ICU.length()) {
                problems.add(new Problem(at, what + " names no ICU locale", "Write the locale after icu:, for example collation: icu:en-US "
                        + "(or icu:und, ICU's root collation)."));
                return Optional.empty();
            }
            return Optional.of(DatabaseSpec.Characters.ICU + text.substring(DatabaseSpec.Characters.ICU.length()));
        }
        return value;
    }

    /** What only the engine tells: names it does not know, keys it has no meaning for, a collation of another character set. */
    static void checkForEngine(DatabaseSpec spec, Section database, List<Problem> problems) {
        DatabaseSpec.Characters characters = spec.characters();
        Engine engine = spec.engine();
        String path = database.path();
        if (engine.id().equals("postgres")) {
            if (characters.encoding() != null && postgresEncoding(characters.encoding()).isEmpty()) {
                problems.add(new Problem(database.valueLocation("encoding"), "encoding '" + characters.encoding() + "' in " + path
                        + " is not a PostgreSQL server encoding", Suggestions.didYouMean(characters.encoding(), POSTGRES_ENCODINGS)
                        + "Server encodings: " + String.join(", ", POSTGRES_ENCODINGS) + "."));
            }
            if (characters.icuLocale().isPresent()) {
                majorVersion(spec.image()).filter(major -> major < 15).ifPresent(major -> problems.add(new Problem(database.valueLocation("collation"),
                        "collation '" + characters.collation() + "' in " + path + " is an ICU locale, but PostgreSQL " + major + " (" + spec.image()
                                + ") creates databases with ICU only from version 15 on", "Use an image of PostgreSQL 15 or later, or a libc "
                                + "locale such as collation: en_US.UTF-8.")));
            }
        } else if (engine.id().equals("mariadb")) {
            if (characters.ctype() != null) {
                problems.add(new Problem(database.valueLocation("ctype"), "ctype '" + characters.ctype() + "' in " + path
                        + " has no meaning on MariaDB, which would ignore it", "Remove it: on MariaDB, the character set (encoding) and the "
                        + "collation decide what is a letter and how text compares."));
            }
            String charset = null;
            if (characters.encoding() != null) {
                charset = characters.encoding().toLowerCase(Locale.ROOT);
                if (!MARIADB_DEFAULT_COLLATIONS.containsKey(charset)) {
                    List<String> known = MARIADB_DEFAULT_COLLATIONS.keySet().stream().sorted().toList();
                    problems.add(new Problem(database.valueLocation("encoding"), "encoding '" + characters.encoding() + "' in " + path
                            + " is not a MariaDB character set", Suggestions.didYouMean(charset, known) + "Character sets: "
                            + String.join(", ", known) + "."));
                    charset = null;
                } else if (charset.equals("utf8")) {
                    charset = "utf8mb3";
                }
            }
            if (characters.collation() != null) {
                checkMariaDbCollation(characters.collation(), charset, database, problems);
            }
            if (characters.encoding() != null || characters.collation() != null) {
                Map<String, Location> written = database.valueNode("settings") instanceof YamlNode.Mapping mapping
                        ? mapping.keyLocations() : Map.of();
                spec.settings().keySet().stream().filter(name -> List.of("character_set_server", "collation_server")
                        .contains(name.toLowerCase(Locale.ROOT).replace('-', '_'))).forEach(name -> problems.add(new Problem(
                        written.getOrDefault(name, database.valueLocation("settings")), "setting '" + name + "' in " + path + ".settings sets what the "
                        + "profile's encoding and collation set already, and one of the two would be ignored", "Remove the setting: from "
                        + "encoding and collation, Parity sets character_set_server and collation_server.")));
            }
        }
    }

    private static void checkMariaDbCollation(String collation, String charset, Section database, List<Problem> problems) {
        Location at = database.valueLocation("collation");
        String what = "collation '" + collation + "' in " + database.path();
        if (collation.startsWith(DatabaseSpec.Characters.ICU)) {
            problems.add(new Problem(at, what + " is an ICU locale, but MariaDB has no ICU collations",
                    "Write a MariaDB collation, for example utf8mb4_unicode_ci or utf8mb4_uca1400_ai_ci (11.x): SHOW COLLATION lists them."));
            return;
        }
        Optional<String> owner = mariaDbCharsetOf(collation);
        if (owner.isEmpty()) {
            problems.add(new Problem(at, what + " does not start with a MariaDB character set",
                    "Write the collation's full name, character set first, for example utf8mb4_unicode_ci: SHOW COLLATION lists them."));
        } else if (charset != null && !owner.get().equals(charset)) {
            problems.add(new Problem(at, what + " is a collation of " + owner.get() + ", but the encoding is " + charset
                    + ", and MariaDB refuses to start with the two", "Write a collation of " + charset + " (for example "
                    + MARIADB_DEFAULT_COLLATIONS.get(charset) + "), or encoding: " + owner.get() + "."));
        }
    }

    /** The major version an image's tag starts with ({@code postgres:14.9-alpine}: 14), if it does. */
    static Optional<Integer> majorVersion(String image) {
        try {
            String tag = DockerImageName.parse(image).getVersionPart();
            Matcher digits = Pattern.compile("^(\\d+)").matcher(tag);
            return digits.find() ? Optional.of(Integer.parseInt(digits.group(1))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
