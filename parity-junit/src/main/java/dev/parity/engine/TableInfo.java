package dev.parity.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A table as the engine describes it: columns in order, keys, foreign keys and CHECK constraints.
 *
 * @param schema        its schema (PostgreSQL) or database (MariaDB)
 * @param name          its name
 * @param qualifiedName schema and name, quoted for SQL
 * @param uniqueKeys    unique constraints and indexes, each as its columns (partial and expression indexes left out)
 */
@API(status = API.Status.INTERNAL)
public record TableInfo(String schema, String name, String qualifiedName, List<ColumnInfo> columns, List<String> primaryKey,
                        List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys, List<Check> checks) {

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** A foreign key: {@code columns} reference {@code refColumns} of {@code refTable}, pairwise. */
    public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns) {
    }

    /**
     * A CHECK constraint.
     *
     * @param definition as the engine prints it, for messages, e.g. {@code CHECK ((price > (0)::numeric))}
     * @param condition  the boolean expression as the engine can evaluate it
     * @param neutral    the condition rewritten in the plain form Parity reads: comparisons with numbers,
     *                   {@code IN} lists, {@code char_length}, {@code <> ''}, {@code IS NOT NULL}, joined by
     *                   {@code AND}, identifiers bare or in double quotes, no casts; anything else is left as it is
     */
    public record Check(String name, String definition, String condition, String neutral) {
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key and every unique constraint or index, each as its columns. */
    public List<List<String>> keys() {
        List<List<String>> keys = new ArrayList<>();
        if (!primaryKey.isEmpty()) {
            keys.add(primaryKey);
        }
        uniqueKeys.stream().filter(k -> !k.equals(primaryKey)).forEach(keys::add);
        return keys;
    }
}
