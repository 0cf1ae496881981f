package dev.parity.settings;

import dev.parity.config.Setting;
import dev.parity.config.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every {@code parity.*} switch, declared once: its name, type, default and meaning ({@link #ALL}, which the
 * README's settings table follows). A switch is read where it is used, through its {@link Key}:
 *
 * <ul>
 *   <li>with an {@link ExtensionContext} at hand, as a JUnit configuration parameter, which JUnit also finds in
 *       system properties and {@code junit-platform.properties} ({@link Key#get(ExtensionContext)});</li>
 *   <li>where there is none (a container started outside a test class's callbacks, resource locks computed at
 *       discovery), as a system property ({@link Key#getFromSystemProperties()}). That fallback lives here only.</li>
 * </ul>
 *
 * <p>Reads are strict ({@link Setting}): a value that is set but does not parse is a
 * {@link dev.parity.config.ProblemException} naming the key, the value and what it takes, never the default.
 * Blank counts as unset. Unknown {@code parity.*} keys among the system properties (and in
 * {@code junit-platform.properties}) are {@linkplain #reportUnknown reported} once a run, with the key meant.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Settings {

    /** The most fresh databases a pool, or a profile's {@code fresh-pool:}, may keep ready. */
    public static final int MAX_POOL_SIZE = 64;

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final String PREFIX = "parity.";

    /** Where a key is read from. */
    public enum Source {
        /** A JUnit configuration parameter: {@code -D}, {@code junit-platform.properties}, or the launcher's own. */
        CONFIGURATION_PARAMETER("configuration parameter or system property"),
        /** A system property only: it is read where no JUnit configuration can be asked. */
        SYSTEM_PROPERTY("system property");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One switch.
     *
     * @param name         its name, e.g. {@code parity.pool.size}
     * @param type         what it takes, for the table: {@code duration}, {@code whole number}, ...
     * @param defaultValue what applies when unset; null where the default depends on the profile or the machine
     * @param defaultText  the default, as the README says it
     * @param meaning      what it does, one line
     * @param source       where it is read from
     * @param parser       a set value (stripped, not blank) to its type; throws naming the key, the value and the form
     */
    public record Key<T>(
            String name,
            String type,
            T defaultValue,
            String defaultText,
            String meaning,
            Source source,
            Function<Setting, T> parser) {

        /** The value {@code parameters} give (a configuration parameter, which JUnit also finds in system properties), if set. */
        public Optional<T> find(Function<String, Optional<String>> parameters) {
            return parse(Setting.configurationParameter(name, parameters.apply(name)));
        }

        /** The configuration parameter, if set. */
        public Optional<T> find(ExtensionContext context) {
            return find(context::getConfigurationParameter);
        }

        /** The system property, if set: where no JUnit configuration is at hand. */
        public Optional<T> findInSystemProperties() {
            return parse(Setting.systemProperty(name));
        }

        /** As {@link #find(Function)}, else the default. */
        public T get(Function<String, Optional<String>> parameters) {
            return find(parameters).orElseGet(this::requiredDefault);
        }

        /** As {@link #find(ExtensionContext)}, else the default. */
        public T get(ExtensionContext context) {
            return find(context).orElseGet(this::requiredDefault);
        }

        /** As {@link #findInSystemProperties()}, else the default. */
        public T getFromSystemProperties() {
            return findInSystemProperties().orElseGet(this::requiredDefault);
        }

        private Optional<T> parse(Setting setting) {
            return setting.value().map(v -> parser.apply(setting));
        }

        private T requiredDefault() {
            if (defaultValue == null) {
                throw new IllegalStateException(
                        name
                                + " has no fixed default; ask find() and apply the default where it is known");
            }
            return defaultValue;
        }
    }

    /** The profile file: a classpath resource ({@code classpath:} optional) or a path. */
    public static final Key<String> CONFIG =
            new Key<>(
                    "parity.config",
                    "resource or path",
                    null,
                    "parity.yml (or parity.yaml) at the root " + "of the test classpath",
                    "The profile file to read instead of parity.yml.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::text);

    /** The profile a {@code @ProdLike} without a name runs under (else {@code PARITY_PROFILE}, else {@code default}). */
    public static final Key<String> PROFILE =
            new Key<>(
                    "parity.profile",
                    "profile name",
                    null,
                    "the environment variable PARITY_PROFILE, " + "else default",
                    "The profile of classes whose @ProdLike names none.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::text);

    /** The seed of generated data, over the profile's {@code seed:}. */
    public static final Key<Long> SEED =
            new Key<>(
                    "parity.seed",
                    "whole number",
                    null,
                    "the profile's seed:, else 0",
                    "The seed of generated data; a failed test's report line gives the one to replay.",
                    Source.CONFIGURATION_PARAMETER,
                    s ->
                            s.wholeNumber(
                                    0,
                                    "Give the seed printed by the failing run, e.g. -D"
                                            + s.name()
                                            + "=42."));

    /** Fresh databases kept ready, over the profile's {@code fresh-pool:}. */
    public static final Key<Integer> POOL_SIZE =
            new Key<>(
                    "parity.pool.size",
                    "whole number, 0 to " + MAX_POOL_SIZE,
                    null,
                    "the profile's fresh-pool:, else 2",
                    "How many @FreshDatabase copies are kept ready (0: each is made when its test starts).",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::poolSize);

    /** Whether a failed test's fresh database stays after the run. */
    public static final Key<Boolean> KEEP =
            new Key<>(
                    "parity.keep",
                    "failed or never",
                    false,
                    "never",
                    "failed: a failed test's fresh database stays, with its container, until the next run.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::keep);

    /** How long a statement preparing a database may wait on a lock. */
    public static final Key<Duration> LOCK_WAIT =
            new Key<>(
                    "parity.lockWait",
                    "duration (60s, 2m, 500ms, PT1M; a bare number is seconds)",
                    Duration.ofSeconds(60),
                    "60s",
                    "How long a statement of migrations, init scripts or a dataset load may wait on a lock before it is "
                            + "cancelled.",
                    Source.CONFIGURATION_PARAMETER,
                    s -> s.duration(Duration.ZERO));

    /** Where the run report is written. */
    public static final Key<String> REPORT_DIR =
            new Key<>(
                    "parity.report.dir",
                    "directory",
                    "target/parity",
                    "target/parity",
                    "Where the run report (report.md, report.json) is written.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::text);

    /** Where containers publish their ports. */
    public static final Key<String> BIND_ADDRESS =
            new Key<>(
                    "parity.bindAddress",
                    "IP address",
                    null,
                    "127.0.0.1 when Docker runs on this " + "machine, else 0.0.0.0",
                    "The address containers publish their ports on; 0.0.0.0 is every interface.",
                    Source.SYSTEM_PROPERTY,
                    Settings::ipAddress);

    /** How long a missing image may take to pull. */
    public static final Key<Duration> PULL_TIMEOUT =
            new Key<>(
                    "parity.pull.timeout",
                    "whole seconds, 0 or more",
                    Duration.ofMinutes(2),
                    "120",
                    "How long Parity tries to pull an image that is not on this machine (0: not at all).",
                    Source.SYSTEM_PROPERTY,
                    s -> Duration.ofSeconds(s.atLeast(0, 0, "seconds", 120)));

    /** The ceiling of what datasets may write. */
    public static final Key<Long> DATA_MAX_BYTES =
            new Key<>(
                    "parity.data.maxBytes",
                    "bytes, 1 or more",
                    20L << 30,
                    "21474836480 (20 GB)",
                    "Datasets estimated to write more than this are refused before a row is written.",
                    Source.SYSTEM_PROPERTY,
                    s -> s.atLeast(1, 1, "bytes", 50L << 30));

    /** Whether PostgreSQL loads keep indexes and foreign keys in place. */
    public static final Key<Boolean> LOAD_KEEP_INDEXES =
            new Key<>(
                    "parity.load.keepIndexes",
                    "true or false",
                    false,
                    "false",
                    "true: PostgreSQL dataset loads keep indexes and foreign keys in place instead of dropping and rebuilding them.",
                    Source.SYSTEM_PROPERTY,
                    Setting::flag);

    /** Whether a large load's row generators are compiled while its database starts. */
    public static final Key<Boolean> LOAD_WARM_UP =
            new Key<>(
                    "parity.load.warmUp",
                    "true or false",
                    true,
                    "true",
                    "true: while the database of a load of 100,000 rows or more starts, one thread makes throwaway rows"
                            + " so that the JIT has the generators compiled when the load begins; false: it does not.",
                    Source.CONFIGURATION_PARAMETER,
                    Setting::flag);

    /** How classes whose data differs share database servers. */
    public enum Servers {
        /** One server for every data variant of a server's profile, a database each (the default). */
        SHARED,
        /** A server of its own for each data variant. */
        PER_DATA
    }

    /** Whether classes whose data differs share a server. */
    public static final Key<Servers> SERVERS =
            new Key<>(
                    "parity.servers",
                    "shared or per-data",
                    Servers.SHARED,
                    "shared",
                    "shared: classes whose datasets or seed differ get a database each on one server; per-data: a server each.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::servers);

    /** Whether environments start from, and are saved to, the snapshot cache. */
    public enum Snapshots {
        /** Start from a saved snapshot where one matches; save one where none does. */
        ON,
        /** Build every environment from scratch; the cache is not touched. */
        OFF,
        /** Start from a saved snapshot where one matches; save none (a shared or restored cache stays as it is). */
        READ_ONLY,
        /** Build from scratch and save, replacing what the cache holds for the same key. */
        REBUILD;

        /**
         * On for a developer's runs, off where the {@code CI} environment variable says a CI server runs (as GitHub
         * Actions, GitLab and most others set it): a CI machine's cache lives only as long as the CI system keeps the
         * folder, which it should be told to do first (README, "Warm starts").
         */
        public static Snapshots byDefault(java.util.function.Function<String, String> environment) {
            String ci = environment.apply("CI");
            return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") ? OFF : ON;
        }
    }

    /** Whether warm starts are used. */
    public static final Key<Snapshots> SNAPSHOTS =
            new Key<>(
                    "parity.snapshots",
                    "on, off, read-only or rebuild",
                    null,
                    "on; off where the CI environment variable is set",
                    "on: an environment starts from its saved server when its key matches, and is saved when none does; "
                            + "read-only: start from saved ones, save none; rebuild: build and save again; off: build every time.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::snapshots);

    /** Where the snapshots are kept. */
    public static final Key<String> SNAPSHOTS_DIR =
            new Key<>(
                    "parity.snapshots.dir",
                    "path",
                    java.nio.file.Path.of(System.getProperty("user.home", "."), ".cache", "parity")
                            .toString(),
                    "~/.cache/parity",
                    "The folder of saved servers, shared by every run and project of the user (a CI cache keeps it).",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::text);

    /** How a saved server reaches its container. */
    public enum SnapshotTransfer {
        /** A mount where Docker runs on this machine, else an upload. */
        AUTO,
        /** Bind-mounted read-only and unpacked from there; uploaded after all where the mount does not arrive. */
        MOUNT,
        /** Uploaded through Docker's API, then unpacked: about twice as long as from a mount. */
        UPLOAD
    }

    /** How a saved server reaches its container. */
    public static final Key<SnapshotTransfer> SNAPSHOTS_TRANSFER =
            new Key<>(
                    "parity.snapshots.transfer",
                    "auto, mount or upload",
                    SnapshotTransfer.AUTO,
                    "auto",
                    "How a saved server reaches its container: mount (the file bind-mounted read-only, unpacked from "
                            + "there; uploaded where the mount does not arrive), upload (through Docker's API, about "
                            + "twice as long); auto: mount where Docker runs on this machine.",
                    Source.CONFIGURATION_PARAMETER,
                    Settings::snapshotTransfer);

    /** How much the snapshot folder may hold. */
    public static final Key<Long> SNAPSHOTS_MAX_BYTES =
            new Key<>(
                    "parity.snapshots.maxBytes",
                    "bytes, 1 or more",
                    10L << 30,
                    "10737418240 (10 GB)",
                    "Past this, the least recently used snapshots are deleted when a new one is saved.",
                    Source.CONFIGURATION_PARAMETER,
                    s -> s.atLeast(1, 1, "bytes", 20L << 30));

    /** Every key, in the README's order. */
    public static final List<Key<?>> ALL =
            List.of(
                    CONFIG,
                    PROFILE,
                    SEED,
                    POOL_SIZE,
                    KEEP,
                    LOCK_WAIT,
                    REPORT_DIR,
                    BIND_ADDRESS,
                    PULL_TIMEOUT,
                    DATA_MAX_BYTES,
                    LOAD_KEEP_INDEXES,
                    LOAD_WARM_UP,
                    SERVERS,
                    SNAPSHOTS,
                    SNAPSHOTS_DIR,
                    SNAPSHOTS_MAX_BYTES,
                    SNAPSHOTS_TRANSFER);

    private static final Set<String> NAMES =
            ALL.stream().map(Key::name).collect(Collectors.toUnmodifiableSet());

    private Settings() {}

    /** Every key's name. */
    public static Set<String> names() {
        return NAMES;
    }

    /**
     * A sentence for each unknown {@code parity.*} name among {@code names}, with the key meant if one is close:
     * {@code "unknown setting parity.lockwait (system property). Did you mean 'parity.lockWait'? Known settings: ..."}.
     *
     * @param names names and where they were found, e.g. {@code system property}
     */
    public static List<String> unknown(Map<String, String> names) {
        List<String> messages = new ArrayList<>();
        List<String> suffixes = ALL.stream().map(k -> k.name().substring(PREFIX.length())).toList();
        for (Map.Entry<String, String> entry : new TreeMap<>(names).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(PREFIX) || NAMES.contains(name)) {
                continue;
            }
            // compared without the common prefix, which would make any two keys look alike
            String meant =
                    Suggestions.nearest(name.substring(PREFIX.length()), suffixes)
                            .map(s -> "Did you mean '" + PREFIX + s + "'? ")
                            .orElse("");
            messages.add(
                    "unknown setting "
                            + name
                            + " ("
                            + entry.getValue()
                            + "), which Parity ignores. "
                            + meant
                            + "Known settings: "
                            + String.join(", ", new TreeSet<>(NAMES))
                            + ".");
        }
        return messages;
    }

    /** As {@link #unknown(Map)}, for names found in one place. */
    public static List<String> unknown(Collection<String> names, String where) {
        Map<String, String> found = new LinkedHashMap<>();
        names.forEach(n -> found.put(n, where));
        return unknown(found);
    }

    /**
     * Reports, once a run (the first call for {@code context}'s root), the unknown {@code parity.*} keys among the
     * system properties and in {@code junit-platform.properties}. JUnit cannot list its configuration parameters,
     * so one given only to the launcher goes unchecked.
     *
     * @param report where each message goes
     */
    public static void reportUnknown(ExtensionContext context, Consumer<String> report) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(Settings.class))
                .getOrComputeIfAbsent(
                        Settings.class,
                        key -> {
                            Map<String, String> found = new LinkedHashMap<>();
                            classpathProperties()
                                    .forEach(n -> found.put(n, "junit-platform.properties"));
                            System.getProperties()
                                    .stringPropertyNames()
                                    .forEach(n -> found.put(n, "system property"));
                            unknown(found).forEach(report);
                            return Boolean.TRUE;
                        });
    }

    /** The {@code parity.*} keys of the {@code junit-platform.properties} files at the classpath's root. */
    private static Set<String> classpathProperties() {
        Set<String> keys = new LinkedHashSet<>();
        ClassLoader loader =
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : Settings.class.getClassLoader();
        try {
            Enumeration<URL> files = loader.getResources("junit-platform.properties");
            while (files.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    properties.load(in);
                }
                properties.stringPropertyNames().stream()
                        .filter(n -> n.startsWith(PREFIX))
                        .forEach(keys::add);
            }
        } catch (IOException | IllegalArgumentException e) {
            // JUnit reports a file it cannot read; nothing to add here
        }
        return keys;
    }

    private static String text(Setting setting) {
        return setting.value().orElseThrow();
    }

    private static int poolSize(Setting setting) {
        String fix =
                "Give how many fresh databases to keep ready, from 0 to "
                        + MAX_POOL_SIZE
                        + ", e.g. -D"
                        + setting.name()
                        + "=4 (0: each made when its test starts).";
        long size = setting.wholeNumber(0, fix);
        if (size < 0 || size > MAX_POOL_SIZE) {
            throw setting.invalid("is outside 0.." + MAX_POOL_SIZE, fix, null);
        }
        return (int) size;
    }

    private static Servers servers(Setting setting) {
        return switch (setting.value().orElseThrow()) {
            case "shared" -> Servers.SHARED;
            case "per-data" -> Servers.PER_DATA;
            default ->
                    throw setting.invalid(
                            "is neither shared nor per-data",
                            "Give shared (the default: a database per data variant on one "
                                    + "server) or per-data (a server per data variant).",
                            null);
        };
    }

    private static Snapshots snapshots(Setting setting) {
        return switch (setting.value().orElseThrow()) {
            case "on" -> Snapshots.ON;
            case "off" -> Snapshots.OFF;
            case "read-only" -> Snapshots.READ_ONLY;
            case "rebuild" -> Snapshots.REBUILD;
            default ->
                    throw setting.invalid(
                            "is not one of on, off, read-only, rebuild",
                            "Give on (start from a saved server, save one where none matches), off (build every "
                                    + "time), read-only (start from saved ones, save none) or rebuild (build and "
                                    + "save again).",
                            null);
        };
    }

    private static SnapshotTransfer snapshotTransfer(Setting setting) {
        return switch (setting.value().orElseThrow()) {
            case "auto" -> SnapshotTransfer.AUTO;
            case "mount" -> SnapshotTransfer.MOUNT;
            case "upload" -> SnapshotTransfer.UPLOAD;
            default ->
                    throw setting.invalid(
                            "is not one of auto, mount, upload",
                            "Give auto (a mount where Docker runs on this machine), mount or upload.",
                            null);
        };
    }

    private static boolean keep(Setting setting) {
        return switch (setting.value().orElseThrow()) {
            case "failed" -> true;
            case "never" -> false;
            default ->
                    throw setting.invalid(
                            "is neither failed nor never",
                            "Give failed (a failed test's fresh database stays, with its "
                                    + "container, until the next run) or never (the default).",
                            null);
        };
    }

    /**
     * An IP address, parsed as a literal and never looked up: Docker publishes on an address only, and a host name
     * or a typo would fail later, inside Docker, without naming the key.
     */
    public static String ipAddress(Setting setting) {
        String address = setting.value().orElseThrow();
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.contains(":")) {
            try {
                InetAddress.getByName(
                        "[" + address
                                + "]"); // in brackets: an IPv6 literal or an error, never a DNS
                // lookup
                return address;
            } catch (UnknownHostException e) {
                throw notAnAddress(setting);
            }
        }
        throw notAnAddress(setting);
    }

    private static RuntimeException notAnAddress(Setting setting) {
        return setting.invalid(
                "is not an IP address",
                "Set it to an address of this machine's interfaces, such as 127.0.0.1 (loopback), "
                        + "::1, or 0.0.0.0 (every interface); a host name is not accepted.",
                null);
    }
}
