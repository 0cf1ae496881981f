package dev.parity.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One item of a corpus entry's rows line, {@code table:rows} ({@code auth.users:100000}): a table as a
 * profile's {@code datasets:} names it, and the rows to ask for.
 */
record TableRows(String table, long rows) {

    TableRows {
        if (table.isBlank() || rows < 0) {
            throw new IllegalArgumentException(
                    "a rows line item is table:rows, rows 0 or more, not " + table + ":" + rows);
        }
    }

    /** The rows times {@code scale}, rounded, at least 1: a quick run still fills every table. */
    TableRows scaled(double scale) {
        return new TableRows(table, Math.max(1, Math.round(rows * scale)));
    }

    /**
     * A rows line, {@code table:rows table:rows ...}, in order; the table is everything before the last
     * {@code :}.
     *
     * @throws IllegalArgumentException naming the item that is not {@code table:rows}
     */
    static List<TableRows> parseLine(String line) {
        List<TableRows> items = new ArrayList<>();
        for (String item : line.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.lastIndexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new IllegalArgumentException("'" + item + "' is not table:rows");
            }
            try {
                items.add(
                        new TableRows(
                                item.substring(0, colon),
                                Long.parseLong(item.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "'" + item + "' is not table:rows (rows is a whole number)", e);
            }
        }
        return List.copyOf(items);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s:%d", table, rows);
    }
}
