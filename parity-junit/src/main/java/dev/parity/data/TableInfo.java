package dev.parity.data;

import java.util.List;
import java.util.Optional;

/** A table as the database describes it: columns in order, keys, foreign keys and CHECK constraints. */
record TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                 List<ForeignKey> foreignKeys, List<Check> checks) {

    /** A foreign key: {@code columns} reference {@code refColumns} of {@code refTable}, pairwise. */
    record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns) {
    }

    /** A CHECK constraint as the engine prints it, e.g. {@code CHECK ((price > (0)::numeric))}. */
    record Check(String name, String definition) {
    }

    Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key and every unique constraint or index, each as its columns. */
    List<List<String>> keys() {
        List<List<String>> keys = new java.util.ArrayList<>();
        if (!primaryKey.isEmpty()) {
            keys.add(primaryKey);
        }
        uniqueKeys.stream().filter(k -> !k.equals(primaryKey)).forEach(keys::add);
        return keys;
    }

    String qualifiedName() {
        return Sql.identifier(schema) + "." + Sql.identifier(name);
    }
}
