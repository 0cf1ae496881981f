package dev.parity.junit;

import dev.parity.config.ProblemException;
import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.data.LoadReport;
import dev.parity.data.Mess;
import dev.parity.database.DatabaseDiedException;
import dev.parity.database.DatabaseStartException;
import dev.parity.database.Databases;
import dev.parity.database.LeftoverSweep;
import dev.parity.database.RunningDatabase;
import dev.parity.database.TimeZoneConsistency;
import dev.parity.database.TimeZoneMismatchException;
import dev.parity.engine.Capability;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.network.NetworkSpec;
import dev.parity.network.NetworkStartException;
import dev.parity.network.ToxiproxyServer;
import dev.parity.network.ToxiproxyServers;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileFile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import dev.parity.report.RunLog;
import dev.parity.report.RunReport;
import dev.parity.settings.Settings;
import dev.parity.snapshot.SnapshotEntry;
import dev.parity.snapshot.SnapshotUnusableException;
import dev.parity.snapshot.WarmStart;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.testcontainers.containers.Network;

/**
 * What lives for the whole test run, in the root store: the parsed profile file; one database server (with its
 * Toxiproxy server) per distinct server, as {@link ServerKey} tells them; and on it one database per data variant
 * the run's classes ask for ({@link SharedEnvironment}). The root store closes them when the run ends. Its
 * {@code getOrComputeIfAbsent} is atomic, so concurrent classes wait for one start, not race.
 */
final class SharedEnvironments {

    private static final Namespace NAMESPACE = Namespace.create(SharedEnvironments.class);
    private static final String SNAPSHOT = "parity_loaded_data";
    private static final String BASE = "parity_base";

    private SharedEnvironments() {}

    /** The profile {@code classContext}'s class asks for, from the run's validated profile file. */
    static Profile profileFor(ExtensionContext classContext) {
        ActiveProfile active = ActiveProfile.of(classContext);
        return translated(() -> profileFile(classContext).profile(active.name(), active.origin()));
    }

    /**
     * The database for {@code spec} and {@code data} behind the profile's Toxiproxy server: the server started if this
     * run has not yet, and on it the data loaded into a database of its own if no class loaded it yet.
     *
     * @param classZone  the zone the class pins where it is not the profile's ({@code spec}'s): on an engine that
     *     keeps a zone per database, the data variant's database gets it on the profile's server; else (or with
     *     {@code parity.servers=per-data}) the server runs in it, a server of its own
     * @param zoneOrigin where the pinned zone came from, for the message if the zones disagree at start
     */
    static SharedEnvironment environmentFor(
            ExtensionContext context,
            Profile profile,
            DatabaseSpec profileSpec,
            DataPlan data,
            Optional<ZoneId> classZone,
            String zoneOrigin) {
        boolean perData = Settings.SERVERS.get(context) == Settings.Servers.PER_DATA;
        boolean zonePerDatabase =
                !perData && profileSpec.engine().can(Capability.DATABASE_TIME_ZONE);
        DatabaseSpec spec =
                classZone.isPresent() && !zonePerDatabase
                        ? profileSpec.inTimeZone(classZone.get())
                        : profileSpec;
        Optional<ZoneId> databaseZone = zonePerDatabase ? classZone : Optional.empty();
        ZoneId jvmZone = classZone.orElse(profileSpec.timeZone()); // the pin, if any
        ServerKey serverKey =
                new ServerKey(
                        spec,
                        profile.network().server(),
                        perData ? Optional.of(data) : Optional.empty());
        // only a run that may keep a failed test's database takes its containers out of
        // Testcontainers' reaper
        boolean keepable =
                FreshSettings.of(context::getConfigurationParameter, profile).keepFailed();
        Duration lockWait = Settings.LOCK_WAIT.get(context);
        boolean warmUp = Settings.LOAD_WARM_UP.get(context);
        Function<ServerKey, SharedServer> servers =
                serverOf ->
                        root(context)
                                .getOrComputeIfAbsent(
                                        serverOf,
                                        key ->
                                                translated(
                                                        () ->
                                                                startServer(
                                                                        profile,
                                                                        serverOf.database(),
                                                                        jvmZone,
                                                                        zoneOrigin,
                                                                        classLoader(),
                                                                        keepable,
                                                                        lockWait,
                                                                        data.datasets().stream()
                                                                                .mapToLong(
                                                                                        DatasetSpec
                                                                                                ::rows)
                                                                                .sum(),
                                                                        warmUp,
                                                                        WarmStarts.plan(
                                                                                context
                                                                                        ::getConfigurationParameter,
                                                                                serverOf.database(),
                                                                                data,
                                                                                serverOf.equals(
                                                                                                serverKey)
                                                                                        ? databaseZone
                                                                                        : Optional
                                                                                                .empty(),
                                                                                classLoader()))),
                                        SharedServer.class);
        SharedServer server = servers.apply(serverKey);
        // a database that died since an earlier class would otherwise fail every test as a network
        // error
        server.primary()
                .exit()
                .ifPresent(
                        exit -> {
                            throw DatabaseDiedException.of(server.primary(), profile.name(), exit);
                        });
        Variant variant = new Variant(data, databaseZone, zoneOrigin);
        SharedEnvironment shared =
                root(context)
                        .getOrComputeIfAbsent(
                                new EnvironmentKey(serverKey, data, databaseZone),
                                key ->
                                        translated(
                                                () ->
                                                        reported(
                                                                context,
                                                                variant(
                                                                        context, serverKey, server,
                                                                        servers, profile, spec,
                                                                        variant, lockWait))),
                                SharedEnvironment.class);
        return shared;
    }

