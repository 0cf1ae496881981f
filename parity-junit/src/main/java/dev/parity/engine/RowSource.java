package dev.parity.engine;

import org.apiguardian.api.API;

/** The rows of one table, made on demand in text form: each thread takes a cursor of its own. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface RowSource {

    /** Columns per row. */
    int width();

    /** A cursor for one thread. */
    Cursor cursor();

    /** Reads cells; not thread-safe. */
    interface Cursor {

        /** The value of {@code column} in {@code row}, in the engine's text form, or null for NULL. */
        String value(long row, int column);
    }
}
