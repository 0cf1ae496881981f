package dev.parity.data;

/** Quoting for the SQL Parity writes itself. */
final class Sql {

    private Sql() {
    }

    /** A double-quoted identifier: any name, any case. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal. */
    static String literal(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }
}
