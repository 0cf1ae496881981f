package dev.parity.data;

/**
 * Which referenced row a row points at, shared by the columns of one foreign key so that a composite key
 * comes from one row. A function of (table seed, row, foreign key) only.
 */
final class ReferencePick {

    private final KeySource keys;
    private final Skew skew;
    private final boolean nullable;
    private final double nulls;
    private final long tableSeed;
    private final long salt;
    private final boolean selfReference;
    private final long divisor;

    /**
     * @param nullable      every column of the key is nullable, so a row may point nowhere
     * @param nulls         fraction of rows pointing nowhere; 0 unless nullable
     * @param selfReference rows point at earlier rows of their own table (the first at itself, or nowhere)
     * @param divisor       &gt; 0: no randomness, the rows enumerate the referenced rows (mixed radix), so
     *                      that a unique key made of foreign keys stays unique
     */
    ReferencePick(
            KeySource keys,
            Skew skew,
            boolean nullable,
            double nulls,
            long tableSeed,
            String name,
            boolean selfReference,
            long divisor) {
        this.keys = keys;
        this.skew = skew;
        this.nullable = nullable;
        this.nulls = nullable ? nulls : 0;
        this.tableSeed = tableSeed;
        this.salt = CellRandom.hash("fk:" + name);
        this.selfReference = selfReference;
        this.divisor = divisor;
    }

    ValueGenerator column(int ordinal) {
        return (row, random) -> {
            long index = index(row, random);
            return index < 0 ? null : keys.value(ordinal, index, random);
        };
    }

    /** The referenced row's index, or -1 for NULL. */
    private long index(long row, CellRandom random) {
        if (divisor > 0) {
            return (row / divisor) % keys.size();
        }
        random.seed(CellRandom.mix(CellRandom.mix(tableSeed, row), salt));
        if (random.chance(nulls)) {
            return -1;
        }
        long n = selfReference ? row : keys.size();
        if (n == 0) {
            return selfReference && !nullable ? 0 : -1;
        }
        if (skew == Skew.ZIPF) {
            // floor((n+1)^u) - 1 is log-uniform: P(k) ~ 1/(k+1), Zipf with exponent 1
            return Math.min(n - 1, (long) Math.exp(random.nextDouble() * Math.log(n + 1.0)) - 1);
        }
        return random.nextLong(n);
    }
}
