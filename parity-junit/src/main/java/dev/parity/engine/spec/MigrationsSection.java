package dev.parity.engine.spec;

import dev.parity.config.Classpath;
import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import dev.parity.engine.Engine;
import dev.parity.engine.JavaArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code database.migrations}: a location ({@code classpath:db/migration}), a list of them, or a
 * mapping with {@code tool}, {@code locations}, {@code placeholders}, {@code target} and {@code config} (the tool's
 * own keys, over the project's configuration files: {@link MigrationConfig}). Locations must exist; the tool's
 * library must be on the test classpath (checked with the whole profile, whose engine decides Flyway's database module).
 */
final class MigrationsSection {

    static final String KEY = "migrations";
    static final List<String> KEYS =
            List.of("tool", "locations", "placeholders", "target", "config");
    private static final List<String> PREFIXES = List.of("classpath:", "filesystem:");
    private static final List<String> CHANGELOG_SUFFIXES =
            List.of(".xml", ".yaml", ".yml", ".json", ".sql");
    private static final Pattern PREFIX = Pattern.compile("^([A-Za-z][A-Za-z0-9]+):.*");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern FLYWAY_TARGET =
            Pattern.compile("[0-9]+([._][0-9]+)*|latest|current|next");
    private static final String EXAMPLE =
            "migrations:\n  tool: flyway\n  locations: [classpath:db/migration]\n"
                    + "  placeholders: {schema_owner: app}\n  target: \"7\"";

    private final ClassLoader classLoader;
    private final Path workingDirectory;

    MigrationsSection(ClassLoader classLoader) {
        this(classLoader, Path.of("").toAbsolutePath());
    }

    /** @param workingDirectory where the project's configuration files are looked for: where the tests run */
    MigrationsSection(ClassLoader classLoader, Path workingDirectory) {
        this.classLoader = classLoader;
        this.workingDirectory = workingDirectory;
    }

    MigrationsSpec read(Section database, List<Problem> problems) {
        YamlNode node = database.valueNode(KEY);
        String path = database.path() + " > " + KEY;
        if (node == null || Section.isNull(node)) {
            return MigrationsSpec.NONE;
        }
        if (node instanceof YamlNode.Mapping mapping) {
            return readLongForm(new Section(mapping, path, KEYS, problems), problems);
        }
        if (node instanceof YamlNode.Scalar scalar
                && scalar.type().equals("str")
                && !scalar.text().isBlank()) {
            return spec(
                    Optional.empty(),
                    List.of(checked(scalar.text().strip(), scalar.location(), problems)),
                    Map.of(),
                    null,
                    Optional.empty(),
                    node.location(),
                    path,
                    problems);
        }
        if (node instanceof YamlNode.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                problems.add(
                        emptyLocations(node.location(), "'" + KEY + "' in " + database.path()));
            }
            List<String> locations =
                    database.textList(KEY, "classpath:db/migration", this::checkLocation);
            return spec(
                    Optional.empty(),
                    locations,
                    Map.of(),
                    null,
                    Optional.empty(),
                    node.location(),
                    path,
                    problems);
        }
        problems.add(
                new Problem(
                        node.location(),
                        "'"
                                + KEY
                                + "' in "
                                + database.path()
                                + " must be a location, a list of locations or a mapping, but is "
                                + node.kind(),
                        "Write it as, for example: migrations: classpath:db/migration\nor:\n"
                                + EXAMPLE));
        return MigrationsSpec.NONE;
    }

    private MigrationsSpec readLongForm(Section section, List<Problem> problems) {
        Optional<MigrationTool> tool =
                section.text("tool", "flyway")
                        .flatMap(
                                id -> {
                                    Optional<MigrationTool> known = MigrationTool.byId(id);
                                    if (known.isEmpty()) {
                                        problems.add(
                                                new Problem(
                                                        section.valueLocation("tool"),
                                                        "unknown migration tool '"
                                                                + id
                                                                + "' in "
                                                                + section.path(),
                                                        Suggestions.didYouMean(
                                                                        id, MigrationTool.ids())
                                                                + "Known tools: "
                                                                + String.join(
                                                                        ", ", MigrationTool.ids())
                                                                + "."));
                                    }
                                    return known;
                                });
        YamlNode locationsNode = section.valueNode("locations");
        List<String> locations;
        if (locationsNode instanceof YamlNode.Scalar scalar
                && scalar.type().equals("str")
                && !scalar.text().isBlank()) {
            locations = List.of(checked(scalar.text().strip(), scalar.location(), problems));
        } else {
            locations =
                    section.textList("locations", "classpath:db/migration", this::checkLocation);
        }
        if (locations.isEmpty() && (locationsNode == null || Section.isNull(locationsNode))) {
            problems.add(
                    new Problem(
                            section.valueLocation("locations"),
                            "'locations' is missing in " + section.path(),
                            "Name where the migrations are, for example: locations: [classpath:db/migration]"));
        } else if (locationsNode instanceof YamlNode.Sequence sequence
                && sequence.items().isEmpty()) {
            problems.add(
                    emptyLocations(locationsNode.location(), "'locations' in " + section.path()));
        }
        Map<String, String> placeholders = placeholders(section, problems);
        String target = target(section, problems);
        Optional<YamlNode.Mapping> config =
                section.mapping("config", "config:\n  postgresql.transactional.lock: false");
        return spec(
                tool,
                locations,
                placeholders,
                target,
                config,
                section.valueLocation("locations"),
                section.path(),
                problems);
    }

    /** An empty list would run no migration, and the tool, placeholders and target beside it would be ignored. */
    private static Problem emptyLocations(Location at, String what) {
        return new Problem(
                at,
                what + " is an empty list, so no migration would run",
                "Name where the migrations are, for example: locations: [classpath:db/migration], or remove the key.");
    }

    /** The tool asked for, or the one the locations suggest: a single changelog file is Liquibase's, directories are Flyway's. */
    private MigrationsSpec spec(
            Optional<MigrationTool> asked,
            List<String> locations,
            Map<String, String> placeholders,
            String target,
            Optional<YamlNode.Mapping> config,
            Location at,
            String path,
            List<Problem> problems) {
        if (locations.isEmpty()) {
            return MigrationsSpec.NONE;
        }
        boolean oneChangelog = locations.size() == 1 && isChangelogFile(locations.get(0));
        MigrationTool tool =
                asked.orElse(oneChangelog ? MigrationTool.LIQUIBASE : MigrationTool.FLYWAY);
        if (tool == MigrationTool.LIQUIBASE && locations.size() > 1) {
            problems.add(
                    new Problem(
                            at,
                            "Liquibase runs one changelog, but "
                                    + path
                                    + " names "
                                    + locations.size()
                                    + " locations",
                            "Name the master changelog, which includes the others, for example: locations: [classpath:db/changelog/db.changelog-master.yaml]"));
        }
        if (tool == MigrationTool.FLYWAY) {
            locations.stream()
                    .filter(MigrationsSection::isChangelogFile)
                    .findFirst()
                    .ifPresent(
                            file ->
                                    problems.add(
                                            new Problem(
                                                    at,
                                                    "Flyway's locations are directories of migrations, but '"
                                                            + file
                                                            + "' in "
                                                            + path
                                                            + " is a file",
                                                    "Name the directory its V1__*.sql files are in, or set tool: liquibase if it is a Liquibase changelog.")));
            if (target != null && !FLYWAY_TARGET.matcher(target).matches()) {
                problems.add(
                        new Problem(
                                at,
                                "target '" + target + "' in " + path + " is not a Flyway version",
                                "Write the version of the last migration to run, as in its file name V7__...: target: \"7\" (or latest)."));
            }
        }
        MigrationConfig.Read read =
                new MigrationConfig(tool, classLoader, workingDirectory, problems)
                        .read(config, path, placeholders, target);
        return new MigrationsSpec(
                tool, locations, read.placeholders(), read.target(), read.config());
    }

    private static boolean isChangelogFile(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return CHANGELOG_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static Map<String, String> placeholders(Section section, List<Problem> problems) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        section.mapping("placeholders", "placeholders:\n  schema_owner: app")
                .ifPresent(
                        mapping ->
                                mapping.entries()
                                        .forEach(
                                                (name, value) -> {
                                                    if (!PLACEHOLDER_NAME.matcher(name).matches()) {
                                                        problems.add(
                                                                new Problem(
                                                                        mapping.keyLocations()
                                                                                .get(name),
                                                                        "'"
                                                                                + name
                                                                                + "' in "
                                                                                + section.path()
                                                                                + ".placeholders is not a valid placeholder name",
                                                                        "Use letters, digits, '_', '.' and '-', as in ${schema_owner}."));
                                                    } else if (value
                                                                    instanceof
                                                                    YamlNode.Scalar scalar
                                                            && !scalar.type().equals("null")) {
                                                        placeholders.put(name, scalar.text());
                                                    } else {
                                                        problems.add(
                                                                new Problem(
                                                                        value.location(),
                                                                        "placeholder '"
                                                                                + name
                                                                                + "' in "
                                                                                + section.path()
                                                                                + ".placeholders must be a plain value, but is "
                                                                                + value.kind(),
                                                                        "Write it as, for example: "
                                                                                + name
                                                                                + ": app"));
                                                    }
                                                }));
        return placeholders;
    }

    /** A version such as 7 or 1.2 (which YAML reads as numbers) or a tag. */
    private static String target(Section section, List<Problem> problems) {
        YamlNode node = section.valueNode("target");
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.type().equals("int") || scalar.type().equals("float"))) {
            return scalar.text().strip();
        }
        return section.text("target", "\"7\"").orElse(null);
    }

    private String checked(String location, Location at, List<Problem> problems) {
        checkLocation(location, at, problems);
        return location;
    }

    private void checkLocation(String location, Location at, List<Problem> problems) {
        var prefix = PREFIX.matcher(location);
        if (prefix.matches()
                && !PREFIXES.contains(prefix.group(1).toLowerCase(Locale.ROOT) + ":")) {
            String given = prefix.group(1) + ":";
            problems.add(
                    new Problem(
                            at,
                            "migration location '"
                                    + location
                                    + "' has an unknown prefix '"
                                    + given
                                    + "'",
                            Suggestions.didYouMean(given, PREFIXES)
                                    + "Parity reads classpath: (the default) and filesystem: locations."));
            return;
        }
        if (MigrationsSpec.onFileSystem(location)) {
            Path file = Path.of(MigrationsSpec.path(location));
            if (!Files.exists(file)) {
                problems.add(
                        new Problem(
                                at,
                                "migration location '" + location + "' does not exist",
                                "Fix the path; a relative one starts at "
                                        + Path.of("").toAbsolutePath()
                                        + ", where the tests run."));
            }
            return;
        }
        String resource = MigrationsSpec.classpathName(location);
        if (Classpath.resource(classLoader, resource) == null) {
            problems.add(
                    new Problem(
                            at,
                            "migration location '" + location + "' is not on the test classpath",
                            "Put the migrations under src/test/resources/"
                                    + resource
                                    + " (or src/main/resources/"
                                    + resource
                                    + "), or fix the location."));
        }
    }

    /**
     * What only the whole profile can tell: the tool's library, and for Flyway the module that speaks the
     * engine's SQL, on the test classpath.
     */
    static void checkTools(
            MigrationsSpec migrations,
            Engine engine,
            Location at,
            String path,
            ClassLoader classLoader,
            List<Problem> problems) {
        if (migrations.isEmpty()) {
            return;
        }
        MigrationTool tool = migrations.tool();
        List<JavaArtifact> needed = new ArrayList<>(List.of(tool.library()));
        if (tool == MigrationTool.FLYWAY) {
            needed.add(engine.flywayModule());
        }
        if (!tool.library().isPresent(classLoader)) {
            problems.add(
                    new Problem(
                            at,
                            "the migrations in "
                                    + path
                                    + " need "
                                    + tool.displayName()
                                    + ", which is not on the test classpath",
                            "Add "
                                    + artifacts(needed)
                                    + " to the build (test scope): Parity runs the project's own "
                                    + tool.displayName()
                                    + " and brings none."));
        } else if (tool == MigrationTool.FLYWAY && !engine.flywayModule().isPresent(classLoader)) {
            problems.add(
                    new Problem(
                            at,
                            "Flyway is on the test classpath, but not its "
                                    + engine.displayName()
                                    + " support, which the migrations in "
                                    + path
                                    + " need",
                            "Add "
                                    + engine.flywayModule().coordinates()
                                    + " at flyway-core's version (test scope) to the build."));
        }
    }

    private static String artifacts(List<JavaArtifact> artifacts) {
        List<String> names = artifacts.stream().map(JavaArtifact::coordinates).toList();
        return names.size() == 1 ? names.get(0) : String.join(" and ", names) + " (one version)";
    }
}
