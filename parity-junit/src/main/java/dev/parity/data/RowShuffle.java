package dev.parity.data;

/**
 * A bijection of [0, rows): each row gets a position of its own, in an order that looks random and
 * depends on the seed only. A Feistel network over the smallest even power of two that holds the rows,
 * walking the cycle until a position falls inside the range, so the positions are exactly 0..rows-1.
 */
final class RowShuffle {

    private static final int ROUNDS = 4;

    private final long rows;
    private final long seed;
    private final int halfBits;
    private final long halfMask;

    RowShuffle(long rows, long seed) {
        this.rows = rows;
        this.seed = seed;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, rows - 1)));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    /** The position of {@code row}, in [0, rows); rows outside the range keep their place. */
    long position(long row) {
        if (row < 0 || row >= rows) {
            return row;
        }
        long x = row;
        do {
            x = permute(x);
        } while (x >= rows);
        return x;
    }

    private long permute(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (CellRandom.mix(seed + round, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
