package dev.parity.engine.spec;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
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
 * A migration tool's configuration as the project gives it: its configuration files (Flyway's {@code flyway.conf},
 * {@code flyway.toml} and {@code flyway.user.toml}, Liquibase's {@code liquibase.properties}, in the directory the tests
 * run in, where the tools' Maven and Gradle plugins and command lines look; or the files {@code configFiles} (Flyway)
 * or {@code defaultsFile} (Liquibase) name), with the profile's {@code migrations.config} over them.
 *
 * <p>Keys are the tool's own, with or without its prefix ({@code flyway.}, {@code liquibase.}), in camelCase or
 * kebab-case. What Parity itself gives the tool (the database it started, the locations, placeholders and target)
 * is not configuration: written in the profile's {@code config}, it is an error saying where it goes; written in a
 * file, the profile's wins (a file's url, user and password point at a real database and are left out; its
 * placeholders and target apply where the profile gives none). Every key is checked against the tool itself, a
 * key it does not know reported at its line with the nearest it knows; unknown keys of {@code liquibase.properties}
 * are left out, as Liquibase only warns of them.
 */
final class MigrationConfig {

    /**
     * The configuration, and what the files add to the profile's placeholders and target.
     *
     * @param config       the tool's keys without prefix, files first and the profile's over them
     * @param placeholders the profile's placeholders over the files'
     * @param target       the profile's target, else a file's; null if neither
     */
    record Read(Map<String, String> config, Map<String, String> placeholders, String target) {}

    private record Entry(String key, String value, Location at) {}

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    static final List<String> FLYWAY_FILES =
            List.of("flyway.conf", "flyway.toml", "flyway.user.toml");
    static final String LIQUIBASE_FILE = "liquibase.properties";

    private final MigrationTool tool;
    private final ClassLoader classLoader;
    private final Path workingDirectory;
    private final List<Problem> problems;
    private final boolean toolPresent;

    MigrationConfig(
            MigrationTool tool,
            ClassLoader classLoader,
            Path workingDirectory,
            List<Problem> problems) {
        this.tool = tool;
        this.classLoader = classLoader;
        this.workingDirectory = workingDirectory;
        this.problems = problems;
        this.toolPresent = tool.library().isPresent(classLoader);
    }

    /** @param written the profile's {@code config} mapping, if it has one; {@code path} is where: {@code profile 'p' > database > migrations} */
    Read read(
            Optional<YamlNode.Mapping> written,
            String path,
            Map<String, String> placeholders,
            String target) {
        List<Entry> profile = new ArrayList<>();
        written.ifPresent(mapping -> flatten(mapping, "", path + ".config", profile));
        List<String> files = new ArrayList<>();
        Location filesAt = null;
        for (Entry entry : List.copyOf(profile)) {
            if (entry.key().equals(filesKey())) {
                profile.remove(entry);
                files.addAll(List.of(entry.value().split("\\s*,\\s*")));
                filesAt = entry.at();
            } else if (ownedBy(entry.key()) != null) {
                profile.remove(entry);
                problems.add(
                        new Problem(
                                entry.at(),
                                "'"
                                        + entry.key()
                                        + "' in "
                                        + path
                                        + ".config is what Parity gives "
                                        + tool.displayName()
                                        + " itself",
                                ownedBy(entry.key())));
            }
        }
        Map<String, String> allPlaceholders = new LinkedHashMap<>();
        String fileTarget = null;
        Map<String, String> config = new LinkedHashMap<>();
        for (Entry entry : fileEntries(files, filesAt)) {
            String key = entry.key();
            if (placeholderName(key) != null) {
                allPlaceholders.put(placeholderName(key), entry.value());
            } else if (key.equals(targetKey())) {
                fileTarget = entry.value();
            } else if (ownedBy(key) == null
                    && checked(entry, "in " + entry.at().file(), tool == MigrationTool.FLYWAY)) {
                config.put(key, entry.value());
            }
        }
        for (Entry entry : profile) {
            if (checked(entry, "in " + path + ".config", true)) {
                config.put(entry.key(), entry.value());
            }
        }
        allPlaceholders.putAll(placeholders);
        return new Read(config, allPlaceholders, target != null ? target : fileTarget);
    }

