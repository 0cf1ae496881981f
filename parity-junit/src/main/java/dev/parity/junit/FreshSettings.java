package dev.parity.junit;

import dev.parity.profile.Profile;
import dev.parity.settings.Settings;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@link FreshDatabase} copies are pooled and kept: the configuration parameters (or system
 * properties) {@code parity.pool.size} and {@code parity.keep} ({@link Settings}), the profile's {@code fresh-pool:}. Read, and so
 * checked, before a class's environment starts.
 *
 * @param poolSize   copies kept ready; 0: each made when its test starts
 * @param workers    copies made (or dropped) at once
 * @param keepFailed whether a failed test's copy and its container stay after the run
 */
record FreshSettings(int poolSize, int workers, boolean keepFailed) {

    /**
     * Two ready copies cover a 2-core machine: tests rarely start faster than the server copies. Two makers:
     * a template copy waits on the disk about as much as on the CPU, so two overlap well; more only queue.
     */
    static final int DEFAULT_POOL_SIZE = 2;

    static final int MAX_WORKERS = 2;

    /** @param parameters the configuration parameter (or system property) of that name, if set */
    static FreshSettings of(Function<String, Optional<String>> parameters, Profile profile) {
        return SharedEnvironments.translated(
                () -> {
                    int size =
                            Settings.POOL_SIZE
                                    .find(parameters)
                                    .orElse(profile.freshPool().orElse(DEFAULT_POOL_SIZE));
                    boolean keepFailed = Settings.KEEP.get(parameters);
                    return new FreshSettings(
                            size, Math.max(1, Math.min(size, MAX_WORKERS)), keepFailed);
                });
    }
}
