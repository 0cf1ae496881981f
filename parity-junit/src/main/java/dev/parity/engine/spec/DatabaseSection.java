package dev.parity.engine.spec;

import dev.parity.config.Classpath;
import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import dev.parity.engine.Capability;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.sql.ClientCommand;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

/** Reads a profile's {@code database:} section into a {@link DatabaseSpec}, reporting every problem with its line. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatabaseSection {

    public static final List<String> KEYS =
            List.of(
                    "engine",
                    "image",
                    "name",
                    "username",
                    "password",
                    "migrations",
                    "init",
                    "settings",
                    "storage",
                    "encoding",
                    "collation",
                    "ctype");
    private static final String EXAMPLE =
            "database:\n  engine: postgres\n  image: postgres:15\n  init: [schema.sql]";

    private final ClassLoader classLoader;
    private final MigrationsSection migrations;

    /** @param classLoader where init scripts, migrations and the migration tools are looked up */
    public DatabaseSection(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.migrations = new MigrationsSection(classLoader);
    }

    /** The profile's database; its engine's defaults where the profile says nothing. */
    public DatabaseSpec read(Section profile, List<Problem> problems) {
        String path = profile.path();
        YamlNode.Mapping node =
                profile.mapping("database", EXAMPLE)
                        .orElse(
                                new YamlNode.Mapping(
                                        Map.of(), Map.of(), profile.valueLocation("database")));
        Section database = new Section(node, path + " > database", KEYS, problems);
        Engine engine =
                database.text("engine", Engines.DEFAULT)
                        .flatMap(id -> known(id, database.valueLocation("engine"), path, problems))
                        .orElseGet(Engines::defaultEngine);
        String image = database.text("image", engine.defaultImage()).orElse(engine.defaultImage());
        if (image.chars().anyMatch(Character::isWhitespace)) {
            problems.add(
                    new Problem(
                            database.valueLocation("image"),
                            "image '" + image + "' in " + path + " contains white space",
                            "Write the image as repository:tag, for example "
                                    + engine.defaultImage()
                                    + "."));
        } else if (!validImageReference(image)) {
            problems.add(
                    new Problem(
                            database.valueLocation("image"),
                            "image '"
                                    + image
                                    + "' in "
                                    + path
                                    + " is not an image reference Docker accepts",
                            "Write it as [registry[:port]/]name[:tag][@digest], the name in lowercase letters, digits and . _ - separators, "
                                    + "for example "
                                    + engine.defaultImage()
                                    + "."));
        }
        String name = database.text("name", "orders").orElse("test");
        String username = database.text("username", "app").orElse("test");
        String password =
                database.text("password", "secret").orElse(DatabaseSpec.GENERATED_PASSWORD);
        MigrationsSpec migrationsSpec = migrations.read(database, problems);
        List<String> init = database.textList("init", "schema.sql", this::checkScriptExists);
        Map<String, String> settings =
                database.settings("settings", "settings:\n  max_connections: 200\n  work_mem: 4MB");
        DatabaseSpec.Characters characters =
                new DatabaseSpec.Characters(
                        CharacterSets.read(database, "encoding", "UTF8", problems).orElse(null),
                        CharacterSets.read(database, "collation", "en_US.UTF-8", problems)
                                .orElse(null),
                        CharacterSets.read(database, "ctype", "en_US.UTF-8", problems)
                                .orElse(null));
        return new DatabaseSpec(
                engine,
                image,
                name,
                username,
                password,
                migrationsSpec,
                init,
                settings,
                null,
                storage(database, path, problems),
                characters);
    }

    private static DatabaseSpec.Storage storage(
            Section database, String path, List<Problem> problems) {
        Optional<String> written = database.text("storage", "memory");
        for (DatabaseSpec.Storage storage : DatabaseSpec.Storage.values()) {
            if (written.isEmpty() || written.get().equals(storage.id())) {
                return written.isEmpty() ? DatabaseSpec.Storage.DISK : storage;
            }
        }
        problems.add(
                new Problem(
                        database.valueLocation("storage"),
                        "storage '"
                                + written.get()
                                + "' in "
                                + path
                                + " > database is neither disk nor memory",
                        "Write storage: disk (the default) or storage: memory (the data directory in RAM: faster loads and fresh copies, as much RAM as data)."));
        return DatabaseSpec.Storage.DISK;
    }

    /** Where the merged {@code profile} wrote its image and settings, for errors the server finds later. */
    public static DatabaseOrigin origin(Section profile) {
        YamlNode.Mapping node =
                profile.mapping("database", EXAMPLE)
                        .orElse(
                                new YamlNode.Mapping(
                                        Map.of(), Map.of(), profile.valueLocation("database")));
        Section database =
                new Section(node, profile.path() + " > database", KEYS, new ArrayList<>());
        Map<String, Location> settings =
                database.valueNode("settings") instanceof YamlNode.Mapping mapping
                        ? mapping.keyLocations()
                        : Map.of();
        Map<String, Location> characters = new java.util.LinkedHashMap<>();
        for (String key : List.of("encoding", "collation", "ctype")) {
            if (database.valueNode(key) != null) {
                characters.put(key, database.valueLocation(key));
            }
        }
        return new DatabaseOrigin(
                database.valueLocation("image"),
                database.valueLocation("settings"),
                settings,
                characters);
    }

    /**
     * What only the whole profile, merged with what it extends, can get wrong: an image of another
     * engine, a capability the engine lacks. Not for a profile as written, which may leave the engine
     * or the image to its parent.
     */
    public static void checkCombination(
            DatabaseSpec spec, Section profile, List<Problem> problems) {
        Engine engine = spec.engine();
        Section database =
                new Section(
                        profile.mapping("database", EXAMPLE)
                                .orElse(
                                        new YamlNode.Mapping(
                                                Map.of(),
                                                Map.of(),
                                                profile.valueLocation("database"))),
                        profile.path() + " > database",
                        KEYS,
                        new ArrayList<>());
        Engines.ownerOfImage(spec.image())
                .filter(owner -> owner != engine)
                .ifPresent(
                        owner ->
                                problems.add(
                                        new Problem(
                                                database.valueLocation("image"),
                                                "image '"
                                                        + spec.image()
                                                        + "' in "
                                                        + profile.path()
                                                        + " > database is a "
                                                        + owner.displayName()
                                                        + " image, but the engine is "
                                                        + engine.id(),
                                                "Set database.image to a "
                                                        + engine.displayName()
                                                        + " image such as "
                                                        + engine.defaultImage()
                                                        + ", or database.engine to "
                                                        + owner.id()
                                                        + ".")));
        if (!spec.migrations().isEmpty()) {
            require(
                    engine,
                    Capability.MIGRATIONS,
                    database.valueLocation(MigrationsSection.KEY),
                    problems);
        }
        if (!spec.init().isEmpty()) {
            require(engine, Capability.INIT_SCRIPTS, database.valueLocation("init"), problems);
        }
        if (!spec.settings().isEmpty()) {
            require(engine, Capability.SETTINGS, database.valueLocation("settings"), problems);
        }
        CharacterSets.checkForEngine(spec, database, problems);
    }

    /**
     * {@link #checkCombination} and what else only the whole profile and the test classpath tell: the
     * migration tool (and Flyway's module for the engine) present, and init scripts the engine's client
     * would have to run that Parity cannot run.
     */
    public void checkWholeProfile(DatabaseSpec spec, Section profile, List<Problem> problems) {
        checkCombination(spec, profile, problems);
        Section database =
                new Section(
                        profile.mapping("database", EXAMPLE)
                                .orElse(
                                        new YamlNode.Mapping(
                                                Map.of(),
                                                Map.of(),
                                                profile.valueLocation("database"))),
                        profile.path() + " > database",
                        KEYS,
                        new ArrayList<>());
        if (spec.engine().can(Capability.MIGRATIONS)) {
            MigrationsSection.checkTools(
                    spec.migrations(),
                    spec.engine(),
                    database.valueLocation(MigrationsSection.KEY),
                    database.path(),
                    classLoader,
                    problems);
        }
        if (database.valueNode("init") instanceof YamlNode.Sequence scripts
                && spec.engine().can(Capability.INIT_SCRIPTS)) {
            for (YamlNode item : scripts.items()) {
                if (item instanceof YamlNode.Scalar scalar
                        && spec.init().contains(scalar.text().strip())) {
                    checkClientCommands(
                            spec.engine(), scalar.text().strip(), item.location(), problems);
                }
            }
        }
    }

    private void checkClientCommands(
            Engine engine, String script, Location at, List<Problem> problems) {
        URL url = Classpath.resource(classLoader, script);
        if (url == null) {
            return; // reported as missing
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            problems.add(
                    new Problem(
                            at,
                            "init script '" + script + "' cannot be read: " + e,
                            "Check that " + url + " is readable."));
            return;
        }
        List<ClientCommand> commands =
                engine.clientScripts().commandsIn(new String(bytes, StandardCharsets.UTF_8));
        if (!commands.isEmpty()) {
            engine.clientScripts().check(script, url, commands, at, problems);
        } else {
            notUtf8(script, bytes, at).ifPresent(problems::add);
        }
    }

    /**
     * A script that goes over JDBC must be UTF-8: the driver would turn other bytes into U+FFFD and the
     * script would run green with the wrong text. (A script its engine's client runs may say its encoding.)
     */
    static Optional<Problem> notUtf8(String script, byte[] bytes, Location at) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (!result.isError()) {
            return Optional.empty();
        }
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return Optional.of(
                new Problem(
                        at,
                        String.format(
                                "init script '%s' is not UTF-8: line %d has the byte 0x%02X (at byte %d)",
                                script, line, bytes[offset] & 0xff, offset),
                        "Save it as UTF-8 (for example: iconv -f LATIN1 -t UTF-8), or, on PostgreSQL, start it with "
                                + "SET client_encoding = 'LATIN1'; so that it runs in psql, which converts it."));
    }

    /** Docker's grammar of an image reference, as Testcontainers checks it, before Docker is asked. */
    private static boolean validImageReference(String image) {
        try {
            DockerImageName.parse(image).assertValid();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Server settings for the zone beside the profile's {@code timezone}, which Parity turns into those same
     * settings: one of the two would be ignored (on PostgreSQL the setting, applied last, wins for clients that
     * send no zone; on MariaDB for every session that asks the server's).
     */
    public static void checkZoneSettings(
            DatabaseSpec spec, Section profile, List<Problem> problems) {
        List<String> zoneSettings = spec.engine().zones().zoneSettings();
        DatabaseOrigin origin = origin(profile);
        spec.settings().keySet().stream()
                .filter(name -> zoneSettings.contains(name.toLowerCase(Locale.ROOT)))
                .forEach(
                        name ->
                                problems.add(
                                        new Problem(
                                                origin.setting(name).orElse(origin.settings()),
                                                "setting '"
                                                        + name
                                                        + "' in "
                                                        + profile.path()
                                                        + " > database.settings sets the server's time zone, which the profile's timezone ("
                                                        + spec.timeZone().getId()
                                                        + ") sets already",
                                                "Remove the setting: from timezone, Parity sets "
                                                        + String.join(" and ", zoneSettings)
                                                        + " on "
                                                        + spec.engine().displayName()
                                                        + ", and the JVM's and every session's zone.")));
    }

    /** Adds a problem if {@code engine} cannot do {@code capability}, which a profile asks for at {@code where}. */
    public static void require(
            Engine engine, Capability capability, Location where, List<Problem> problems) {
        if (!engine.can(capability)) {
            problems.add(
                    new Problem(
                            where,
                            "the "
                                    + engine.displayName()
                                    + " engine ("
                                    + engine.id()
                                    + ") does not support "
                                    + capability.description(),
                            "Remove it from the profile, or use an engine that supports it: "
                                    + String.join(
                                            ", ",
                                            Engines.ids().stream()
                                                    .filter(
                                                            id ->
                                                                    Engines.byId(id)
                                                                            .orElseThrow()
                                                                            .can(capability))
                                                    .toList())
                                    + "."));
        }
    }

    private static Optional<Engine> known(
            String id, Location at, String path, List<Problem> problems) {
        Optional<Engine> engine = Engines.byId(id);
        Optional<String> artifact = Engines.artifactOf(id);
        if (engine.isEmpty() && artifact.isPresent()) {
            problems.add(
                    new Problem(
                            at,
                            "database engine '"
                                    + id
                                    + "' in "
                                    + path
                                    + " comes with the artifact "
                                    + artifact.get()
                                    + ", which is not on the test classpath"
                                    + (Engines.ids().isEmpty()
                                            ? " (no engine is)"
                                            : " (engines there: "
                                                    + String.join(", ", Engines.ids())
                                                    + ")"),
                            "Add the test dependency "
                                    + artifact.get()
                                    + " (Maven: <dependency><groupId>"
                                    + artifact.get().substring(0, artifact.get().indexOf(':'))
                                    + "</groupId><artifactId>"
                                    + artifact.get().substring(artifact.get().indexOf(':') + 1)
                                    + "</artifactId><scope>test</scope></dependency>, at Parity's version)."));
        } else if (engine.isEmpty()) {
            problems.add(
                    new Problem(
                            at,
                            "unknown database engine '" + id + "' in " + path,
                            Suggestions.didYouMean(id, Engines.ids())
                                    + "Known engines: "
                                    + String.join(", ", Engines.ids())
                                    + "."));
        }
        return engine;
    }

    private void checkScriptExists(String script, Location at, List<Problem> problems) {
        if (Classpath.resource(classLoader, script) == null) {
            String resource = script.startsWith("/") ? script.substring(1) : script;
            problems.add(
                    new Problem(
                            at,
                            "init script '" + script + "' is not on the test classpath",
                            "Put it under src/test/resources/"
                                    + resource
                                    + " (names are classpath paths, relative to its root), or fix the name."));
        }
    }
}
