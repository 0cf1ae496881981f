package dev.parity.data;

import dev.parity.profile.Suggestions;
import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for misspelt table, column and provider names, in this package's sentence form. */
final class Names {

    private Names() {
    }

    static Optional<String> nearest(String given, Collection<String> candidates) {
        return Suggestions.nearest(given, candidates);
    }

    /** " Did you mean 'x'?" or nothing. */
    static String didYouMean(String given, Collection<String> candidates) {
        return nearest(given, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
    }
}