    /**
     * What decides sharing a server: the database (image, settings, storage, characters, the zone it runs in, and the
     * migrations and init scripts its primary database runs) and the proxy server; with {@code parity.servers=per-data}
     * the data too.
     */
    private record ServerKey(
            DatabaseSpec database, NetworkSpec proxyServer, Optional<DataPlan> data) {}

    /**
     * What decides sharing a database: its server, its data and the zone of its own (not the toxics, which are per
     * class).
     */
    private record EnvironmentKey(ServerKey server, DataPlan data, Optional<ZoneId> zone) {}

    /**
     * A database's contents on a server: its data, and the zone it gets where a class pins another than the server's
     * (with where that pin came from, for messages).
     */
    private record Variant(DataPlan data, Optional<ZoneId> zone, String zoneOrigin) {}

    private static ProfileFile profileFile(ExtensionContext context) {
        Optional<String> configured = Settings.CONFIG.find(context);
        ClassLoader classLoader = classLoader();
        return root(context)
                .getOrComputeIfAbsent(
                        new ProfileFileKey(configured, classLoader),
                        key ->
                                translated(
                                        () ->
                                                new ProfileLoader(classLoader)
                                                        .load(
                                                                ProfileSource.locate(
                                                                        configured, classLoader))),
                        ProfileFile.class);
    }