    /** The tool's word for the files to read instead of (Liquibase) or beside (Flyway) the default ones. */
    private String filesKey() {
        return tool == MigrationTool.FLYWAY ? "configFiles" : "defaultsFile";
    }

    private String targetKey() {
        return tool == MigrationTool.FLYWAY ? "target" : "tag";
    }

    /** A placeholder's name, for the key that gives one ({@code placeholders.owner}, Liquibase's {@code parameter.owner}); else null. */
    private String placeholderName(String key) {
        String prefix = tool == MigrationTool.FLYWAY ? "placeholders." : "parameter.";
        return key.startsWith(prefix) && key.length() > prefix.length()
                ? key.substring(prefix.length())
                : null;
    }

    /** Where a key Parity sets itself belongs instead, as a fix; null for a key of the project's own. */
    private String ownedBy(String key) {
        boolean flyway = tool == MigrationTool.FLYWAY;
        if ((flyway
                        ? List.of("url", "user", "password", "driver")
                        : List.of("url", "username", "password", "driver"))
                .contains(key)) {
            return "Parity connects "
                    + tool.displayName()
                    + " to the database it started, as its administrator; leave it out.";
        }
        if (key.equals(flyway ? "locations" : "changelogFile")) {
            return "Name "
                    + (flyway ? "them" : "it")
                    + " in database.migrations.locations instead.";
        }
        if (key.equals(targetKey())) {
            return "Write it as database.migrations.target instead.";
        }
        if (!flyway && key.equals("changelogParameters") || placeholderName(key) != null) {
            return "Write "
                    + (placeholderName(key) != null
                            ? "it under database.migrations.placeholders instead: "
                                    + placeholderName(key)
                                    + ": ..."
                            : "the parameters as database.migrations.placeholders instead.");
        }
        return null;
    }

    /** Whether the tool takes {@code entry}; if not and {@code strict}, a problem at its line. */
    private boolean checked(Entry entry, String where, boolean strict) {
        if (!toolPresent) {
            return true; // the missing library is reported with the whole profile
        }
        Optional<String> problem;
        List<String> known;
        try {
            problem =
                    tool == MigrationTool.FLYWAY
                            ? FlywayKeys.problem(classLoader, entry.key(), entry.value())
                            : LiquibaseKeys.problem(entry.key());
            if (problem.isEmpty()) {
                return true;
            }
            known =
                    tool == MigrationTool.FLYWAY
                            ? FlywayKeys.known(classLoader)
                            : LiquibaseKeys.known();
        } catch (LinkageError otherVersion) {
            return true; // a version whose API differs checks the key itself when it runs
        }
        if (!strict) {
            return false;
        }
        boolean unknown =
                problem.get().startsWith("Unknown configuration property")
                        || tool == MigrationTool.LIQUIBASE;
        if (unknown) {
            problems.add(
                    new Problem(
                            entry.at(),
                            "unknown " + tool.displayName() + " key '" + entry.key() + "' " + where,
                            Suggestions.didYouMean(entry.key(), known)
                                    + "Write "
                                    + tool.displayName()
                                    + "'s own key, as its documentation names it, "
                                    + "with or without '"
                                    + prefix()
                                    + "'"
                                    + (tool == MigrationTool.FLYWAY
                                            ? ", e.g. postgresql.transactional.lock: false."
                                            : ", e.g. " + "changelogLockWaitTimeInMinutes: 1.")));
        } else {
            problems.add(
                    new Problem(
                            entry.at(),
                            tool.displayName()
                                    + " does not take "
                                    + entry.key()
                                    + " = '"
                                    + entry.value()
                                    + "' "
                                    + where
                                    + ": "
                                    + problem.get(),
                            "Give a value " + tool.displayName() + " takes."));
        }
        return false;
    }

    private String prefix() {
        return tool == MigrationTool.FLYWAY ? FlywayKeys.PREFIX : "liquibase.";
    }

