package dev.parity.junit;

import dev.parity.config.ProblemException;
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
import dev.parity.engine.DatabaseSpec;
import dev.parity.engine.EngineException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.testcontainers.containers.Network;

/**
 * What lives for the whole test run, in the root store: the parsed profile file, and one running
 * database (with its Toxiproxy server and loaded data) per distinct database, data and proxy server.
 * The root store closes the databases when the run ends. Its {@code getOrComputeIfAbsent} is atomic, so
 * concurrent classes wait for one start, not race.
 */
final class SharedEnvironments {

    private static final Namespace NAMESPACE = Namespace.create(SharedEnvironments.class);
    private static final String SNAPSHOT = "parity_loaded_data";

    private SharedEnvironments() {
    }

    /** The profile {@code classContext}'s class asks for, from the run's validated profile file. */
    static Profile profileFor(ExtensionContext classContext) {
        ActiveProfile active = ActiveProfile.of(classContext);
        return translated(() -> profileFile(classContext).profile(active.name(), active.origin()));
    }

    /**
     * The database for {@code spec} behind the profile's Toxiproxy server, started if this run has not yet.
     *
     * @param zoneOrigin where the pinned zone came from, for the message if the zones disagree at start
     */
    static SharedEnvironment environmentFor(ExtensionContext context, Profile profile, DatabaseSpec spec, DataPlan data, String zoneOrigin) {
        SharedEnvironment shared = root(context).getOrComputeIfAbsent(new EnvironmentKey(spec, profile.network().server(), data),
                // only a run that may keep a failed test's database takes its containers out of Testcontainers' reaper
                key -> translated(() -> reported(context, start(profile, spec, data, zoneOrigin, classLoader(),
                        FreshSettings.of(context::getConfigurationParameter, profile).keepFailed(),
                        Settings.LOCK_WAIT.get(context)))), SharedEnvironment.class);
        // a database that died since an earlier class would otherwise fail every test as a network error
        shared.database().exit().ifPresent(exit -> {
            throw DatabaseDiedException.of(shared.database(), profile.name(), exit);
        });
        return shared;
    }

    /** What decides sharing: the database, its data, and the proxy server (not the toxics, which are per class). */
    private record EnvironmentKey(DatabaseSpec database, NetworkSpec proxyServer, DataPlan data) {
    }

    private static ProfileFile profileFile(ExtensionContext context) {
        Optional<String> configured = Settings.CONFIG.find(context);
        ClassLoader classLoader = classLoader();
        return root(context).getOrComputeIfAbsent(new ProfileFileKey(configured, classLoader),
                key -> translated(() -> new ProfileLoader(classLoader).load(ProfileSource.locate(configured, classLoader))),
                ProfileFile.class);
    }

    /**
     * The database and the Toxiproxy container start side by side (neither needs the other to start);
     * the proxy is pointed at the database once both run. Whatever fails, what started is stopped.
     */
    private static SharedEnvironment start(Profile profile, DatabaseSpec spec, DataPlan data, String zoneOrigin, ClassLoader classLoader,
                                           boolean keepable, Duration lockWait) {
        long started = System.nanoTime();
        Databases.requireDocker(spec);
        LeftoverSweep.onceForThisJvm(); // before anything of this run starts: what a killed run left goes first
        Optional<Network> network = ToxiproxyServers.networkFor(profile.network());
        ToxiproxyServers.Starting proxy = ToxiproxyServers.begin(profile.network(), profile.networkImageOrigin(), network, profile.name());
        RunningDatabase database = null;
        try {
            database = Databases.start(spec, profile.databaseOrigin(), classLoader, profile.name(), network.orElse(null),
                    ToxiproxyServers.DATABASE_ALIAS, keepable, lockWait);
            if (spec.timeZone() != null) {
                // before the load, whose timestamps the session reads in its zone
                TimeZoneConsistency.check(database, spec.timeZone(), zoneOrigin);
            }
            Instant startedAt = Instant.now().minusNanos(System.nanoTime() - started);
            Optional<LoadReport> loaded = data.load(database, lockWait);
            Optional<String> snapshot = snapshot(database);
            ToxiproxyServer toxiproxy = proxy.finish(database.internalPort(), database.host(), database.publishedPort());
            RunLog.environmentReady(spec.image(), profile.name(), Duration.ofNanos(System.nanoTime() - started), database.startup(), proxy.took(),
                    profile.network().provider());
            RunReport.Environment described = described(profile, spec, data, database, loaded, startedAt, Duration.ofNanos(System.nanoTime() - started));
            return new SharedEnvironment(database, toxiproxy, network, snapshot, loaded.isPresent(), described);
        } catch (RuntimeException e) {
            proxy.close();
            if (database != null) {
                database.close();
            }
            network.ifPresent(Network::close);
            if (e instanceof TimeZoneMismatchException) {
                throw new ExtensionConfigurationException(e.getMessage(), e); // what to fix is the profile's zone, not the database
            }
            if (database != null) {
                throw new ExtensionConfigurationException(e.getMessage() + "\nThe database (" + spec.image() + ") has been stopped.", e);
            }
            throw e;
        }
    }

    /**
     * An untouched copy of the database as its migrations, init scripts and datasets left it, which
     * {@link FreshDatabase} tests and {@link ProdEnvironment#freshCopy()} clone. Taken always, not only when
     * a class asks: no session is connected yet, the only moment PostgreSQL can copy a database, and a
     * class that asks may come after classes that connected. It costs one copy per environment start (on
     * PostgreSQL milliseconds for an empty schema, about the time of copying the files for loaded data).
     */
    private static Optional<String> snapshot(RunningDatabase database) {
        if (!database.engine().can(Capability.FRESH_COPIES)) {
            return Optional.empty();
        }
        try (DatabaseCopies copies = database.copies()) {
            copies.snapshot(database.spec().name(), SNAPSHOT);
        }
        return Optional.of(SNAPSHOT);
    }

    /** {@code started}, told to the run's report. */
    private static SharedEnvironment reported(ExtensionContext context, SharedEnvironment started) {
        RunReports.of(context).add(started.described());
        return started;
    }

    /** The environment as the run report tells it. */
    private static RunReport.Environment described(Profile profile, DatabaseSpec spec, DataPlan data, RunningDatabase database,
                                                   Optional<LoadReport> loaded, Instant startedAt, Duration startup) {
        String version;
        try (Connection connection = database.dataSource().getConnection()) {
            version = database.engine().facts().version(connection);
        } catch (SQLException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        return new RunReport.Environment(profile.name(), spec.engine().id(), spec.image(), version, spec.settings(),
                spec.timeZone() != null ? spec.timeZone().getId() : "", profile.clock().locale() != null ? profile.clock().locale().toLanguageTag() : "",
                data.seed(), loaded.map(report -> report.tables().stream().map(t -> new RunReport.Table(t.table(), t.rows(), t.duration(),
                        messOf(t.mess()))).toList())
                        .orElse(List.of()), startedAt, startup);
    }

    /** Parity's own failures, which say what to fix, as JUnit's configuration errors. */
    static <T> T translated(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException | DatabaseStartException | NetworkStartException | EngineException e) {
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

    private record ProfileFileKey(Optional<String> configured, ClassLoader classLoader) {
    }

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