    /**
     * The database and the Toxiproxy container start side by side (neither needs the other to start);
     * the proxy is pointed at the database once both run. Whatever fails, what started is stopped.
     */
    private static SharedServer startServer(
            Profile profile,
            DatabaseSpec spec,
            ZoneId jvmZone,
            String zoneOrigin,
            ClassLoader classLoader,
            boolean keepable,
            Duration lockWait,
            long datasetRows,
            boolean warmUp,
            Optional<WarmStarts.Plan> snapshots) {
        long started = System.nanoTime();
        StartTimes times = new StartTimes();
        Databases.requireDocker(spec);
        LeftoverSweep
                .onceForThisJvm(); // before anything of this run starts: what a killed run left
        // goes first
        Optional<Network> network = ToxiproxyServers.networkFor(profile.network());
        ToxiproxyServers.Starting proxy =
                ToxiproxyServers.begin(
                        profile.network(), profile.networkImageOrigin(), network, profile.name());
        times.mark("Docker checked, leftovers swept, network made");
        RunningDatabase database = null;
        try {
            Function<Optional<WarmStart.From>, RunningDatabase> start =
                    from ->
                            Databases.start(
                                    spec,
                                    profile.databaseOrigin(),
                                    classLoader,
                                    profile.name(),
                                    network.orElse(null),
                                    ToxiproxyServers.DATABASE_ALIAS,
                                    keepable,
                                    lockWait,
                                    from);
            if (datasetRows > 0 && snapshots.flatMap(WarmStarts.Plan::from).isEmpty()) {
                // the load after the start needs Datafaker's files, and a large one compiled
                // generators: both while Docker works
                if (warmUp) {
                    DatasetLoader.warmUpInBackground(spec.engine(), datasetRows);
                } else {
                    DatasetLoader.warmUpInBackground();
                }
            }
            try {
                database = start.apply(snapshots.flatMap(WarmStarts.Plan::from));
            } catch (SnapshotUnusableException e) {
                RunLog.snapshotDiscarded(spec.image(), profile.name(), e.getMessage());
                snapshots.orElseThrow().cache().discard(e.entry());
                snapshots = snapshots.map(WarmStarts.Plan::cold);
                database = start.apply(Optional.empty());
            }
            Optional<SnapshotEntry> restored = snapshots.flatMap(WarmStarts.Plan::found);
            times.mark(
                    restored.isPresent()
                            ? "server from its snapshot"
                            : "server, its schema and scripts");
            if (spec.timeZone() != null) {
                // before the load, whose timestamps the session reads in its zone
                // a server started for a class in another zone (its database's) is in the
                // profile's
                boolean classes = spec.timeZone().equals(jvmZone);
                TimeZoneConsistency.check(
                        database,
                        spec.timeZone(),
                        classes ? zoneOrigin : "the timezone of profile '" + profile.name() + "'",
                        classes
                                ? TimeZoneConsistency.Scope.SERVER
                                : TimeZoneConsistency.Scope.SERVER_ALONE);
            }
            // the primary as migrations and init scripts left it, for further data variants: no
            // session is connected yet
            times.mark("zone checked");
            Optional<String> base =
                    restored.isPresent() ? WarmStarts.base(restored.get()) : base(database);
            times.mark("base copied");
            ToxiproxyServer toxiproxy =
                    proxy.finish(
                            database.internalPort(), database.host(), database.publishedPort());
            times.mark("Toxiproxy ready and pointed at it");
            RunLog.environmentReady(
                    spec.image(),
                    profile.name(),
                    Duration.ofNanos(System.nanoTime() - started),
                    database.startup(),
                    proxy.took(),
                    profile.network().provider(),
                    times.toString());
            if (restored.isPresent()) {
                RunLog.startedFromSnapshot(
                        spec.image(),
                        profile.name(),
                        restored.get().shortKey(),
                        Duration.ofNanos(System.nanoTime() - started),
                        WarmStarts.built(restored.get()),
                        snapshots.orElseThrow().cache().root().toString());
            }
            return new SharedServer(
                    database,
                    toxiproxy,
                    network,
                    base,
                    Duration.ofNanos(System.nanoTime() - started),
                    new AtomicInteger(),
                    snapshots,
                    new AtomicBoolean());
        } catch (RuntimeException e) {
            proxy.close();
            if (database != null) {
                database.close();
            }
            network.ifPresent(Network::close);
            if (e instanceof TimeZoneMismatchException) {
                throw new ExtensionConfigurationException(
                        e.getMessage(), e); // what to fix is the profile's zone, not the database
            }
            if (database != null) {
                throw new ExtensionConfigurationException(
                        e.getMessage() + "\nThe database (" + spec.image() + ") has been stopped.",
                        e);
            }
            throw e;
        }
    }

