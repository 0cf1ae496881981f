package dev.parity.engine.postgres;

import dev.parity.engine.ColumnInfo;
import dev.parity.engine.ColumnType;
import dev.parity.engine.SchemaReader;
import dev.parity.engine.TableInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the tables of the connection's current schema: columns, keys and foreign keys through JDBC
 * metadata, and what metadata does not tell (CHECK constraints, enum labels, array element types, exact
 * type modifiers, domains' base types) from PostgreSQL's catalogs.
 */
final class PostgresSchema implements SchemaReader {

    private static final PostgresDialect DIALECT = new PostgresDialect();

    @Override
    public Map<String, TableInfo> read(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Map<String, ColumnType>> types = columnTypes(connection, schema);
        Map<String, List<TableInfo.Check>> checks = checks(connection, schema);
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (String table : tableNames(meta, schema)) {
            tables.put(table, new TableInfo(schema, table, DIALECT.qualified(schema, table),
                    columns(meta, schema, table, types.getOrDefault(table, Map.of())), primaryKey(meta, schema, table),
                    uniqueKeys(meta, schema, table), foreignKeys(meta, schema, table), checks.getOrDefault(table, List.of())));
        }
        return tables;
    }

    private static List<String> tableNames(DatabaseMetaData meta, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static List<ColumnInfo> columns(DatabaseMetaData meta, String schema, String table, Map<String, ColumnType> types)
            throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                ColumnType type = types.getOrDefault(name, ColumnType.of(ColumnType.Kind.OTHER, rows.getString("TYPE_NAME")));
                String defaultValue = rows.getString("COLUMN_DEF");
                boolean identity = "YES".equals(rows.getString("IS_AUTOINCREMENT"));
                boolean sequence = identity || defaultValue != null && defaultValue.startsWith("nextval(");
                boolean generated = "YES".equals(rows.getString("IS_GENERATEDCOLUMN"));
                columns.add(new ColumnInfo(name, type, rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        defaultValue == null && identity ? "identity" : defaultValue, generated, sequence));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    /** Unique indexes (which back unique constraints too); partial and expression indexes are left out. */
    private static List<List<String>> uniqueKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, true, true)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index == null || rows.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                if (column == null || column.contains("(") || rows.getString("FILTER_CONDITION") != null) {
                    skipped.add(index);
                }
                indexes.computeIfAbsent(index, i -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), column);
            }
        }
        skipped.forEach(indexes::remove);
        return indexes.values().stream().map(m -> List.copyOf(m.values())).distinct().toList();
    }

    private static List<TableInfo.ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, TreeMap<Integer, String[]>> keys = new LinkedHashMap<>();
        Map<String, String> targets = new HashMap<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                targets.put(name, rows.getString("PKTABLE_NAME"));
                keys.computeIfAbsent(name, n -> new TreeMap<>())
                        .put((int) rows.getShort("KEY_SEQ"), new String[] {rows.getString("FKCOLUMN_NAME"), rows.getString("PKCOLUMN_NAME")});
            }
        }
        List<TableInfo.ForeignKey> foreignKeys = new ArrayList<>();
        keys.forEach((name, pairs) -> foreignKeys.add(new TableInfo.ForeignKey(name,
                pairs.values().stream().map(p -> p[0]).toList(), targets.get(name), pairs.values().stream().map(p -> p[1]).toList())));
        return foreignKeys;
    }

    /** Every column's type from the catalogs: a domain's base type, a varchar's length, a numeric's precision, enum labels. */
    private static Map<String, Map<String, ColumnType>> columnTypes(Connection connection, String schema) throws SQLException {
        String sql = """
                select c.relname, a.attname, coalesce(bt.typname, t.typname), a.atttypmod, et.typname,
                       format_type(a.atttypid, a.atttypmod),
                       (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e
                         where e.enumtypid = coalesce(et.oid, bt.oid, t.oid)),
                       coalesce(bt.typcategory, t.typcategory)
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_type t on t.oid = a.atttypid
                  left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
                  left join pg_type et on et.oid = coalesce(bt.typelem, t.typelem) and coalesce(bt.typcategory, t.typcategory) = 'A'
                 where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                """;
        Map<String, Map<String, ColumnType>> types = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array labels = rows.getArray(7);
                    List<String> enumLabels = labels == null ? List.of() : Arrays.asList((String[]) labels.getArray());
                    types.computeIfAbsent(rows.getString(1), t -> new HashMap<>()).put(rows.getString(2),
                            PostgresTypes.of(rows.getString(3), rows.getInt(4), rows.getString(5), rows.getString(6), enumLabels));
                }
            }
        }
        return types;
    }

    private static Map<String, List<TableInfo.Check>> checks(Connection connection, String schema) throws SQLException {
        String sql = """
                select c.relname, con.conname, pg_get_constraintdef(con.oid)
                  from pg_constraint con
                  join pg_class c on c.oid = con.conrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and con.contype = 'c'
                 order by c.relname, con.conname
                """;
        Map<String, List<TableInfo.Check>> checks = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String definition = rows.getString(3);
                    checks.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(new TableInfo.Check(rows.getString(2), definition,
                            PostgresChecks.condition(definition), PostgresChecks.neutral(definition)));
                }
            }
        }
        return checks;
    }
}
