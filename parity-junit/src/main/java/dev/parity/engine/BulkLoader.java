package dev.parity.engine;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The engine's fastest way to write many rows (PostgreSQL's {@code COPY}, MariaDB's {@code LOAD DATA}),
 * and what must happen around it. All calls share one connection, in one transaction.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface BulkLoader {

    /**
     * Prepares the load of {@code tables} (e.g. switches off constraint checks and index upkeep that rows valid by
     * construction do not need), inside the load's transaction.
     *
     * @param foundByKey those of {@code tables} whose rows are found again by their primary or unique key before
     *                   {@link Restore#restore} (a second pass fills columns that closed a cycle): their keys stay
     * @return what undoes it, once every row is written and before the commit; a rollback undoes it too
     */
    default Restore prepare(
            Connection connection, List<TableInfo> tables, List<TableInfo> foundByKey)
            throws SQLException {
        return Restore.NOTHING;
    }

    /**
     * Whether the load writes rows without checking their foreign keys, and they are checked once every table is
     * written (PostgreSQL's dropped and recreated constraints; MariaDB's {@code foreign_key_checks = 0}, after which
     * Parity checks them itself): then tables that reference one another through NOT NULL foreign keys load too,
     * rows pointing ahead.
     */
    default boolean checksForeignKeysAfterLoad() {
        return false;
    }

    /** A writer for {@code columns} of {@code table}. */
    TableWriter open(Connection connection, TableInfo table, List<ColumnInfo> columns)
            throws SQLException;

    /** After a table is loaded: sequences and auto-increment counters moved past the loaded rows. */
    void afterTable(Connection connection, TableInfo table, List<ColumnInfo> autoIncrementColumns)
            throws SQLException;

    /** After everything is committed: statistics brought up to date, so that plans are production's. */
    void analyze(Connection connection, List<TableInfo> tables) throws SQLException;

    /** Undoes what {@link #prepare} changed, and so checks the loaded rows against what it switched off. */
    @FunctionalInterface
    interface Restore {

        Restore NOTHING = connection -> {};

        void restore(Connection connection) throws SQLException;

        /**
         * What {@link #restore} left for after the commit, to run on several sessions at once (asked after
         * {@link #restore}): only what the loaded rows cannot violate, such as an index that is not unique; keys,
         * unique indexes and foreign keys stay in the load's transaction, so that a violation still undoes the load.
         */
        default List<AfterCommit> afterCommit() {
            return List.of();
        }
    }

    /**
     * Statements to run in order in one transaction of their own, on any session, after the load's commit.
     *
     * @param what   what they build, for messages ("index post_trigram on public.post")
     * @param weight how long they take, relative to the others (the table's size times the index's kind, say)
     */
    record AfterCommit(String what, long weight, List<String> statements) {

        public AfterCommit {
            statements = List.copyOf(statements);
        }
    }

    /** Writes one table's rows: chunks encoded by worker threads, written in order by one. */
    interface TableWriter {

        /** Rows [from, to), in the form {@link #write} takes; thread-safe. */
        byte[] encode(RowSource.Cursor cursor, long from, long to);

        void write(byte[] chunk) throws SQLException;

        /** The table's rows are all written. */
        void finish() throws SQLException;

        /** Abandons the table after a failure; the caller rolls back. */
        void abort();
    }
}
