package dev.parity.profile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import dev.parity.clock.ClockPin;
import dev.parity.data.ColumnRule;
import dev.parity.data.DatasetSpec;
import dev.parity.data.Mess;
import dev.parity.data.Skew;
import dev.parity.clock.InvalidClockPinException;
import org.apiguardian.api.API;

/**
 * Reads and validates a whole profile file: every profile, every key, {@code extends} chains and init
 * scripts, before anything is started. Problems are collected and reported together.
 */
@API(status = API.Status.INTERNAL)
public final class ProfileLoader {

    static final List<String> TOP_LEVEL_KEYS = List.of("profiles");
    static final List<String> PROFILE_KEYS = List.of("extends", "database", "network", "timezone", "locale", "clock", "seed", "datasets");
    static final List<String> DATASET_KEYS = List.of("table", "rows", "seed", "mess", "columns");
    static final List<String> MESS_KEYS = List.of("nulls", "unicode", "whitespace", "duplicates", "extremes");
    static final List<String> RULE_KEYS = List.of("values", "weights", "ref", "skew", "value");
    private static final String DATASETS_EXAMPLE = "datasets:\n  - table: customers\n    rows: 1000000";
    static final List<String> NETWORK_KEYS = List.of("provider", "host", "port", "binary", "toxics");
    static final List<String> TOXIC_KEYS = List.of("type", "stream", "toxicity", "attributes");
    private static final String TOXICS_EXAMPLE = "toxics:\n  - type: latency\n    stream: both\n    attributes: {latency: 40, jitter: 10}";
    static final List<String> CLOCK_KEYS = List.of("fixed");
    static final List<String> DATABASE_KEYS = List.of("engine", "image", "name", "username", "password", "init", "settings");

    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String PROFILES_EXAMPLE = "profiles:\n  default:\n    database:\n      image: postgres:15";
    private static final String DATABASE_EXAMPLE = "database:\n  engine: postgres\n  image: postgres:15\n  init: [schema.sql]";

    private final ClassLoader classLoader;

    /** @param classLoader where init scripts are looked up */
    public ProfileLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public ProfileFile load(ProfileSource source) {
        YamlNode root;
        try (Reader reader = new InputStreamReader(source.open(), StandardCharsets.UTF_8)) {
            root = new YamlParser(source.name()).parse(reader);
        } catch (IOException e) {
            throw new ProfileException(new Problem(Location.of(source.name()), "cannot be read: " + e,
                    "Check that " + source.url() + " is readable."), e);
        }
        return read(source.name(), root);
    }

    ProfileFile read(String file, YamlNode root) {
        List<Problem> problems = new ArrayList<>();
        YamlNode.Mapping top = Section.asMapping(root, "the top level", PROFILES_EXAMPLE, problems)
                .orElse(new YamlNode.Mapping(Map.of(), Map.of(), new Location(file, 1)));
        new Section(top, "the top level", TOP_LEVEL_KEYS, problems);
        YamlNode profilesNode = top.entries().get("profiles");
        YamlNode.Mapping profiles = Section.asMapping(profilesNode, "'profiles'", PROFILES_EXAMPLE, problems).orElse(null);
        if (profiles == null || profiles.entries().isEmpty()) {
            if (problems.isEmpty()) {
                Location at = profilesNode != null ? profilesNode.location() : top.location();
                problems.add(new Problem(at, "no profiles are defined", "Add at least one under 'profiles:', for example:\n" + PROFILES_EXAMPLE));
            }
            throw new ProfileException(problems);
        }

        // Pass 1: each profile as written, so that a problem is reported once, where it was written.
        Map<String, YamlNode.Mapping> raw = new LinkedHashMap<>();
        profiles.entries().forEach((name, node) -> {
            String path = "profile '" + name + "'";
            if (!PROFILE_NAME.matcher(name).matches()) {
                problems.add(new Problem(profiles.keyLocations().get(name), "'" + name + "' is not a valid profile name",
                        "Use letters, digits, '-', '_' and '.', starting with a letter or digit."));
            }
            YamlNode.Mapping body = Section.asMapping(node, path, "  " + name + ":\n    database:\n      image: postgres:15", problems)
                    .orElse(new YamlNode.Mapping(Map.of(), Map.of(), profiles.keyLocations().get(name)));
            raw.put(name, body);
            readProfileBody(body, path, problems);
        });

        // Pass 2: extends chains, merged parent first.
        Map<String, YamlNode.Mapping> merged = new LinkedHashMap<>();
        Set<String> reportedCycles = new LinkedHashSet<>();
        raw.keySet().forEach(name -> merge(name, raw, merged, new ArrayList<>(), reportedCycles, problems));
        if (!problems.isEmpty()) {
            throw new ProfileException(List.copyOf(new LinkedHashSet<>(problems)));
        }

        // Pass 3: the merged profiles, valid by construction now.
        Map<String, Profile> result = new LinkedHashMap<>();
        merged.forEach((name, body) -> {
            List<Problem> none = new ArrayList<>();
            Section section = new Section(body, "profile '" + name + "'", PROFILE_KEYS, none);
            ClockPin clock = readClock(section, "profile '" + name + "'", none);
            DatabaseSpec database = readDatabaseOf(section, "profile '" + name + "'", none).inTimeZone(clock.zone());
            result.put(name, new Profile(name, file, database, readNetwork(section, "profile '" + name + "'", none), clock,
                    clockOrigin(name, body, file), section.integer("seed", "42").map(OptionalLong::of).orElse(OptionalLong.empty()),
                    readDatasets(section, "profile '" + name + "'", none)));
        });
        return new ProfileFile(file, top.keyLocations().get("profiles"), result);
    }

