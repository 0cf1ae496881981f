package dev.parity.bench;

import dev.parity.database.RunningDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The baseline beside Parity's rows/s: the server loading the very rows Parity generated, from a file inside
 * its own container, with no client and no generator. Before Parity's load, {@link #prepare()} copies the
 * empty schema (Parity's own database copies, as {@code env.freshCopy()} makes them); after it, each loaded
 * table is written to a file on the server and {@link #measure} times loading those files into the copy's
 * same tables. Each engine's way is in its class; both also resolve a rows line's table name in the catalog.
 */
interface ServerBulkLoad {

    /** The database the empty schema is copied to. */
    String COPY = "parity_corpus_baseline";

    /** Statements of the baseline stop after this many seconds, so that no wait is unbounded. */
    int STATEMENT_SECONDS = 900;

    static ServerBulkLoad of(RunningDatabase database) {
        return database.engine().id().equals("postgres")
                ? new PostgresBulkLoad(database)
                : new MariaDbBulkLoad(database);
    }

    /** Copies the empty schema (as the init script left it) to {@link #COPY}; before Parity's load. */
    void prepare();

    /**
     * Writes {@code tables} (as the load report names them, in load order) to files on the server, then
     * loads the files into the copy's same tables, timed.
     */
    Result measure(List<String> tables) throws SQLException;

    /** {@code table} as the rows line or the load report writes it, quoted for SQL; empty if the catalog has no such table. */
    Optional<String> qualified(Connection connection, String table) throws SQLException;

    /** The rows of {@code table} now; -1 if there is no such table. */
    default long count(Connection connection, String table) throws SQLException {
        Optional<String> name = qualified(connection, table);
        if (name.isEmpty()) {
            return -1;
        }
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from " + name.get())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * A fingerprint of the rows of {@code table} (quoted as {@link #qualified} gives it), whatever their order:
     * the same seed, schema and profile give the same one (columns the database fills itself, such as
     * {@code default now()}, aside).
     */
    String digest(Connection connection, String table) throws SQLException;

    /**
     * What the server's own load took.
     *
     * @param rows    rows it loaded
     * @param seconds the load statements alone (not writing the files)
     * @param analyzeSeconds the server's ANALYZE of the loaded tables after the commit, one session (Parity's
     *                       load ends with its tables analyzed: the same work, timed apart)
     * @param how     what was timed, for the legend
     */
    record Result(long rows, double seconds, double analyzeSeconds, String how) {

        double rowsPerSecond() {
            return rows / Math.max(1e-9, seconds);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,d rows in %.2f s (%,.0f rows/s), then ANALYZE in %.2f s: %s",
                    rows,
                    seconds,
                    rowsPerSecond(),
                    analyzeSeconds,
                    how);
        }
    }
}
