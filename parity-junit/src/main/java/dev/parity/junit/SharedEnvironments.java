package dev.parity.junit;

import dev.parity.database.DatabaseStartException;
import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.network.ToxiproxyServer;
import dev.parity.network.ToxiproxyServers;
import dev.parity.profile.DatabaseSpec;
import dev.parity.profile.NetworkSpec;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileException;
import dev.parity.profile.ProfileFile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import java.util.Optional;
import org.testcontainers.containers.Network;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * What lives for the whole test run, in the root store: the parsed profile file, and one running
 * database (with its Toxiproxy server) per distinct {@link DatabaseSpec} and proxy server. The root store closes the databases when the run ends.
 * Its {@code getOrComputeIfAbsent} is atomic, so concurrent classes wait for one start, not race.
 */
final class SharedEnvironments {

    private static final Namespace NAMESPACE = Namespace.create(SharedEnvironments.class);
    private static final System.Logger LOG = System.getLogger("dev.parity");

    private SharedEnvironments() {
    }

    /** The profile {@code classContext}'s class asks for, from the run's validated profile file. */
    static Profile profileFor(ExtensionContext classContext) {
        ActiveProfile active = ActiveProfile.of(classContext);
        return translated(() -> profileFile(classContext).profile(active.name(), active.origin()));
    }

    /** The database for {@code spec} behind the profile's Toxiproxy server, started if this run has not yet. */
    static SharedEnvironment environmentFor(ExtensionContext context, Profile profile, DatabaseSpec spec, DataPlan data) {
        return root(context).getOrComputeIfAbsent(new EnvironmentKey(spec, profile.network().server(), data),
                key -> start(profile, spec, data, classLoader()), SharedEnvironment.class);
    }

    /** What decides sharing: the database, its data, and the proxy server (not the toxics, which are per class). */
    private record EnvironmentKey(DatabaseSpec database, NetworkSpec proxyServer, DataPlan data) {
    }

    private static ProfileFile profileFile(ExtensionContext context) {
        Optional<String> configured = context.getConfigurationParameter(ProfileSource.CONFIG_PARAMETER);
        ClassLoader classLoader = classLoader();
        return root(context).getOrComputeIfAbsent(new ProfileFileKey(configured, classLoader),
                key -> translated(() -> new ProfileLoader(classLoader).load(ProfileSource.locate(configured, classLoader))),
                ProfileFile.class);
    }

    private static SharedEnvironment start(Profile profile, DatabaseSpec spec, DataPlan data, ClassLoader classLoader) {
        long started = System.nanoTime();
        Optional<Network> network = ToxiproxyServers.networkFor(profile.network());
        RunningDatabase database;
        try {
            database = translated(() -> Databases.start(spec, classLoader, profile.name(), network.orElse(null), ToxiproxyServers.DATABASE_ALIAS));
        } catch (RuntimeException e) {
            network.ifPresent(Network::close);
            throw e;
        }
        Optional<String> snapshot;
        ToxiproxyServer toxiproxy;
        try {
            snapshot = data.load(database);
            toxiproxy = ToxiproxyServers.start(profile.network(), network, database.internalPort(), database.host(),
                    database.publishedPort(), profile.name());
        } catch (RuntimeException e) {
            database.close();
            network.ifPresent(Network::close);
            throw new ExtensionConfigurationException(e.getMessage() + "\nThe database (" + spec.image() + ") has been stopped.", e);
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format("Parity: %s for profile '%s' ready in %d ms (database %d ms, "
                + "Toxiproxy %s), shared by every class whose profile asks for the same database",
                spec.image(), profile.name(), (System.nanoTime() - started) / 1_000_000, database.startup().toMillis(),
                profile.network().provider()));
        return new SharedEnvironment(database, toxiproxy, network, snapshot);
    }

    static <T> T translated(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ProfileException | DatabaseStartException e) {
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
}