    private List<Entry> fileEntries(List<String> named, Location namedAt) {
        List<Path> files = new ArrayList<>();
        if (tool == MigrationTool.FLYWAY || named.isEmpty()) {
            List<String> defaults =
                    tool == MigrationTool.FLYWAY ? FLYWAY_FILES : List.of(LIQUIBASE_FILE);
            defaults.stream()
                    .map(workingDirectory::resolve)
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        }
        for (String name : named) {
            Path file = workingDirectory.resolve(name).normalize();
            if (Files.isRegularFile(file)) {
                files.add(file);
            } else {
                problems.add(
                        new Problem(
                                namedAt,
                                "the "
                                        + tool.displayName()
                                        + " configuration file '"
                                        + name
                                        + "' does not exist",
                                "Fix the path; a relative one starts at "
                                        + workingDirectory
                                        + ", where the tests run."));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            List<ConfigFiles.Entry> read =
                    tool == MigrationTool.LIQUIBASE
                            ? ConfigFiles.properties(file, "", null, problems)
                            : file.getFileName().toString().endsWith(".toml")
                                    ? ConfigFiles.flywayToml(file, problems)
                                    : ConfigFiles.properties(
                                            file, FlywayKeys.PREFIX, System::getenv, problems);
            read.forEach(
                    entry ->
                            entries.add(
                                    new Entry(normalised(entry.key()), entry.value(), entry.at())));
        }
        return entries;
    }

    /** Mapping keys joined with dots, as the tool's keys are written; a list is comma-separated, as the tools read lists. */
    private void flatten(YamlNode.Mapping mapping, String prefix, String path, List<Entry> into) {
        mapping.entries()
                .forEach(
                        (name, value) -> {
                            Location at = mapping.keyLocations().get(name);
                            String key = prefix + name;
                            if (!KEY.matcher(name).matches()) {
                                problems.add(
                                        new Problem(
                                                at,
                                                "'"
                                                        + name
                                                        + "' in "
                                                        + path
                                                        + " is not a configuration key",
                                                "Use the tool's key, letters, digits, '.', '_' and '-', e.g. baselineOnMigrate."));
                            } else if (value instanceof YamlNode.Mapping nested) {
                                flatten(nested, key + ".", path, into);
                            } else if (value instanceof YamlNode.Sequence list
                                    && list.items().stream().allMatch(MigrationConfig::plain)) {
                                into.add(
                                        new Entry(
                                                normalised(key),
                                                String.join(
                                                        ",",
                                                        list.items().stream()
                                                                .map(MigrationConfig::text)
                                                                .toList()),
                                                at));
                            } else if (plain(value)) {
                                into.add(new Entry(normalised(key), text(value), at));
                            } else {
                                String kind =
                                        value instanceof YamlNode.Sequence list
                                                ? "a list holding "
                                                        + list.items().stream()
                                                                .filter(item -> !plain(item))
                                                                .findFirst()
                                                                .orElseThrow()
                                                                .kind()
                                                : value.kind();
                                problems.add(
                                        new Problem(
                                                value.location(),
                                                "'"
                                                        + key
                                                        + "' in "
                                                        + path
                                                        + " must be a plain value or a list of them, but is "
                                                        + kind,
                                                "Write it as, for example: " + key + ": false"));
                            }
                        });
    }

    private static boolean plain(YamlNode node) {
        return node instanceof YamlNode.Scalar && !Section.isNull(node);
    }

    /** YAML's yes/on/no/off are booleans, which the tools take only as true and false. */
    private static String text(YamlNode node) {
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.type().equals("bool")) {
            return String.valueOf(
                    List.of("true", "yes", "on").contains(scalar.text().toLowerCase(Locale.ROOT)));
        }
        return scalar.text().strip();
    }

    /** Without the tool's prefix, and kebab-case ({@code baseline-on-migrate}) in camelCase, segment by segment. */
    private String normalised(String key) {
        String bare = key;
        for (String prefix :
                tool == MigrationTool.FLYWAY
                        ? List.of(FlywayKeys.PREFIX)
                        : List.of(
                                "liquibase.command.update.",
                                "liquibase.command.updateToTag.",
                                "liquibase.command.",
                                "liquibase.")) {
            if (bare.startsWith(prefix)) {
                bare = bare.substring(prefix.length());
                break;
            }
        }
        if (placeholderName(bare) != null) {
            return bare; // a placeholder's name is the user's own
        }
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : bare.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
