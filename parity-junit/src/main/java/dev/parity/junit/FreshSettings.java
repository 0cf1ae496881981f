package dev.parity.junit;

import dev.parity.profile.Profile;
import dev.parity.profile.ProfileLoader;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How {@link FreshDatabase} copies are pooled and kept: the configuration parameters (or system
 * properties) {@value #POOL_SIZE} and {@value #KEEP}, the profile's {@code fresh-pool:}. Read, and so
 * checked, before a class's environment starts.
 *
 * @param poolSize   copies kept ready; 0: each made when its test starts
 * @param workers    copies made (or dropped) at once
 * @param keepFailed whether a failed test's copy and its container stay after the run
 */
record FreshSettings(int poolSize, int workers, boolean keepFailed) {

    static final String POOL_SIZE = "parity.pool.size";
    static final String KEEP = "parity.keep";

    /**
     * Two ready copies cover a 2-core machine: tests rarely start faster than the server copies. Two makers:
     * a template copy waits on the disk about as much as on the CPU, so two overlap well; more only queue.
     */
    static final int DEFAULT_POOL_SIZE = 2;
    static final int MAX_WORKERS = 2;

    /** @param parameters the configuration parameter (or system property) of that name, if set */
    static FreshSettings of(Function<String, Optional<String>> parameters, Profile profile) {
        int size = parameters.apply(POOL_SIZE).map(String::strip).map(FreshSettings::poolSize)
                .orElse(profile.freshPool().orElse(DEFAULT_POOL_SIZE));
        boolean keepFailed = parameters.apply(KEEP).map(String::strip).map(FreshSettings::keepFailed).orElse(false);
        return new FreshSettings(size, Math.max(1, Math.min(size, MAX_WORKERS)), keepFailed);
    }

    private static int poolSize(String text) {
        try {
            int size = Integer.parseInt(text);
            if (size >= 0 && size <= ProfileLoader.MAX_FRESH_POOL) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExtensionConfigurationException("the configuration parameter " + POOL_SIZE + " is '" + text + "', not a whole number from 0 to "
                + ProfileLoader.MAX_FRESH_POOL + ". Give how many fresh databases to keep ready, e.g. -D" + POOL_SIZE + "=4 (0: each made when"
                + " its test starts).");
    }

    private static boolean keepFailed(String text) {
        return switch (text) {
            case "failed" -> true;
            case "never", "" -> false;
            default -> throw new ExtensionConfigurationException("the configuration parameter " + KEEP + " is '" + text
                    + "'. Give failed (a failed test's fresh database stays, with its container, until the next run) or never (the default).");
        };
    }
}
