package dev.parity.data;

/** Makes the clean value of one column: a pure function of the row and the cell's random source. */
@FunctionalInterface
interface ValueGenerator {

    /**
     * The value in the text form the engine's bulk loader passes on (see {@link dev.parity.engine.ValueSyntax}), or null for SQL NULL.
     *
     * @param row    0-based index of the row within this load of the table
     * @param random seeded for this cell; a generator may reseed it, but only as its last use
     */
    String next(long row, CellRandom random);
}
