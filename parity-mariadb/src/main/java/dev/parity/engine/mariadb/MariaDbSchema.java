package dev.parity.engine.mariadb;

import dev.parity.engine.SchemaReader;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables of the connection's database from {@code information_schema}: columns with their
 * character sets, keys, foreign keys, and CHECK constraints ({@code json_valid(col)} marks a JSON column).
 */
final class MariaDbSchema implements SchemaReader {

    private static final MariaDbDialect SQL = new MariaDbDialect();

    @Override
    public Map<String, TableInfo> read(Connection connection) throws SQLException {
        String database = connection.getCatalog();
        Map<String, List<TableInfo.Check>> checks = new HashMap<>();
        Set<String> jsonColumns = new HashSet<>();
        query(
                connection,
                "select table_name, constraint_name, check_clause from information_schema.check_constraints"
                        + " where constraint_schema = ? order by table_name, constraint_name",
                database,
                row -> {
                    String clause = row.getString(3);
                    String json = MariaDbChecks.jsonColumn(clause);
                    if (json != null) {
                        jsonColumns.add(row.getString(1) + "." + json);
                    } else {
                        checks.computeIfAbsent(row.getString(1), t -> new ArrayList<>())
                                .add(
                                        new TableInfo.Check(
                                                row.getString(2),
                                                "CHECK (" + clause + ")",
                                                clause,
                                                MariaDbChecks.neutral(clause)));
                    }
                });
        Map<String, List<ColumnInfo>> columns = new LinkedHashMap<>();
        query(
                connection,
                "select c.table_name, c.column_name, c.data_type, c.column_type, c.character_maximum_length,"
                        + " c.character_octet_length, c.numeric_precision, c.numeric_scale, c.character_set_name, c.column_default,"
                        + " c.is_nullable, c.extra, c.is_generated, c.generation_expression"
                        + " from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'"
                        + " where c.table_schema = ? order by c.table_name, c.ordinal_position",
                database,
                row -> {
                    String table = row.getString(1);
                    String name = row.getString(2);
                    ColumnType type =
                            MariaDbTypes.of(
                                    row.getString(3),
                                    row.getString(4),
                                    number(row, 5),
                                    number(row, 6),
                                    (int) number(row, 7),
                                    (int) number(row, 8),
                                    row.getString(9),
                                    jsonColumns.contains(table + "." + name));
                    String extra =
                            row.getString(12) == null
                                    ? ""
                                    : row.getString(12).toLowerCase(java.util.Locale.ROOT);
                    String defaultValue = row.getString(10);
                    boolean generated =
                            "ALWAYS".equalsIgnoreCase(row.getString(13))
                                    || extra.contains("generated");
                    columns.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(
                                    new ColumnInfo(
                                            name,
                                            type,
                                            "YES".equals(row.getString(11)),
                                            generated
                                                    ? row.getString(14)
                                                    : "NULL".equals(defaultValue)
                                                            ? null
                                                            : defaultValue,
                                            generated,
                                            extra.contains("auto_increment")));
                });
        Map<String, Map<String, TreeMap<Integer, String>>> indexes = new HashMap<>();
        // a unique prefix index is unique on the first characters only: values no longer than the
        // prefix keep it
        Map<String, Integer> prefixes = new HashMap<>();
        query(
                connection,
                "select table_name, index_name, seq_in_index, column_name, sub_part from information_schema.statistics"
                        + " where table_schema = ? and non_unique = 0",
                database,
                row -> {
                    if (row.getString(5) != null) {
                        prefixes.merge(
                                row.getString(1) + "." + row.getString(4),
                                row.getInt(5),
                                Math::min);
                    }
                    indexes.computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getString(2), i -> new TreeMap<>())
                            .put(row.getInt(3), row.getString(4));
                });
        Map<String, Map<String, TreeMap<Integer, String[]>>> foreignKeys = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        query(
                connection,
                "select table_name, constraint_name, ordinal_position, column_name, referenced_table_name, referenced_column_name"
                        + " from information_schema.key_column_usage where table_schema = ? and referenced_table_schema = table_schema"
                        + " and referenced_table_name is not null",
                database,
                row -> {
                    targets.put(row.getString(1) + "." + row.getString(2), row.getString(5));
                    foreignKeys
                            .computeIfAbsent(row.getString(1), t -> new LinkedHashMap<>())
                            .computeIfAbsent(row.getString(2), k -> new TreeMap<>())
                            .put(row.getInt(3), new String[] {row.getString(4), row.getString(6)});
                });
        Set<String> triggerFilled = new HashSet<>();
        query(
                connection,
                "select event_object_table from information_schema.triggers where trigger_schema = ?"
                        + " and event_manipulation = 'INSERT' and action_timing = 'BEFORE'",
                database,
                row -> triggerFilled.add(row.getString(1)));
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        columns.forEach(
                (table, tableColumns) -> {
                    Map<String, TreeMap<Integer, String>> tableIndexes =
                            indexes.getOrDefault(table, Map.of());
                    List<String> primaryKey =
                            tableIndexes.containsKey("PRIMARY")
                                    ? List.copyOf(tableIndexes.get("PRIMARY").values())
                                    : List.of();
                    List<List<String>> unique = new ArrayList<>();
                    tableIndexes.forEach(
                            (index, keyColumns) -> {
                                if (!index.equals("PRIMARY")) {
                                    unique.add(List.copyOf(keyColumns.values()));
                                }
                            });
                    List<TableInfo.ForeignKey> keys = new ArrayList<>();
                    foreignKeys
                            .getOrDefault(table, Map.of())
                            .forEach(
                                    (name, pairs) ->
                                            keys.add(
                                                    new TableInfo.ForeignKey(
                                                            name,
                                                            pairs.values().stream()
                                                                    .map(p -> p[0])
                                                                    .toList(),
                                                            targets.get(table + "." + name),
                                                            pairs.values().stream()
                                                                    .map(p -> p[1])
                                                                    .toList())));
                    List<ColumnInfo> fitted =
                            tableColumns.stream()
                                    .map(
                                            c -> {
                                                Integer prefix =
                                                        prefixes.get(table + "." + c.name());
                                                return prefix == null
                                                                || c.type().length() >= 0
                                                                        && c.type().length()
                                                                                <= prefix
                                                        ? c
                                                        : new ColumnInfo(
                                                                c.name(),
                                                                c.type().withLength(prefix),
                                                                c.nullable(),
                                                                c.defaultValue(),
                                                                c.generated(),
                                                                c.autoIncrement());
                                            })
                                    .toList();
                    tables.put(
                            table,
                            new TableInfo(
                                    database,
                                    table,
                                    SQL.qualified(database, table),
                                    fitted,
                                    primaryKey,
                                    unique.stream().distinct().toList(),
                                    keys,
                                    checks.getOrDefault(table, List.of()),
                                    null,
                                    triggerFilled.contains(table)));
                });
        return tables;
    }

    private static long number(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? -1 : value;
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static void query(
            Connection connection, String sql, String database, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }
}
