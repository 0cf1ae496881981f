package dev.parity.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys, profile, table and column names. */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate, if it is close enough to be a plausible typo of {@code given}. */
    public static Optional<String> nearest(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))))
                .filter(
                        c ->
                                distance(lower, c.toLowerCase(Locale.ROOT))
                                        <= Math.max(2, c.length() / 3));
    }

    /** "Did you mean 'x'? " (with its trailing space, to go before the next sentence) or nothing. */
    public static String didYouMean(String given, Collection<String> candidates) {
        return nearest(given, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("");
    }

    /** Damerau-Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] =
                        Math.min(
                                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
