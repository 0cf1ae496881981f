package dev.parity.engine.postgres;

import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.engine.spec.CharacterSets;
import dev.parity.engine.spec.DatabaseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** PostgreSQL's encodings and locales, as far as they can be checked without a server, and initdb's arguments for them. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PostgresCharacters {

    /** PostgreSQL's server encodings, as {@code pg_encoding_to_char} names them. */
    public static final List<String> ENCODINGS =
            List.of(
                    "UTF8",
                    "SQL_ASCII",
                    "LATIN1",
                    "LATIN2",
                    "LATIN3",
                    "LATIN4",
                    "LATIN5",
                    "LATIN6",
                    "LATIN7",
                    "LATIN8",
                    "LATIN9",
                    "LATIN10",
                    "WIN1250",
                    "WIN1251",
                    "WIN1252",
                    "WIN1253",
                    "WIN1254",
                    "WIN1255",
                    "WIN1256",
                    "WIN1257",
                    "WIN1258",
                    "WIN866",
                    "WIN874",
                    "KOI8R",
                    "KOI8U",
                    "ISO_8859_5",
                    "ISO_8859_6",
                    "ISO_8859_7",
                    "ISO_8859_8",
                    "EUC_CN",
                    "EUC_JP",
                    "EUC_JIS_2004",
                    "EUC_KR",
                    "EUC_TW",
                    "MULE_INTERNAL");

    /** Other names PostgreSQL accepts (it ignores case and everything but letters and digits), by their encoding. */
    private static final Map<String, String> ALIASES =
            Map.ofEntries(
                    Map.entry("unicode", "UTF8"),
                    Map.entry("iso88591", "LATIN1"),
                    Map.entry("iso88592", "LATIN2"),
                    Map.entry("iso88593", "LATIN3"),
                    Map.entry("iso88594", "LATIN4"),
                    Map.entry("iso88599", "LATIN5"),
                    Map.entry("iso885910", "LATIN6"),
                    Map.entry("iso885913", "LATIN7"),
                    Map.entry("iso885914", "LATIN8"),
                    Map.entry("iso885915", "LATIN9"),
                    Map.entry("iso885916", "LATIN10"),
                    Map.entry("koi8", "KOI8R"),
                    Map.entry("win", "WIN1251"),
                    Map.entry("alt", "WIN866"),
                    Map.entry("windows1250", "WIN1250"),
                    Map.entry("windows1251", "WIN1251"),
                    Map.entry("windows1252", "WIN1252"),
                    Map.entry("windows1253", "WIN1253"),
                    Map.entry("windows1254", "WIN1254"),
                    Map.entry("windows1255", "WIN1255"),
                    Map.entry("windows1256", "WIN1256"),
                    Map.entry("windows1257", "WIN1257"),
                    Map.entry("windows1258", "WIN1258"),
                    Map.entry("windows866", "WIN866"),
                    Map.entry("windows874", "WIN874"),
                    Map.entry("tcvn", "WIN1258"),
                    Map.entry("tcvn5712", "WIN1258"),
                    Map.entry("vscii", "WIN1258"),
                    Map.entry("abc", "WIN1258"));

    private PostgresCharacters() {}

    /** The PostgreSQL server encoding {@code name} means, if it means one. */
    public static Optional<String> encoding(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return ENCODINGS.stream()
                .filter(encoding -> encoding.toLowerCase(Locale.ROOT).replace("_", "").equals(key))
                .findFirst()
                .or(() -> Optional.ofNullable(ALIASES.get(key)));
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

    /** The profile's encoding and ICU collation, against what PostgreSQL (of the image's version) knows. */
    static void check(DatabaseSpec spec, Section database, List<Problem> problems) {
        DatabaseSpec.Characters characters = spec.characters();
        String path = database.path();
        if (characters.encoding() != null && encoding(characters.encoding()).isEmpty()) {
            problems.add(
                    new Problem(
                            database.valueLocation("encoding"),
                            "encoding '"
                                    + characters.encoding()
                                    + "' in "
                                    + path
                                    + " is not a PostgreSQL server encoding",
                            Suggestions.didYouMean(characters.encoding(), ENCODINGS)
                                    + "Server encodings: "
                                    + String.join(", ", ENCODINGS)
                                    + "."));
        }
        if (characters.icuLocale().isPresent()) {
            CharacterSets.majorVersion(spec.image())
                    .filter(major -> major < 15)
                    .ifPresent(
                            major ->
                                    problems.add(
                                            new Problem(
                                                    database.valueLocation("collation"),
                                                    "collation '"
                                                            + characters.collation()
                                                            + "' in "
                                                            + path
                                                            + " is an ICU locale, but PostgreSQL "
                                                            + major
                                                            + " ("
                                                            + spec.image()
                                                            + ") creates databases with ICU only from version 15 on",
                                                    "Use an image of PostgreSQL 15 or later, or a libc "
                                                            + "locale such as collation: en_US.UTF-8.")));
        }
    }
}
