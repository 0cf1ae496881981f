package dev.parity.engine.postgres;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import dev.parity.engine.sql.TabSeparatedWriter;
import dev.parity.settings.Settings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY ... FROM STDIN} in text format, one COPY per table, with the loaded tables' secondary indexes
 * and foreign keys dropped during the load and created again at its end ({@link IndexesAndForeignKeys});
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
    public Restore prepare(Connection connection, List<TableInfo> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set constraints all deferred");
        }
        if (keepIndexes() || tables.isEmpty()) {
            return Restore.NOTHING;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '256MB'");
        }
        return IndexesAndForeignKeys.dropFor(connection, tables);
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
        CopyIn copy =
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + table.qualifiedName() + " (" + names + ") FROM STDIN");
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