    private void readProfileBody(YamlNode.Mapping body, String path, List<Problem> problems) {
        Section profile = new Section(body, path, PROFILE_KEYS, problems);
        profile.text("extends", "default");
        readDatabaseOf(profile, path, problems);
        readNetwork(profile, path, problems);
        readClock(profile, path, problems);
        profile.integer("seed", "42");
        readDatasets(profile, path, problems);
    }

    private DatabaseSpec readDatabaseOf(Section profile, String path, List<Problem> problems) {
        YamlNode.Mapping database = profile.mapping("database", DATABASE_EXAMPLE)
                .orElse(new YamlNode.Mapping(Map.of(), Map.of(), profile.valueLocation("database")));
        return readDatabase(new Section(database, path + " > database", DATABASE_KEYS, problems), path, problems);
    }

    private NetworkSpec readNetwork(Section profile, String path, List<Problem> problems) {
        Optional<YamlNode.Mapping> node = profile.mapping("network", "network:\n  provider: container\n" + TOXICS_EXAMPLE.replaceAll("(?m)^", "  "));
        if (node.isEmpty()) {
            return NetworkSpec.DEFAULT;
        }
        Section network = new Section(node.get(), path + " > network", NETWORK_KEYS, problems);
        String provider = network.text("provider", "container").orElse("container");
        if (!NetworkSpec.PROVIDERS.contains(provider)) {
            problems.add(new Problem(network.valueLocation("provider"), "unknown network provider '" + provider + "' in " + path,
                    Suggestions.didYouMean(provider, NetworkSpec.PROVIDERS) + "Use container (Docker), process (a toxiproxy-server on this machine) or external (host and port of a running server)."));
        }
        String host = network.text("host", "localhost").orElse("localhost");
        long port = network.integer("port", "8474").orElse(8474L);
        if (port < 1 || port > 65535) {
            problems.add(new Problem(network.valueLocation("port"), "port " + port + " in " + path + " > network is not a TCP port",
                    "Use the Toxiproxy API port, 8474 unless the server was started with another."));
        }
        String binary = network.text("binary", "/usr/local/bin/toxiproxy-server").orElse("");
        List<ToxicSpec> toxics = new ArrayList<>();
        for (YamlNode.Mapping item : network.mappings("toxics", TOXICS_EXAMPLE)) {
            Section toxic = new Section(item, path + " > network > toxics", TOXIC_KEYS, problems);
            String type = toxic.text("type", "latency").orElse(null);
            if (type == null) {
                problems.add(new Problem(item.location(), "a toxic in " + path + " has no type", "Add one, for example: type: latency"));
                continue;
            }
            Map<String, Long> attributes = new LinkedHashMap<>();
            toxic.mapping("attributes", "attributes: {latency: 40, jitter: 10}").ifPresent(map -> {
                Section values = new Section(map, path + " > network > toxics > attributes", List.copyOf(map.entries().keySet()), problems);
                map.entries().keySet().forEach(name -> values.integer(name, "100").ifPresent(v -> attributes.put(name, v)));
            });
            ToxicSpec spec = new ToxicSpec(type, toxic.text("stream", "downstream").orElse("downstream"),
                    toxic.number("toxicity", "0.05").orElse(1.0), attributes);
            spec.problems().forEach(problem -> problems.add(new Problem(item.location(), "in " + path + " > network > toxics: " + problem, "")));
            toxics.add(spec);
        }
        return new NetworkSpec(provider, host, (int) port, binary, toxics);
    }

