package dev.parity.data;

import java.nio.charset.StandardCharsets;
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
        StringBuilder text = new StringBuilder((int) (to - from) * 24 * Math.max(1, width));
        CellRandom random = new CellRandom();
        long seed = plan.seed();
        for (long row = from; row < to; row++) {
            for (int i = 0; i < width; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                String value = columns.get(i).value(seed, row, random);
                if (value == null) {
                    text.append("\\N");
                } else {
                    escape(value, text);
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void escape(String value, StringBuilder out) {
        int length = value.length();
        int plain = 0;
        while (plain < length) {
            char c = value.charAt(plain);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                break;
            }
            plain++;
        }
        if (plain == length) {
            out.append(value);
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> { }
                default -> out.append(c);
            }
        }
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
