package dev.parity.engine.postgres;

import dev.parity.engine.schema.ColumnType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's types, read once: resolves a column's type however it is built (a domain over a domain, an
 * array of a composite of an enum, a range of timestamps) into a {@link ColumnType}, and collects what domains
 * add to a column (NOT NULL, a default, CHECKs).
 */
final class PostgresTypeCatalog {

    private static final Pattern VALUE = Pattern.compile("'(?:[^']|'')*'|\\bVALUE\\b");

    private record Type(
            String name,
            char typtype,
            char category,
            long element,
            long base,
            int typmod,
            boolean notNull,
            String defaultValue,
            long relation,
            long subtype,
            List<String> labels) {}

    private record Field(long type, int typmod, String sqlType) {}

    /** What the domains of a column's type add to it. */
    record DomainRules(boolean notNull, String defaultValue, List<String[]> checks) {}

    private final Map<Long, Type> types = new HashMap<>();
    private final Map<Long, List<Field>> compositeFields = new HashMap<>();
    private final Map<Long, List<String[]>> domainChecks = new HashMap<>();

    private PostgresTypeCatalog() {}

    static PostgresTypeCatalog load(Connection connection) throws SQLException {
        PostgresTypeCatalog catalog = new PostgresTypeCatalog();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery(
                            """
                    select t.oid, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefault,
                           t.typrelid, r.rngsubtype,
                           (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid)
                      from pg_type t left join pg_range r on r.rngtypid = t.oid
                    """)) {
                while (rows.next()) {
                    Array labels = rows.getArray(12);
                    catalog.types.put(
                            rows.getLong(1),
                            new Type(
                                    rows.getString(2),
                                    rows.getString(3).charAt(0),
                                    rows.getString(4).charAt(0),
                                    rows.getLong(5),
                                    rows.getLong(6),
                                    rows.getInt(7),
                                    rows.getBoolean(8),
                                    rows.getString(9),
                                    rows.getLong(10),
                                    rows.getLong(11),
                                    labels == null
                                            ? List.of()
                                            : Arrays.asList((String[]) labels.getArray())));
                }
            }
            try (ResultSet rows =
                    statement.executeQuery(
                            """
                    select a.attrelid, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod)
                      from pg_attribute a join pg_class c on c.oid = a.attrelid
                     where c.relkind = 'c' and a.attnum > 0 and not a.attisdropped
                     order by a.attrelid, a.attnum
                    """)) {
                while (rows.next()) {
                    catalog.compositeFields
                            .computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new Field(rows.getLong(2), rows.getInt(3), rows.getString(4)));
                }
            }
            try (ResultSet rows =
                    statement.executeQuery(
                            "select contypid, conname, pg_get_constraintdef(oid) from pg_constraint where contypid <> 0 and contype = 'c' order by conname")) {
                while (rows.next()) {
                    catalog.domainChecks
                            .computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rows.getString(2), rows.getString(3)});
                }
            }
        }
        return catalog;
    }

    /** The type of a column of type {@code oid} with modifier {@code typmod}, spelled {@code sqlType}. */
    ColumnType resolve(long oid, int typmod, String sqlType) {
        Type type = types.get(oid);
        if (type == null) {
            return ColumnType.of(ColumnType.Kind.OTHER, sqlType);
        }
        switch (type.typtype) {
            case 'd':
                return resolve(type.base, typmod != -1 ? typmod : type.typmod, sqlType);
            case 'e':
                return ColumnType.labelled(ColumnType.Kind.ENUM, sqlType, type.labels);
            case 'c':
                List<ColumnType> fields =
                        compositeFields.getOrDefault(type.relation, List.of()).stream()
                                .map(f -> resolve(f.type, f.typmod, f.sqlType))
                                .toList();
                return fields.isEmpty()
                        ? ColumnType.of(ColumnType.Kind.OTHER, sqlType)
                        : ColumnType.composite(sqlType, fields);
            case 'r':
                Type subtype = types.get(type.subtype);
                return ColumnType.range(
                        sqlType, resolve(type.subtype, -1, subtype == null ? "?" : subtype.name));
            default:
                if (type.category == 'A' && type.element != 0) {
                    String elementSql =
                            sqlType.endsWith("[]")
                                    ? sqlType.substring(0, sqlType.length() - 2)
                                    : types.get(type.element).name;
                    // an array's typmod is its elements': varchar(10)[] has that of varchar(10)
                    return ColumnType.array(sqlType, resolve(type.element, typmod, elementSql));
                }
                return PostgresTypes.of(type.name, typmod, sqlType);
        }
    }

    /**
     * What the domains behind type {@code oid} (a domain over a domain too) add to a column named
     * {@code column}: their CHECKs are rewritten from {@code VALUE} to the column.
     */
    DomainRules domainRules(long oid, String quotedColumn) {
        boolean notNull = false;
        String defaultValue = null;
        List<String[]> checks = new ArrayList<>();
        for (Type type = types.get(oid);
                type != null && type.typtype == 'd';
                oid = type.base, type = types.get(oid)) {
            notNull |= type.notNull;
            defaultValue = defaultValue != null ? defaultValue : type.defaultValue;
            for (String[] check : domainChecks.getOrDefault(oid, List.of())) {
                checks.add(new String[] {check[0], forColumn(check[1], quotedColumn)});
            }
        }
        return new DomainRules(notNull, defaultValue, checks);
    }

    /** A domain's CHECK with {@code VALUE} (outside string literals) replaced by the column. */
    static String forColumn(String definition, String quotedColumn) {
        Matcher m = VALUE.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(m.group().startsWith("'") ? m.group() : quotedColumn));
        }
        return m.appendTail(out).toString();
    }
}