    /**
     * {@code data} on {@code server}: the first variant in its primary database, a further one in a copy of its base
     * (where the engine cannot copy, on a server of its own). A load that fails leaves no database behind: a further
     * variant's copy is dropped; the primary's server is stopped, unless other classes' variants use it.
     */
    private static SharedEnvironment variant(
            ExtensionContext context,
            ServerKey serverKey,
            SharedServer server,
            Function<ServerKey, SharedServer> servers,
            Profile profile,
            DatabaseSpec spec,
            Variant variant,
            Duration lockWait) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        int number = server.variants().incrementAndGet();
        boolean restored = server.claimsRestored(variant.data(), variant.zone());
        boolean primary = server.restored() ? restored : number == 1;
        RunningDatabase database = server.primary();
        if (restored) {
            // the snapshot holds this variant in the primary database, with its zone
            if (variant.zone().isPresent()) {
                database =
                        database.onDatabase(
                                spec.name(), database.jdbcUrl(), Duration.ZERO, variant.zone());
            }
            return restoredEnvironment(
                    server, database, profile, spec, variant.data(), variant.zone(), started);
        }
        if (!primary) {
            if (server.base().isEmpty()) {
                // nothing to copy from: this variant gets a server of its own, as every variant did
                // before servers were shared, in its zone
                DatabaseSpec own =
                        variant.zone().map(serverKey.database()::inTimeZone).orElse(spec);
                ServerKey ownKey =
                        new ServerKey(own, serverKey.proxyServer(), Optional.of(variant.data()));
                SharedServer ownServer = servers.apply(ownKey);
                ownServer.variants().incrementAndGet();
                if (ownServer.claimsRestored(variant.data(), Optional.empty())) {
                    return restoredEnvironment(
                            ownServer,
                            ownServer.primary(),
                            profile,
                            own,
                            variant.data(),
                            Optional.empty(),
                            started);
                }
                return load(
                        context,
                        ownKey,
                        ownServer,
                        ownServer.primary(),
                        true,
                        profile,
                        own,
                        variant.data(),
                        lockWait,
                        started,
                        startedAt,
                        Optional.empty()); // the server's own zone: the report's from its spec
            }
            String name = server.variantName(number);
            long copying = System.nanoTime();
            try (DatabaseCopies copies = database.copies()) {
                database =
                        database.onDatabase(
                                name,
                                copies.cloneOf(server.base().orElseThrow(), name),
                                Duration.ZERO,
                                variant.zone());
            }
            RunLog.variantCopied(spec.image(), name, Duration.ofNanos(System.nanoTime() - copying));
        } else if (variant.zone().isPresent()) {
            // the first variant keeps the primary database; its zone is the database's, not the
            // server's
            database =
                    database.onDatabase(
                            spec.name(), database.jdbcUrl(), Duration.ZERO, variant.zone());
        }
        if (variant.zone().isPresent()) {
            zoned(database, variant, primary, server);
        }
        return load(
                context,
                serverKey,
                server,
                database,
                primary,
                profile,
                spec,
                variant.data(),
                lockWait,
                started,
                startedAt,
                variant.zone());
    }

    /**
     * Gives a variant's database its zone and checks that sessions see it, before the load (whose timestamps a
     * session reads in its zone). A further variant's copy is dropped if that fails.
     */
    private static void zoned(
            RunningDatabase database, Variant variant, boolean primary, SharedServer server) {
        ZoneId zone = variant.zone().orElseThrow();
        try (DatabaseCopies copies = database.copies()) {
            copies.pinZone(database.spec().name(), zone);
            TimeZoneConsistency.check(
                    database, zone, variant.zoneOrigin(), TimeZoneConsistency.Scope.DATABASE);
        } catch (RuntimeException e) {
            if (!primary) {
                try (DatabaseCopies copies = server.primary().copies()) {
                    copies.drop(database.spec().name());
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof TimeZoneMismatchException
                    ? new ExtensionConfigurationException(e.getMessage(), e)
                    : e;
        }
    }

    private static SharedEnvironment load(
            ExtensionContext context,
            ServerKey serverKey,
            SharedServer server,
            RunningDatabase database,
            boolean primary,
            Profile profile,
            DatabaseSpec spec,
            DataPlan data,
            Duration lockWait,
            long started,
            Instant startedAt,
            Optional<ZoneId> zone) {
        try {
            Optional<LoadReport> loaded = data.load(database, lockWait);
            String snapshotName = primary ? SNAPSHOT : SNAPSHOT + "_" + database.spec().name();
            // a primary without data or a zone of its own is its base: one copy serves both,
            // as nobody writes either (variants and fresh databases only copy them)
            Optional<String> snapshot =
                    primary && loaded.isEmpty() && zone.isEmpty() && server.base().isPresent()
                            ? server.base()
                            : snapshot(database, snapshotName);
            // the first variant's start is its server's: the container, the proxy, migrations and
            // init scripts
            Duration took =
                    Duration.ofNanos(System.nanoTime() - started)
                            .plus(primary ? server.startup() : Duration.ZERO);
            Instant from = primary ? startedAt.minus(server.startup()) : startedAt;
            List<RunReport.Table> tables = tablesOf(loaded);
            if (primary) {
                saveForNextRun(
                        server, database, profile, took, snapshot, loaded.isPresent(), tables);
            }
            return new SharedEnvironment(
                    server,
                    database,
                    snapshot,
                    loaded.isPresent(),
                    described(
                            profile,
                            spec,
                            data,
                            zone,
                            database,
                            tables,
                            from,
                            took,
                            RunReport.Environment.COLD));
        } catch (RuntimeException e) {
            if (!primary) {
                try (DatabaseCopies copies = database.copies()) {
                    copies.drop(database.spec().name());
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new ExtensionConfigurationException(
                        e.getMessage()
                                + "\nIts database ("
                                + database.spec().name()
                                + " on "
                                + spec.image()
                                + ") has been dropped.",
                        e);
            }
            if (server.variants().get() <= 1) {
                root(context)
                        .remove(serverKey); // a later class starts a server of its own, not this
                // stopped one
                server.close();
                throw new ExtensionConfigurationException(
                        e.getMessage() + "\nThe database (" + spec.image() + ") has been stopped.",
                        e);
            }
            throw new ExtensionConfigurationException(
                    e.getMessage()
                            + "\nThe server ("
                            + spec.image()
                            + ") keeps running for the other "
                            + "classes' data.",
                    e);
        }
    }

    /**
     * The variant a server's snapshot holds, in its primary database as the snapshot left it: nothing is loaded or
     * copied; its tables are reported as they were loaded when the snapshot was built.
     */
    private static SharedEnvironment restoredEnvironment(
            SharedServer server,
            RunningDatabase database,
            Profile profile,
            DatabaseSpec spec,
            DataPlan data,
            Optional<ZoneId> zone,
            long started) {
        SnapshotEntry entry = server.snapshots().flatMap(WarmStarts.Plan::found).orElseThrow();
        Duration took = Duration.ofNanos(System.nanoTime() - started).plus(server.startup());
        return new SharedEnvironment(
                server,
                database,
                WarmStarts.snapshot(entry),
                WarmStarts.loadedData(entry),
                described(
                        profile,
                        spec,
                        data,
                        zone,
                        database,
                        WarmStarts.tables(entry),
                        Instant.now().minus(took),
                        took,
                        "warm: snapshot "
                                + entry.shortKey()
                                + ", built in "
                                + WarmStarts.built(entry).toMillis()
                                + " ms"));
    }

    /**
     * Saves the server, its first variant just loaded, where the plan says to; only while no other variant is being
     * built on it, whose half-made database the snapshot would otherwise hold.
     */
    private static void saveForNextRun(
            SharedServer server,
            RunningDatabase database,
            Profile profile,
            Duration took,
            Optional<String> snapshot,
            boolean loadedData,
            List<RunReport.Table> tables) {
        Optional<WarmStarts.Plan> plan = server.snapshots().filter(WarmStarts.Plan::saves);
        if (plan.isEmpty()) {
            return;
        }
        if (server.variants().get() != 1) {
            RunLog.snapshotNotSaved(
                    database.spec().image(),
                    profile.name(),
                    "other data variants were being built on the server at the same time");
            return;
        }
        WarmStarts.save(
                plan.get(),
                database,
                profile.name(),
                took,
                server.base(),
                snapshot,
                loadedData,
                tables,
                () -> server.variants().get() == 1);
    }

    /**
     * The server's base, or empty if it cannot be copied now: an init script that leaves a prepared transaction (or a
     * session) in the primary database. Then each further data variant gets a server of its own, as if the engine
     * could not copy; the primary's own data variant does not need a base.
     */
    private static Optional<String> base(RunningDatabase database) {
        try {
            return snapshot(database, BASE);
        } catch (EngineException e) {
            RunLog.noBase(database.spec().image(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * An untouched copy of {@code database}, which {@link FreshDatabase} tests and {@link ProdEnvironment#freshCopy()}
     * clone, and further data variants start from. Taken always, not only when a class asks: no session is connected
     * yet, the only moment PostgreSQL can copy a database, and a class that asks may come after classes that connected.
     * It costs one copy (on PostgreSQL milliseconds for an empty schema, about the time of copying the files for
     * loaded data).
     */
    private static Optional<String> snapshot(RunningDatabase database, String name) {
        if (!database.engine().can(Capability.FRESH_COPIES)) {
            return Optional.empty();
        }
        try (DatabaseCopies copies = database.copies()) {
            copies.snapshot(database.spec().name(), name);
        }
        return Optional.of(name);
    }

    /** {@code started}, told to the run's report. */
    private static SharedEnvironment reported(ExtensionContext context, SharedEnvironment started) {
        RunReports.of(context).add(started.described());
        return started;
    }

    /** The environment as the run report tells it. */
    private static RunReport.Environment described(
            Profile profile,
            DatabaseSpec spec,
            DataPlan data,
            Optional<ZoneId> zone,
            RunningDatabase database,
            List<RunReport.Table> tables,
            Instant startedAt,
            Duration startup,
            String start) {
        String version;
        try (Connection connection = database.dataSource().getConnection()) {
            version = database.engine().facts().version(connection);
        } catch (SQLException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        return new RunReport.Environment(
                profile.name(),
                spec.engine().id(),
                spec.image(),
                version,
                spec.settings(),
                zone.or(() -> Optional.ofNullable(spec.timeZone())).map(ZoneId::getId).orElse(""),
                profile.clock().locale() != null ? profile.clock().locale().toLanguageTag() : "",
                data.seed(),
                tables,
                startedAt,
                startup,
                start);
    }

    private static List<RunReport.Table> tablesOf(Optional<LoadReport> loaded) {
        return loaded.map(
                        report ->
                                report.tables().stream()
                                        .map(
                                                t ->
                                                        new RunReport.Table(
                                                                t.table(),
                                                                t.rows(),
                                                                t.duration(),
                                                                messOf(t.mess())))
                                        .toList())
                .orElse(List.of());
    }

    /** Parity's own failures, which say what to fix, as JUnit's configuration errors. */
    static <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException
                | DatabaseStartException
                | NetworkStartException
                | EngineException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static Store root(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SharedEnvironments.class.getClassLoader();
    }

    private record ProfileFileKey(Optional<String> configured, ClassLoader classLoader) {}

    /** The measured mess by kind, as the run report names them (the keys of a profile's {@code mess:}). */
    private static Map<String, Double> messOf(Mess mess) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        kinds.put("nulls", mess.nulls());
        kinds.put("unicode", mess.unicode());
        kinds.put("whitespace", mess.whitespace());
        kinds.put("duplicates", mess.duplicates());
        kinds.put("extremes", mess.extremes());
        return kinds;
    }
}
