package dev.parity.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Multi-row {@code INSERT ... VALUES (...), (...)} for databases without COPY. Values are bound as
 * strings, which engines such as MariaDB convert to the column's type.
 */
final class InsertSink implements RowSink {

    private final Connection connection;
    private final String head;
    private final int width;
    private final int rowsPerStatement;

    InsertSink(Connection connection, TablePlan plan) {
        this.connection = connection;
        this.width = plan.columns().size();
        this.head = "insert into " + plan.table().qualifiedName().replace('"', quote(connection)) + " ("
                + plan.columns().stream().map(c -> Sql.identifier(c.name()).replace('"', quote(connection))).collect(Collectors.joining(", "))
                + ") values ";
        this.rowsPerStatement = Math.max(1, Math.min(500, 30_000 / Math.max(1, width)));
    }

    private static char quote(Connection connection) {
        try {
            String quote = connection.getMetaData().getIdentifierQuoteString();
            return quote == null || quote.isBlank() ? '"' : quote.charAt(0);
        } catch (SQLException e) {
            return '"';
        }
    }

    @Override
    public Object encode(TablePlan plan, long from, long to) {
        List<String[]> rows = new ArrayList<>((int) (to - from));
        CellRandom random = new CellRandom();
        for (long row = from; row < to; row++) {
            String[] values = new String[width];
            for (int i = 0; i < width; i++) {
                values[i] = plan.columns().get(i).value(plan.seed(), row, random);
            }
            rows.add(values);
        }
        return rows;
    }

    @Override
    public void write(Object chunk) throws SQLException {
        @SuppressWarnings("unchecked")
        List<String[]> rows = (List<String[]>) chunk;
        for (int start = 0; start < rows.size(); start += rowsPerStatement) {
            List<String[]> part = rows.subList(start, Math.min(rows.size(), start + rowsPerStatement));
            String placeholders = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            String sql = head + String.join(", ", Collections.nCopies(part.size(), placeholders));
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int index = 1;
                for (String[] row : part) {
                    for (String value : row) {
                        insert.setString(index++, value);
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    @Override
    public void finish() {
    }

    @Override
    public void abort() {
    }
}