    /** {@code datasets:}; tables and columns are checked against the schema once the database runs. */
    private List<DatasetSpec> readDatasets(Section profile, String path, List<Problem> problems) {
        List<DatasetSpec> datasets = new ArrayList<>();
        for (YamlNode.Mapping item : profile.mappings("datasets", DATASETS_EXAMPLE)) {
            Section dataset = new Section(item, path + " > datasets", DATASET_KEYS, problems);
            Optional<String> table = dataset.text("table", "customers");
            if (table.isEmpty()) {
                problems.add(new Problem(item.location(), "a dataset in " + path + " names no table", "Add one, for example: table: customers"));
                continue;
            }
            String where = path + " > datasets > " + table.get();
            long rows = dataset.integer("rows", "1000000").orElse(-1L);
            if (rows < 0) {
                problems.add(new Problem(dataset.valueLocation("rows"), "'rows' of " + where + (item.entries().containsKey("rows") ? " is negative" : " is missing"),
                        "Give the number of rows to load, 0 or more, for example: rows: 100000"));
            }
            DatasetSpec spec = DatasetSpec.of(table.get(), Math.max(rows, 0)).withOrigin(item.location().toString())
                    .withMess(readMess(dataset, where, problems));
            OptionalLong seed = dataset.integer("seed", "7").map(OptionalLong::of).orElse(OptionalLong.empty());
            if (seed.isPresent()) {
                spec = spec.withSeed(seed.getAsLong());
            }
            Optional<YamlNode.Mapping> columns = dataset.mapping("columns", "columns:\n  email: \"#{Internet.emailAddress}\"");
            if (columns.isPresent()) {
                for (Map.Entry<String, YamlNode> column : columns.get().entries().entrySet()) {
                    ColumnRule rule = readRule(column.getValue(), where + " > columns > " + column.getKey(), problems);
                    if (rule != null) {
                        spec = spec.withColumn(column.getKey(), rule);
                    }
                }
            }
            datasets.add(spec);
        }
        return datasets;
    }

    private static Mess readMess(Section dataset, String where, List<Problem> problems) {
        YamlNode node = dataset.valueNode("mess");
        if (node == null) {
            return Mess.defaults();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.text().equals("none")) {
            return Mess.none();
        }
        Optional<YamlNode.Mapping> mapping = Section.asMapping(node, "'mess' of " + where,
                "mess: {nulls: 0.05, unicode: 0.10}   (or mess: none)", problems);
        if (mapping.isEmpty()) {
            return Mess.defaults();
        }
        Section knobs = new Section(mapping.get(), "'mess' of " + where, MESS_KEYS, problems);
        Mess defaults = Mess.defaults();
        double[] values = {defaults.nulls(), defaults.unicode(), defaults.whitespace(), defaults.duplicates(), defaults.extremes()};
        for (int i = 0; i < MESS_KEYS.size(); i++) {
            String knob = MESS_KEYS.get(i);
            Optional<Double> value = knobs.number(knob, "0.05");
            if (value.isPresent() && (value.get() < 0 || value.get() > 1)) {
                problems.add(new Problem(knobs.valueLocation(knob), "mess '" + knob + "' of " + where + " is " + value.get() + ", outside 0..1",
                        "Give the fraction of cells, e.g. 0.05 for 5%."));
            } else if (value.isPresent()) {
                values[i] = value.get();
            }
        }
        return new Mess(values[0], values[1], values[2], values[3], values[4]);
    }

