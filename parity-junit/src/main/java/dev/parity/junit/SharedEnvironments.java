package dev.parity.junit;

import dev.parity.database.DatabaseStartException;
import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.profile.DatabaseSpec;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileException;
import dev.parity.profile.ProfileFile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * What lives for the whole test run, in the root store: the parsed profile file, and one running
 * database per distinct {@link DatabaseSpec}. The root store closes the databases when the run ends.
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

    /** The database for {@code spec}, started if this run has not started it yet. */
    static RunningDatabase databaseFor(ExtensionContext context, Profile profile, DatabaseSpec spec) {
        return root(context).getOrComputeIfAbsent(spec, key -> start(profile, spec, classLoader()), RunningDatabase.class);
    }

    private static ProfileFile profileFile(ExtensionContext context) {
        Optional<String> configured = context.getConfigurationParameter(ProfileSource.CONFIG_PARAMETER);
        ClassLoader classLoader = classLoader();
        return root(context).getOrComputeIfAbsent(new ProfileFileKey(configured, classLoader),
                key -> translated(() -> new ProfileLoader(classLoader).load(ProfileSource.locate(configured, classLoader))),
                ProfileFile.class);
    }

    private static RunningDatabase start(Profile profile, DatabaseSpec spec, ClassLoader classLoader) {
        RunningDatabase database = translated(() -> Databases.start(spec, classLoader, profile.name()));
        LOG.log(System.Logger.Level.INFO, () -> String.format("Parity: %s for profile '%s' ready in %d ms at %s"
                + " (shared by every class whose profile asks for the same database)",
                spec.image(), profile.name(), database.startup().toMillis(), database.jdbcUrl()));
        return database;
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
