package dev.parity.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} in text format, one COPY per table. Text format needs only four
 * escapes (backslash, tab, newline, carriage return) and {@code \N} for NULL; NUL cannot be stored in
 * PostgreSQL text, so it is dropped.
 */
final class CopySink implements RowSink {

    private final CopyIn copy;

    CopySink(Connection connection, TablePlan plan) throws SQLException {
        String columns = plan.columns().stream().map(c -> Sql.identifier(c.name())).collect(Collectors.joining(", "));
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + plan.table().qualifiedName() + " (" + columns + ") FROM STDIN");
    }

    @Override
    public Object encode(TablePlan plan, long from, long to) {
        List<ColumnPlan> columns = plan.columns();
        int width = columns.size();
        CopyBuffer buffer = new CopyBuffer((int) (to - from) * 32 * Math.max(1, width));
        CellRandom random = new CellRandom();
        long seed = plan.seed();
        for (long row = from; row < to; row++) {
            for (int i = 0; i < width; i++) {
                if (i > 0) {
                    buffer.separator();
                }
                String value = columns.get(i).value(seed, row, random);
                if (value == null) {
                    buffer.nullValue();
                } else {
                    buffer.value(value);
                }
            }
            buffer.endOfRow();
        }
        return buffer.toByteArray();
    }

    @Override
    public void write(Object chunk) throws SQLException {
        byte[] bytes = (byte[]) chunk;
        copy.writeToCopy(bytes, 0, bytes.length);
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
}
