package dev.parity.examples.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/** Exports customers as RFC 4180 CSV, which survives commas, quotes, line breaks and missing names. */
public class CustomerCsvExport {

    private final Jdbc jdbc;

    public CustomerCsvExport(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Writes the header and the customers with ids in [fromId, toId), in id order; returns how many. */
    public long export(long fromId, long toId, Writer out) {
        return jdbc.query(
                connection -> {
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id, email, full_name, country from customers where id >= ? and id < ? order by id")) {
                        select.setLong(1, fromId);
                        select.setLong(2, toId);
                        select.setFetchSize(1000);
                        long count = 0;
                        try (ResultSet rows = select.executeQuery()) {
                            line(out, "id", "email", "full_name", "country");
                            while (rows.next()) {
                                line(
                                        out,
                                        rows.getString(1),
                                        rows.getString(2),
                                        rows.getString(3),
                                        rows.getString(4));
                                count++;
                            }
                        }
                        return count;
                    }
                });
    }

    private static void line(Writer out, String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty for NULL; quoted, with quotes doubled, when it holds a comma, quote, line break or edge space. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote =
                value.isEmpty()
                        || value.chars()
                                .anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                        || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
