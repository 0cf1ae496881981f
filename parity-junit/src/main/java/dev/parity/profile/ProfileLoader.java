package dev.parity.profile;

import dev.parity.clock.ClockSection;
import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.config.Section;
import dev.parity.config.YamlNode;
import dev.parity.config.YamlParser;
import dev.parity.data.DatasetSpec;
import dev.parity.data.DatasetsSection;
import dev.parity.database.DatabaseFaultsSection;
import dev.parity.database.ExpectSection;
import dev.parity.database.Expectation;
import dev.parity.engine.Capability;
import dev.parity.engine.spec.DatabaseSection;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.network.NetworkSection;
import dev.parity.network.NetworkSpec;
import dev.parity.settings.Settings;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads and validates a whole profile file before anything is started: every profile, every key, init
 * scripts, and {@code extends} chains ({@link ExtendsMerge}). Each section is read by the capability
 * that owns it ({@link DatabaseSection}, {@link NetworkSection}, {@link ClockSection},
 * {@link DatasetsSection}). Problems are collected from the profiles as written and as merged, and
 * reported together, each once, where it was written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProfileLoader {

    static final List<String> TOP_LEVEL_KEYS = List.of("profiles");
    static final List<String> PROFILE_KEYS =
            List.of(
                    "extends",
                    "database",
                    "network",
                    "timezone",
                    "locale",
                    "clock",
                    "seed",
                    "datasets",
                    "database-faults",
                    "fresh-pool",
                    "expect");

    /** More ready copies than this only fill the server's disk. */
    public static final int MAX_FRESH_POOL = Settings.MAX_POOL_SIZE;

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String PROFILES_EXAMPLE =
            "profiles:\n  default:\n    database:\n      image: postgres:15";

    private final DatabaseSection databases;

    /** @param classLoader where init scripts are looked up */
    public ProfileLoader(ClassLoader classLoader) {
        this.databases = new DatabaseSection(classLoader);
    }

    public ProfileFile load(ProfileSource source) {
        YamlNode root;
        try (Reader reader = new InputStreamReader(source.open(), StandardCharsets.UTF_8)) {
            root = new YamlParser(source.name()).parse(reader);
        } catch (IOException e) {
            throw new ProblemException(
                    new Problem(
                            Location.of(source.name()),
                            "cannot be read: " + e,
                            "Check that " + source.url() + " is readable."),
                    e);
        }
        return read(source.name(), root);
    }

    ProfileFile read(String file, YamlNode root) {
        List<Problem> problems = new ArrayList<>();
        YamlNode.Mapping top =
                Section.asMapping(root, "the top level", PROFILES_EXAMPLE, problems)
                        .orElse(new YamlNode.Mapping(Map.of(), Map.of(), new Location(file, 1)));
        new Section(top, "the top level", TOP_LEVEL_KEYS, problems);
        YamlNode profilesNode = top.entries().get("profiles");
        YamlNode.Mapping profiles =
                Section.asMapping(profilesNode, "'profiles'", PROFILES_EXAMPLE, problems)
                        .orElse(null);
        if (profiles == null || profiles.entries().isEmpty()) {
            if (problems.isEmpty()) {
                Location at = profilesNode != null ? profilesNode.location() : top.location();
                problems.add(
                        new Problem(
                                at,
                                "no profiles are defined",
                                "Add at least one under 'profiles:', for example:\n"
                                        + PROFILES_EXAMPLE));
            }
            throw new ProblemException(problems);
        }

        // Each profile as written, so that a problem is reported where it was written, once.
        Map<String, YamlNode.Mapping> raw = new LinkedHashMap<>();
        profiles.entries()
                .forEach(
                        (name, node) -> {
                            if (!PROFILE_NAME.matcher(name).matches()) {
                                problems.add(
                                        new Problem(
                                                profiles.keyLocations().get(name),
                                                "'" + name + "' is not a valid profile name",
                                                "Use letters, digits, '-', '_' and '.', starting with a letter or digit."));
                            }
                            YamlNode.Mapping body =
                                    Section.asMapping(
                                                    node,
                                                    "profile '" + name + "'",
                                                    "  "
                                                            + name
                                                            + ":\n    database:\n      image: postgres:15",
                                                    problems)
                                            .orElse(
                                                    new YamlNode.Mapping(
                                                            Map.of(),
                                                            Map.of(),
                                                            profiles.keyLocations().get(name)));
                            raw.put(name, body);
                            profile(name, file, body, problems, false);
                        });

        // Then as merged with what they extend: what only the combination gets wrong is reported
        // too.
        Map<String, YamlNode.Mapping> merged = new ExtendsMerge(raw, problems).mergeAll();
        Set<Location> reported = new HashSet<>();
        problems.forEach(p -> reported.add(p.where()));
        Map<String, Profile> result = new LinkedHashMap<>();
        List<Problem> afterMerge = new ArrayList<>();
        merged.forEach(
                (name, body) -> result.put(name, profile(name, file, body, afterMerge, true)));
        afterMerge.stream().filter(p -> !reported.contains(p.where())).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ProblemException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return new ProfileFile(top.keyLocations().get("profiles"), result);
    }

    /** @param whole merged with what it extends: only then are combinations of keys checked */
    private Profile profile(
            String name,
            String file,
            YamlNode.Mapping body,
            List<Problem> problems,
            boolean whole) {
        Section section = new Section(body, "profile '" + name + "'", PROFILE_KEYS, problems);
        section.text("extends", "default");
        ClockSection.Pinned clock = ClockSection.read(section, name, problems);
        DatabaseSpec database = databases.read(section, problems).inTimeZone(clock.pin().zone());
        NetworkSpec network = NetworkSection.read(section, problems);
        List<DatasetSpec> datasets = DatasetsSection.datasets(section, problems);
        List<Expectation> expected = ExpectSection.read(section, problems);
        if (whole) {
            checkCombination(section, clock, database, datasets, problems);
            NetworkSection.checkCombination(network, section, problems);
            ExpectSection.checkEngine(
                    expected,
                    database.engine().facts().addOnsKey(),
                    database.engine().displayName(),
                    problems);
        }
        return new Profile(
                name,
                file,
                database,
                network,
                clock.pin(),
                clock.origin(),
                DatasetsSection.seed(section),
                datasets,
                DatabaseSection.origin(section),
                NetworkSection.imageOrigin(section),
                DatabaseFaultsSection.read(section, problems),
                freshPool(section, problems),
                expected,
                ExpectSection.origin(section));
    }

    /** {@code fresh-pool:}, how many fresh databases are kept ready: 0 (made when a test asks) to {@value #MAX_FRESH_POOL}. */
    private static OptionalInt freshPool(Section section, List<Problem> problems) {
        Optional<Long> size = section.integer("fresh-pool", "4");
        if (size.isEmpty()) {
            return OptionalInt.empty();
        }
        if (size.get() < 0 || size.get() > MAX_FRESH_POOL) {
            problems.add(
                    new Problem(
                            section.valueLocation("fresh-pool"),
                            "'fresh-pool' of "
                                    + section.path()
                                    + " is "
                                    + size.get()
                                    + ", outside 0.."
                                    + MAX_FRESH_POOL,
                            "Give how many fresh databases to keep ready, e.g. fresh-pool: 4 (0: none, each made"
                                    + " when a test asks)."));
            return OptionalInt.empty();
        }
        return OptionalInt.of(size.get().intValue());
    }

    private void checkCombination(
            Section section,
            ClockSection.Pinned clock,
            DatabaseSpec database,
            List<DatasetSpec> datasets,
            List<Problem> problems) {
        databases.checkWholeProfile(database, section, problems);
        if (clock.pin().pinsTimeZone()) {
            DatabaseSection.require(
                    database.engine(),
                    Capability.TIME_ZONE,
                    section.valueLocation("timezone"),
                    problems);
            DatabaseSection.checkZoneSettings(database, section, problems);
        }
        if (!datasets.isEmpty()) {
            DatabaseSection.require(
                    database.engine(),
                    Capability.DATASETS,
                    section.valueLocation("datasets"),
                    problems);
        }
    }
}
