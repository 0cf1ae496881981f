package dev.parity.bench;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.RowSource;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType.Kind;
import dev.parity.engine.schema.TableInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For the record only, not part of the library: MariaDB rows written as one multi-row
 * {@code INSERT ... VALUES (...),(...)} per chunk instead of {@code LOAD DATA LOCAL INFILE}, to show which
 * of the two is the faster path. The same chunks of the same generated values (in MariaDB's text form:
 * bytes as hex, bits as numbers), the same connection settings around the load (MariaDB's own loader's
 * prepare, restore, afterTable and analyze). Worker threads build each chunk's statement; the writer
 * thread sends it.
 */
final class MultiRowInsertLoader implements BulkLoader {

    private final BulkLoader around;
    private final SqlDialect sql;

    /** @param around MariaDB's own loader, for what happens around the rows */
    MultiRowInsertLoader(BulkLoader around, SqlDialect sql) {
        this.around = around;
        this.sql = sql;
    }

    @Override
    public Restore prepare(
            Connection connection, List<TableInfo> tables, List<TableInfo> foundByKey)
            throws SQLException {
        return around.prepare(connection, tables, foundByKey);
    }

    @Override
    public TableWriter open(Connection connection, TableInfo table, List<ColumnInfo> columns) {
        String insert =
                "insert into "
                        + table.qualifiedName()
                        + " ("
                        + columns.stream()
                                .map(c -> sql.identifier(c.name()))
                                .collect(Collectors.joining(", "))
                        + ") values ";
        Kind[] kinds = columns.stream().map(c -> c.type().kind()).toArray(Kind[]::new);
        return new TableWriter() {
            @Override
            public byte[] encode(RowSource.Cursor cursor, long from, long to) {
                StringBuilder statement =
                        new StringBuilder(insert.length() + (int) (to - from) * 48 * kinds.length)
                                .append(insert);
                for (long row = from; row < to; row++) {
                    statement.append(row == from ? "(" : ",(");
                    for (int i = 0; i < kinds.length; i++) {
                        if (i > 0) {
                            statement.append(',');
                        }
                        appendValue(statement, kinds[i], cursor.value(row, i));
                    }
                    statement.append(')');
                }
                return statement.toString().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void write(byte[] chunk) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(new String(chunk, StandardCharsets.UTF_8));
                }
            }

            @Override
            public void finish() {}

            @Override
            public void abort() {}
        };
    }

    /** A value as a MariaDB literal: NULL, {@code x'..'} for hex bytes, a bare number for bits, else a quoted string. */
    private static void appendValue(StringBuilder out, Kind kind, String value) {
        if (value == null) {
            out.append("null");
        } else if (kind == Kind.BYTES) {
            out.append("x'").append(value).append('\'');
        } else if (kind == Kind.BIT) {
            out.append(value);
        } else {
            out.append('\'');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\'' -> out.append("\\'");
                    case '\0' -> out.append("\\0");
                    default -> out.append(c);
                }
            }
            out.append('\'');
        }
    }

    @Override
    public void afterTable(
            Connection connection, TableInfo table, List<ColumnInfo> autoIncrementColumns)
            throws SQLException {
        around.afterTable(connection, table, autoIncrementColumns);
    }

    @Override
    public void analyze(Connection connection, List<TableInfo> tables) throws SQLException {
        around.analyze(connection, tables);
    }
}
