package dev.parity.engine.mariadb;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.ColumnInfo;
import dev.parity.engine.ColumnType.Kind;
import dev.parity.engine.RowSource;
import dev.parity.engine.TabSeparatedBuffer;
import dev.parity.engine.TableInfo;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOAD DATA LOCAL INFILE} from memory, one statement per chunk, in the same tab-separated text as
 * PostgreSQL's COPY. Bytes arrive as hex and bits as numbers, decoded by the statement's {@code SET}.
 * With LOCAL the server turns bad values into warnings instead of errors, so every chunk's warnings are
 * checked: a value the server had to change fails the load. Foreign key and unique checks are off during
 * the load (the rows are valid by construction) and back on afterwards.
 */
final class MariaDbLoadData implements BulkLoader {

    private static final MariaDbDialect SQL = new MariaDbDialect();

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set foreign_key_checks = 0, unique_checks = 0");
        }
    }

    @Override
    public void restore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set foreign_key_checks = 1, unique_checks = 1");
        }
    }

    @Override
    public TableWriter open(Connection connection, TableInfo table, List<ColumnInfo> columns) throws SQLException {
        List<String> targets = new ArrayList<>();
        List<String> conversions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            Kind kind = column.type().kind();
            if (kind == Kind.BYTES || kind == Kind.BIT) {
                String variable = "@parity_" + i;
                targets.add(variable);
                conversions.add(SQL.identifier(column.name()) + " = " + (kind == Kind.BYTES ? "unhex(" + variable + ")"
                        : "cast(" + variable + " as unsigned)"));
            } else {
                targets.add(SQL.identifier(column.name()));
            }
        }
        String sql = "load data local infile 'parity-rows' into table " + table.qualifiedName() + " character set utf8mb4 ("
                + String.join(", ", targets) + ")" + (conversions.isEmpty() ? "" : " set " + String.join(", ", conversions));
        int width = columns.size();
        return new TableWriter() {
            @Override
            public byte[] encode(RowSource.Cursor cursor, long from, long to) {
                return TabSeparatedBuffer.encode(cursor, width, from, to);
            }

            @Override
            public void write(byte[] chunk) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(chunk));
                    statement.execute(sql);
                    failOnWarnings(statement.getWarnings(), table);
                }
            }

            @Override
            public void finish() {
            }

            @Override
            public void abort() {
            }
        };
    }

    private static void failOnWarnings(SQLWarning warnings, TableInfo table) throws SQLException {
        if (warnings == null) {
            return;
        }
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = warnings; w != null && messages.size() < 3; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        throw new SQLException("MariaDB changed or dropped values while loading " + table.name() + ": " + String.join("; ", messages), "22000");
    }

    /** InnoDB moves a table's auto-increment counter past the largest value loaded by itself. */
    @Override
    public void afterTable(Connection connection, TableInfo table, List<ColumnInfo> autoIncrementColumns) {
    }

    @Override
    public void analyze(Connection connection, List<TableInfo> tables) throws SQLException {
        try (Statement analyze = connection.createStatement()) {
            for (TableInfo table : tables) {
                analyze.execute("analyze table " + table.qualifiedName());
            }
        }
    }
}
