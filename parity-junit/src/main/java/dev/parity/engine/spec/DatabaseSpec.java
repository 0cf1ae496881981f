package dev.parity.engine.spec;

import dev.parity.engine.Engine;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a profile asks of its database. Two profiles with equal specs share one running database, so
 * everything that changes the database belongs here and nothing else does.
 *
 * @param engine     the engine
 * @param image      the container image, pinned to what production runs
 * @param name       the database name
 * @param username   the user tests connect as
 * @param password   that user's password
 * @param migrations Flyway or Liquibase migrations run once after the database starts, before the init scripts
 * @param init       classpath scripts run once, in order, after the migrations
 * @param settings   server parameters, in file order, passed as the engine passes them
 * @param timeZone   the zone the server runs in; {@code null}: the image's
 * @param storage    where the server keeps its data: on disk (the default) or in memory
 * @param characters the encoding, collation and ctype the database is created with; {@link Characters#IMAGE}: the image's
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DatabaseSpec(
        Engine engine,
        String image,
        String name,
        String username,
        String password,
        MigrationsSpec migrations,
        List<String> init,
        Map<String, String> settings,
        ZoneId timeZone,
        Storage storage,
        Characters characters) {

    /**
     * What can only be chosen when the database is created: its encoding (MariaDB: character set), its
     * collation (how text compares and sorts) and its ctype (PostgreSQL: what is a letter, upper and lower
     * case). Each {@code null} where the profile leaves it to the image. A collation {@code icu:<locale>} is
     * an ICU locale (PostgreSQL 15+), anything else the engine's own name (a libc locale, a MariaDB collation).
     */
    public record Characters(String encoding, String collation, String ctype) {

        /** What the image chooses. */
        public static final Characters IMAGE = new Characters(null, null, null);

        /** The prefix of an ICU collation: {@code icu:en-US}. */
        public static final String ICU = "icu:";

        public boolean isImages() {
            return encoding == null && collation == null && ctype == null;
        }

        /** The ICU locale of a collation {@code icu:<locale>}. */
        public java.util.Optional<String> icuLocale() {
            return collation != null && collation.startsWith(ICU)
                    ? java.util.Optional.of(collation.substring(ICU.length()))
                    : java.util.Optional.empty();
        }

        @Override
        public String toString() {
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (encoding != null) {
                parts.add("encoding " + encoding);
            }
            if (collation != null) {
                parts.add("collation " + collation);
            }
            if (ctype != null) {
                parts.add("ctype " + ctype);
            }
            return String.join(", ", parts);
        }
    }

    /**
     * Where the server keeps its data directory. {@link #MEMORY}: a tmpfs in the container, so writing and
     * copying data (loads, {@code @FreshDatabase} copies) cost memory bandwidth instead of disk time; the
     * data takes as much RAM as it takes disk, and is gone with the container, as it is anyway.
     */
    public enum Storage {
        DISK,
        MEMORY;

        /** As profiles write it. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DatabaseSpec {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(characters, "characters");
        init = List.copyOf(init);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A spec with the image's encoding and collation. */
    public DatabaseSpec(
            Engine engine,
            String image,
            String name,
            String username,
            String password,
            MigrationsSpec migrations,
            List<String> init,
            Map<String, String> settings,
            ZoneId timeZone,
            Storage storage) {
        this(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                storage,
                Characters.IMAGE);
    }

    /** A spec on disk. */
    public DatabaseSpec(
            Engine engine,
            String image,
            String name,
            String username,
            String password,
            MigrationsSpec migrations,
            List<String> init,
            Map<String, String> settings,
            ZoneId timeZone) {
        this(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                Storage.DISK);
    }

    /** A spec without migrations. */
    public DatabaseSpec(
            Engine engine,
            String image,
            String name,
            String username,
            String password,
            List<String> init,
            Map<String, String> settings,
            ZoneId timeZone) {
        this(
                engine,
                image,
                name,
                username,
                password,
                MigrationsSpec.NONE,
                init,
                settings,
                timeZone);
    }

    /**
     * The password of a profile that sets none: generated once per user and kept in
     * {@code ~/.cache/parity/generated-password} (readable by the user alone), so that a database whose port is
     * reachable is not open to anyone who knows the image's default, and a server saved as a snapshot accepts the
     * next run's sessions. Where that file cannot be kept, generated once per run.
     */
    public static final String GENERATED_PASSWORD = GeneratedPassword.kept();

    /** The engine's defaults: its default image, database and user {@code test}, the {@link #GENERATED_PASSWORD}, nothing else. */
    public static DatabaseSpec defaults(Engine engine) {
        return new DatabaseSpec(
                engine,
                engine.defaultImage(),
                "test",
                "test",
                GENERATED_PASSWORD,
                List.of(),
                Map.of(),
                null);
    }

    /** This spec with the server running in {@code zone}. */
    public DatabaseSpec inTimeZone(ZoneId zone) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                zone,
                storage,
                characters);
    }

    /** This spec naming another database on the same server: a data variant's. */
    public DatabaseSpec withName(String newName) {
        return new DatabaseSpec(
                engine,
                image,
                newName,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                storage,
                characters);
    }

    public DatabaseSpec withImage(String newImage) {
        return new DatabaseSpec(
                engine,
                newImage,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                storage,
                characters);
    }

    /** This spec with {@code newSettings} as the server's settings, instead of its own. */
    public DatabaseSpec withSettings(Map<String, String> newSettings) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                newSettings,
                timeZone,
                storage,
                characters);
    }

    public DatabaseSpec withInit(List<String> scripts) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                scripts,
                settings,
                timeZone,
                storage,
                characters);
    }

    /** This spec with {@code newMigrations} run before its init scripts. */
    public DatabaseSpec withMigrations(MigrationsSpec newMigrations) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                newMigrations,
                init,
                settings,
                timeZone,
                storage,
                characters);
    }

    /** This spec with the database created with {@code newCharacters}. */
    public DatabaseSpec withCharacters(Characters newCharacters) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                storage,
                newCharacters);
    }

    /** This spec with its data directory {@code where}. */
    public DatabaseSpec withStorage(Storage where) {
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrations,
                init,
                settings,
                timeZone,
                where,
                characters);
    }

    @Override
    public String toString() {
        return "DatabaseSpec["
                + engine.id()
                + ", "
                + image
                + ", database "
                + name
                + ", user "
                + username
                + (migrations.isEmpty() ? "" : ", migrations " + migrations)
                + ", init "
                + init
                + ", settings "
                + settings
                + ", zone "
                + timeZone
                + (storage == Storage.MEMORY ? ", in memory" : "")
                + (characters.isImages() ? "" : ", " + characters)
                + "]"; // never the password
    }
}
