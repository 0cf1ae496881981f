package dev.parity.engine.postgres;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import dev.parity.engine.sql.TabSeparatedWriter;
import dev.parity.settings.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY ... FROM STDIN} in text format, one COPY per table, with the loaded tables' keys, indexes
 * and foreign keys dropped during the load and created again at its end ({@link IndexesAndForeignKeys}), and
 * an empty plain table truncated first so that its rows are written frozen ({@code COPY ... WITH (FREEZE)});
 * {@code setval} moves sequences and identities past the loaded rows; {@code ANALYZE} afterwards.
 *
 * <p>The system property {@code parity.load.keepIndexes} ({@link Settings#LOAD_KEEP_INDEXES}) set to {@code true} keeps indexes and foreign keys in place
 * during the load instead, as Parity did before (slower: every index maintained and every foreign key
 * checked row by row); for comparison, and a way out should rebuilding ever get in the way. Any value but
 * {@code true} or {@code false} is an error.
 */
final class PostgresCopyLoader implements BulkLoader {

    private static final PostgresDialect SQL = new PostgresDialect();

    /**
     * Deferrable foreign keys wait for the commit: a cycle through them is loaded with rows pointing ahead.
     * Index builds get more memory than the default 64 MB, so that they sort large tables in memory.
     */
    @Override
    public Restore prepare(
            Connection connection, List<TableInfo> tables, List<TableInfo> foundByKey)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set constraints all deferred");
        }
        if (keepIndexes() || tables.isEmpty()) {
            return Restore.NOTHING;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
        }
        return IndexesAndForeignKeys.dropFor(connection, tables, foundByKey);
    }

    /** Foreign keys are dropped in the load's transaction and created again at its end, which checks every row. */
    @Override
    public boolean checksForeignKeysAfterLoad() {
        return !keepIndexes();
    }

    /** {@code parity.load.keepIndexes}: {@code true} or {@code false}, strictly ({@code Boolean.getBoolean} takes "yes" for false). */
    static boolean keepIndexes() {
        return Settings.LOAD_KEEP_INDEXES.getFromSystemProperties();
    }

    @Override
    public TableWriter open(Connection connection, TableInfo table, List<ColumnInfo> columns)
            throws SQLException {
        String names =
                columns.stream()
                        .map(c -> SQL.identifier(c.name()))
                        .collect(Collectors.joining(", "));
        boolean freeze = emptiedForFreeze(connection, table);
        CopyIn copy =
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY "
                                        + table.qualifiedName()
                                        + " ("
                                        + names
                                        + ") FROM STDIN"
                                        + (freeze ? " WITH (FREEZE)" : ""));
        return new TabSeparatedWriter(columns.size()) {
            @Override
            public void write(byte[] chunk) throws SQLException {
                copy.writeToCopy(chunk, 0, chunk.length);
            }

            @Override
            public void finish() throws SQLException {
                copy.endCopy();
            }

            @Override
            public void abort() {
                try {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                } catch (SQLException ignored) {
                    // the failure that led here is the one to report
                }
            }
        };
    }

    /**
     * Whether {@code table} was truncated in the load's transaction so that its COPY may freeze its rows: only a
     * plain table that is empty, may be truncated by this user, has no ON TRUNCATE trigger and is referenced by
     * no other table's foreign key (the load dropped those it could). Frozen rows are what a vacuumed production
     * table holds: visible to all, all-visible in the visibility map (index-only scans read no heap), and the
     * first reads after the load write no hint bits (ANALYZE of a million rows: 0.43 s, 0.58 s without).
     */
    private static boolean emptiedForFreeze(Connection connection, TableInfo table)
            throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(FREEZABLE)) {
            check.setString(1, table.qualifiedName());
            try (ResultSet result = check.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return false;
                }
            }
        }
        // a query of its own, only for a table found truncatable: a user may write rows it may not
        // read, and one query would check SELECT on the table first (the executor checks every
        // table)
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "select exists (select from " + table.qualifiedName() + ")")) {
            rows.next();
            if (rows.getBoolean(1)) {
                return false;
            }
            statement.execute("truncate only " + table.qualifiedName());
            return true;
        }
    }

    /** A plain table this user may truncate, without ON TRUNCATE triggers, referenced by no other table's foreign key. */
    private static final String FREEZABLE =
            "select c.relkind = 'r' and has_table_privilege(c.oid, 'TRUNCATE') "
                    + "and not exists (select from pg_trigger t where t.tgrelid = c.oid and (t.tgtype & 32) <> 0) "
                    + "and not exists (select from pg_constraint f where f.contype = 'f' and f.confrelid = c.oid and f.conrelid <> c.oid) "
                    + "from pg_class c where c.oid = ?::regclass";

    @Override
    public void afterTable(
            Connection connection, TableInfo table, List<ColumnInfo> autoIncrementColumns)
            throws SQLException {
        for (ColumnInfo column : autoIncrementColumns) {
            String name = SQL.identifier(column.name());
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "select setval(pg_get_serial_sequence("
                                + SQL.literal(table.qualifiedName())
                                + ", "
                                + SQL.literal(column.name())
                                + "), max("
                                + name
                                + ")) from "
                                + table.qualifiedName()
                                + " having max("
                                + name
                                + ") is not null");
            }
        }
    }

    @Override
    public void analyze(Connection connection, List<TableInfo> tables) throws SQLException {
        try (Statement analyze = connection.createStatement()) {
            for (TableInfo table : tables) {
                analyze.execute("analyze " + table.qualifiedName());
            }
        }
    }
}
