package dev.parity.data;

/**
 * A counter-based random source: reseeded for every cell from (seed, table, row, column), so a cell's
 * value depends on nothing else: not on the thread that makes it nor on the cells made before it.
 * SplitMix64, reusable without allocation; not thread-safe, one per thread.
 */
final class CellRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    CellRandom seed(long seed) {
        state = seed;
        return this;
    }

    long nextLong() {
        return mix(state += GOLDEN);
    }

    /** Uniform in [0, bound), bound &gt; 0; the modulo bias is below 2^-20 for any realistic bound. */
    long nextLong(long bound) {
        return Math.floorMod(nextLong(), bound);
    }

    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return probability > 0 && nextDouble() < probability;
    }

    /** A bijective mix of 64 bits (the SplitMix64 finalizer). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines two values into a seed; order matters. */
    static long mix(long a, long b) {
        return mix(a * GOLDEN + mix(b + GOLDEN));
    }

    /** A stable 64-bit hash of a name, for salts that must not change between JVMs. */
    static long hash(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return mix(h);
    }
}
