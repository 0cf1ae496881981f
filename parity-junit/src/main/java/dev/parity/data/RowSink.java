package dev.parity.data;

import java.sql.SQLException;

/**
 * Where the rows of one table go: chunks are encoded by worker threads ({@link #encode}, thread-safe) and
 * written in order by one thread ({@link #write}).
 */
interface RowSink {

    /** Rows [from, to) of the table, in the form {@link #write} takes. */
    Object encode(TablePlan plan, long from, long to);

    void write(Object chunk) throws SQLException;

    /** Ends the table's load; the rows are visible to the transaction. */
    void finish() throws SQLException;

    /** Abandons the table's load after a failure. */
    void abort();
}
