package dev.parity.data;

import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnInfo;
import java.time.ZoneId;
import java.util.Optional;

/** What a {@link ColumnRule} needs to plan one column: the column, its limits, its key and reference, and the generators. */
interface ColumnContext {

    ColumnInfo info();

    /** The table's name, for messages. */
    String table();

    /** How many rows the dataset asks for. */
    long rows();

    /** The table's seed: for what a rule makes once and uses in every row (a pool, a shuffle), never for a row's own values. */
    long seed();

    /** Reports a problem at the dataset's origin; the rule then leaves the column to the database. */
    void problem(String what, String fix);

    /** The mess the column may take, before the rule narrows it: none for keys, no NULLs where NOT NULL. */
    Mess mess();

    /** Whether this column alone makes a unique key unique, so its values must differ in every row. */
    boolean rowUnique();

    /** The values of the foreign key (or ref) this column belongs to, if it belongs to one. */
    Optional<ValueGenerator> reference();

    /** Values from a pool of a Datafaker expression's results, cut to the column's length. */
    ValueGenerator expression(String expression);

    /** Values unique per row, built on {@code base} if given; a problem is reported when the type cannot be unique. */
    Planned uniqueValues(ValueGenerator base);

    /** The engine's text forms of booleans and zoned timestamps, as its bulk loader takes them. */
    ValueSyntax syntax();

    /** The zone the loading session reads timestamps in. */
    ZoneId sessionZone();

    /** Values from the column's type, CHECK limits and name; a problem is reported when there are none and the database fills nothing. */
    Planned fromType();

    /**
     * How a column is filled.
     *
     * @param values its clean values, or null when the database fills it (a default, or a problem was reported)
     * @param mess   the mess it takes
     */
    record Planned(ColumnValues values, Mess mess) {

        /** The column is left out of the load: the database fills it. */
        static final Planned FILLED_BY_DATABASE = new Planned(null, Mess.none());
    }
}