    /** A Datafaker expression, {@code {values, weights}}, {@code {ref, skew}} or {@code {value}}. */
    private static ColumnRule readRule(YamlNode node, String where, List<Problem> problems) {
        String example = "  email: \"#{Internet.emailAddress}\"\n  country: {values: [BR, DE], weights: [5, 2]}\n"
                + "  customer_id: {ref: customers.id, skew: zipf}\n  status: {value: ACTIVE}";
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("str")) {
            return ColumnRule.expression(scalar.text());
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(new Problem(node.location(), where + " must be a Datafaker expression or a mapping, but is " + node.kind(),
                    "Write it as one of:\n" + example));
            return null;
        }
        Section rule = new Section(mapping, where, RULE_KEYS, problems);
        if (mapping.entries().containsKey("ref")) {
            String skewName = rule.text("skew", "zipf").orElse("uniform");
            Skew skew = Skew.byName(skewName);
            if (skew == null) {
                problems.add(new Problem(rule.valueLocation("skew"), "unknown skew '" + skewName + "' in " + where, "Use uniform or zipf."));
            }
            Skew chosen = skew != null ? skew : Skew.UNIFORM;
            return rule.text("ref", "customers.id").map(ref -> ColumnRule.ref(ref, chosen)).orElse(null);
        }
        if (mapping.entries().containsKey("values")) {
            List<String> values = rule.textList("values", "BR, DE", Section.ItemCheck.NONE);
            List<Double> weights = new ArrayList<>();
            YamlNode weightsNode = mapping.entries().get("weights");
            if (weightsNode instanceof YamlNode.Sequence sequence) {
                for (YamlNode weight : sequence.items()) {
                    if (weight instanceof YamlNode.Scalar scalar && (scalar.type().equals("int") || scalar.type().equals("float"))
                            && Double.parseDouble(scalar.text()) >= 0) {
                        weights.add(Double.parseDouble(scalar.text()));
                    } else {
                        problems.add(new Problem(weight.location(), "each weight in " + where + " must be a number, 0 or more, but one is " + weight.kind(),
                                "Write them as, for example: weights: [5, 2, 2, 1]"));
                    }
                }
                if (weights.size() != values.size()) {
                    problems.add(new Problem(weightsNode.location(), where + " has " + values.size() + " values but " + weights.size() + " weights",
                            "Give one weight per value, or none for equal weights."));
                }
            } else if (weightsNode != null) {
                problems.add(new Problem(weightsNode.location(), "'weights' in " + where + " must be a list, but is " + weightsNode.kind(),
                        "Write them as, for example: weights: [5, 2, 2, 1]"));
            }
            return ColumnRule.values(values, weights);
        }
        if (mapping.entries().containsKey("value")) {
            YamlNode value = mapping.entries().get("value");
            return value instanceof YamlNode.Scalar scalar && !scalar.type().equals("null")
                    ? ColumnRule.constant(scalar.text()) : ColumnRule.nullValue();
        }
        problems.add(new Problem(mapping.location(), where + " says neither values, ref nor value", "Write it as one of:\n" + example));
        return null;
    }

    /** {@code timezone:}, {@code locale:} and {@code clock: {fixed: ...}}, validated as the annotations are. */
    private ClockPin readClock(Section profile, String path, List<Problem> problems) {
        ClockPin pin = ClockPin.NONE;
        Optional<String> zone = profile.text("timezone", "Europe/Berlin");
        Optional<String> fixed = profile.mapping("clock", "clock:\n  fixed: 2024-03-31T01:30:00Z").flatMap(clock ->
                new Section(clock, path + " > clock", CLOCK_KEYS, problems).instant("fixed", "2024-03-31T01:30:00Z"));
        if (zone.isPresent() || fixed.isPresent()) {
            try {
                pin = pin.and(ClockPin.timeZone(zone.orElse("UTC"), fixed.orElse("")));
            } catch (InvalidClockPinException e) {
                Location at = zone.isPresent() ? profile.valueLocation("timezone") : profile.valueLocation("clock");
                problems.add(new Problem(at, "invalid " + (zone.isPresent() ? "timezone" : "clock") + " in " + path + ": " + e.getMessage(), ""));
            }
        }
        Optional<String> locale = profile.text("locale", "de-DE");
        if (locale.isPresent()) {
            try {
                pin = pin.and(ClockPin.locale(locale.get()));
            } catch (InvalidClockPinException e) {
                problems.add(new Problem(profile.valueLocation("locale"), "invalid locale in " + path + ": " + e.getMessage(), ""));
            }
        }
        return pin;
    }

    /** "profile 'x' (parity.yml, line 4)": where the pinned zone or locale was written, for mismatch messages. */
    private static String clockOrigin(String name, YamlNode.Mapping body, String file) {
        Location at = body.keyLocations().getOrDefault("timezone", body.keyLocations().get("locale"));
        return "profile '" + name + "'" + (at != null ? " (" + at + ")" : " (" + file + ")");
    }

    private DatabaseSpec readDatabase(Section database, String path, List<Problem> problems) {
        DatabaseEngine engine = database.text("engine", "postgres").flatMap(id -> {
            var known = DatabaseEngine.byId(id);
            if (known.isEmpty()) {
                problems.add(new Problem(database.valueLocation("engine"), "unknown database engine '" + id + "' in " + path,
                        Suggestions.didYouMean(id, DatabaseEngine.ids()) + "Known engines: " + String.join(", ", DatabaseEngine.ids()) + "."));
            }
            return known;
        }).orElse(DatabaseEngine.POSTGRES);
        String image = database.text("image", engine.defaultImage()).orElse(engine.defaultImage());
        if (image.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new Problem(database.valueLocation("image"), "image '" + image + "' in " + path + " contains white space",
                    "Write the image as repository:tag, for example " + engine.defaultImage() + "."));
        }
        String name = database.text("name", "orders").orElse("test");
        String username = database.text("username", "app").orElse("test");
        String password = database.text("password", "secret").orElse("test");
        List<String> init = database.textList("init", "schema.sql", this::checkScriptExists);
        var settings = database.settings("settings", "settings:\n  max_connections: 200\n  work_mem: 4MB");
        return new DatabaseSpec(engine, image, name, username, password, init, settings, null);
    }

    private void checkScriptExists(String script, Location at, List<Problem> problems) {
        if (ProfileSource.resource(classLoader, script) == null) {
            String resource = script.startsWith("/") ? script.substring(1) : script;
            problems.add(new Problem(at, "init script '" + script + "' is not on the test classpath",
                    "Put it under src/test/resources/" + resource + " (names are classpath paths, relative to its root), or fix the name."));
        }
    }

    private void merge(String name, Map<String, YamlNode.Mapping> raw, Map<String, YamlNode.Mapping> merged,
                       List<String> chain, Set<String> reportedCycles, List<Problem> problems) {
        if (merged.containsKey(name)) {
            return;
        }
        YamlNode.Mapping body = raw.get(name);
        YamlNode parentNode = body.entries().get("extends");
        if (!(parentNode instanceof YamlNode.Scalar parentScalar) || !parentScalar.type().equals("str")) {
            merged.put(name, body); // no extends, or one already reported as malformed
            return;
        }
        String parent = parentScalar.text().strip();
        chain.add(name);
        if (chain.contains(parent)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(parent), chain.size()));
            cycle.add(parent);
            if (reportedCycles.add(new java.util.TreeSet<>(cycle).toString())) {
                problems.add(new Problem(parentNode.location(), "'extends' makes a cycle: " + String.join(" -> ", cycle),
                        "A profile cannot inherit from itself; remove one of these 'extends'."));
            }
            merged.put(name, body);
            return;
        }
        if (!raw.containsKey(parent)) {
            problems.add(new Problem(parentNode.location(), "profile '" + name + "' extends '" + parent + "', which is not defined",
                    Suggestions.didYouMean(parent, raw.keySet()) + "Known profiles: " + String.join(", ", raw.keySet()) + "."));
            merged.put(name, body);
            return;
        }
        merge(parent, raw, merged, chain, reportedCycles, problems);
        Map<String, YamlNode> own = new LinkedHashMap<>(body.entries());
        Map<String, Location> ownKeys = new LinkedHashMap<>(body.keyLocations());
        own.remove("extends");
        ownKeys.remove("extends");
        merged.put(name, merged.get(parent).overriddenBy(new YamlNode.Mapping(own, ownKeys, body.location())));
    }
}
