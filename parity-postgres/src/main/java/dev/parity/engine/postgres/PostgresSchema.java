package dev.parity.engine.postgres;

import dev.parity.engine.SchemaReader;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import dev.parity.engine.schema.TriggerWrites;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every user table of every schema from PostgreSQL's catalogs, in a fixed number of queries however
 * many tables there are. A table in the connection's current schema is named bare, any other as
 * {@code schema.table}. A partitioned table stands for its partitions: their foreign keys, unique indexes,
 * CHECKs and triggers count as its own, and its partition bounds are read, so generated rows find a partition.
 * Columns of domain types take the domains' NOT NULL, default and CHECKs.
 */
final class PostgresSchema implements SchemaReader {

    private static final PostgresDialect DIALECT = new PostgresDialect();
    private static final Pattern IDENTIFIER =
            Pattern.compile("\"((?:[^\"]|\"\")+)\"|\\b([a-z_][a-z0-9_$]*)\\b");

    /** User tables and partitions: not the catalogs', not an extension's. */
    private static final String RELATIONS =
            """
            select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)'
               and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
            """;

    private record Relation(long oid, String schema, String name, boolean partition, long root) {}

    private record Attribute(
            String name,
            long type,
            int typmod,
            String sqlType,
            boolean notNull,
            boolean identity,
            boolean generated,
            String defaultValue) {}

    /** What is read per table before it becomes a {@link TableInfo}. */
    private static final class Draft {
        final Relation relation;
        List<String> primaryKey = List.of();
        final Set<List<String>> uniqueKeys = new LinkedHashSet<>();
        final Map<String, TableInfo.ForeignKey> foreignKeys = new LinkedHashMap<>();
        final Map<String, TableInfo.Check> checks = new LinkedHashMap<>();
        TableInfo.Partitioning partitioning;
        boolean triggerFilled;
        final Set<String> maintained = new LinkedHashSet<>();

        Draft(Relation relation) {
            this.relation = relation;
        }
    }

    @Override
    public Map<String, TableInfo> read(Connection connection) throws SQLException {
        String current = connection.getSchema();
        PostgresTypeCatalog types = PostgresTypeCatalog.load(connection);
        try (Statement statement = connection.createStatement()) {
            Map<Long, Relation> relations = relations(statement);
            Map<Long, Map<Integer, Attribute>> attributes = attributes(statement);
            Map<Long, Draft> drafts = new LinkedHashMap<>();
            relations.values().stream()
                    .filter(r -> !r.partition)
                    .forEach(r -> drafts.put(r.oid, new Draft(r)));
            keys(statement, relations, attributes, drafts);
            constraints(statement, current, relations, attributes, drafts);
            triggers(statement, relations, drafts);
            maintained(statement, current, drafts);
            partitioning(statement, attributes, drafts);

            Map<String, TableInfo> tables = new LinkedHashMap<>();
            for (Draft draft : drafts.values()) {
                Relation relation = draft.relation;
                List<ColumnInfo> columns = new ArrayList<>();
                for (Attribute attribute :
                        attributes.getOrDefault(relation.oid, Map.of()).values()) {
                    PostgresTypeCatalog.DomainRules domain =
                            types.domainRules(attribute.type, DIALECT.identifier(attribute.name));
                    domain.checks().forEach(c -> draft.checks.putIfAbsent(c[1], check(c[0], c[1])));
                    String defaultValue =
                            attribute.defaultValue != null
                                    ? attribute.defaultValue
                                    : attribute.identity ? "identity" : domain.defaultValue();
                    boolean sequence =
                            attribute.identity
                                    || defaultValue != null && defaultValue.startsWith("nextval(");
                    columns.add(
                            new ColumnInfo(
                                    attribute.name,
                                    types.resolve(
                                            attribute.type, attribute.typmod, attribute.sqlType),
                                    !attribute.notNull && !domain.notNull(),
                                    defaultValue,
                                    attribute.generated,
                                    sequence));
                }
                List<List<String>> uniqueKeys =
                        draft.uniqueKeys.stream().filter(k -> !k.equals(draft.primaryKey)).toList();
                tables.put(
                        key(current, relation),
                        new TableInfo(
                                relation.schema,
                                key(current, relation),
                                DIALECT.qualified(relation.schema, relation.name),
                                columns,
                                draft.primaryKey,
                                uniqueKeys,
                                List.copyOf(draft.foreignKeys.values()),
                                List.copyOf(draft.checks.values()),
                                draft.partitioning,
                                draft.triggerFilled,
                                draft.maintained));
            }
            return tables;
        }
    }

    /** How datasets name a table: bare in the current schema, {@code schema.table} elsewhere. */
    private static String key(String current, Relation relation) {
        return relation.schema.equals(current)
                ? relation.name
                : relation.schema + "." + relation.name;
    }

    private static TableInfo.Check check(String name, String definition) {
        return new TableInfo.Check(
                name,
                definition,
                PostgresChecks.condition(definition),
                PostgresChecks.neutral(definition));
    }

    private static Map<Long, Relation> relations(Statement statement) throws SQLException {
        Map<Long, Relation> relations = new LinkedHashMap<>();
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select c.oid, n.nspname, c.relname, c.relispartition, case when c.relispartition then pg_partition_root(c.oid) else c.oid end
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.oid in (%s)
                 order by n.nspname, c.relname
                """
                                .formatted(RELATIONS))) {
            while (rows.next()) {
                relations.put(
                        rows.getLong(1),
                        new Relation(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getBoolean(4),
                                rows.getLong(5)));
            }
        }
        return relations;
    }

    private static Map<Long, Map<Integer, Attribute>> attributes(Statement statement)
            throws SQLException {
        Map<Long, Map<Integer, Attribute>> attributes = new HashMap<>();
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       a.attidentity in ('a', 'd'), a.attgenerated <> '', pg_get_expr(d.adbin, d.adrelid)
                  from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                 where a.attrelid in (%s) and a.attnum > 0 and not a.attisdropped
                 order by a.attrelid, a.attnum
                """
                                .formatted(RELATIONS))) {
            while (rows.next()) {
                boolean generated = rows.getBoolean(9);
                attributes
                        .computeIfAbsent(rows.getLong(1), k -> new LinkedHashMap<>())
                        .put(
                                rows.getInt(2),
                                new Attribute(
                                        rows.getString(3),
                                        rows.getLong(4),
                                        rows.getInt(5),
                                        rows.getString(6),
                                        rows.getBoolean(7),
                                        rows.getBoolean(8),
                                        generated,
                                        rows.getString(10)));
            }
        }
        return attributes;
    }

    /** Primary keys and unique indexes, a partition's as its root's; an expression or partial index as the columns it mentions. */
    private static void keys(
            Statement statement,
            Map<Long, Relation> relations,
            Map<Long, Map<Integer, Attribute>> attributes,
            Map<Long, Draft> drafts)
            throws SQLException {
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select i.indrelid, i.indisprimary, i.indkey::int2[],
                       (select array_agg(pg_get_indexdef(i.indexrelid, k, true) order by k) from generate_series(1, i.indnkeyatts) k),
                       coalesce(pg_get_expr(i.indpred, i.indrelid), '')
                  from pg_index i
                 where i.indisunique and i.indrelid in (%s)
                 order by i.indrelid, i.indisprimary desc, i.indexrelid
                """
                                .formatted(RELATIONS))) {
            while (rows.next()) {
                Relation relation = relations.get(rows.getLong(1));
                Draft draft = drafts.get(relation.root);
                if (draft == null) {
                    continue;
                }
                Map<Integer, Attribute> own = attributes.getOrDefault(relation.oid, Map.of());
                Short[] attnums = (Short[]) rows.getArray(3).getArray();
                String[] definitions = (String[]) rows.getArray(4).getArray();
                Set<String> columns = new LinkedHashSet<>();
                for (int k = 0; k < definitions.length; k++) {
                    Attribute attribute = k < attnums.length ? own.get((int) attnums[k]) : null;
                    if (attribute != null) {
                        columns.add(attribute.name);
                    } else {
                        columns.addAll(mentioned(definitions[k], own));
                    }
                }
                List<String> key = List.copyOf(columns);
                if (key.isEmpty()) {
                    continue;
                }
                if (rows.getBoolean(2) && !relation.partition && rows.getString(5).isEmpty()) {
                    draft.primaryKey = key;
                } else {
                    draft.uniqueKeys.add(key);
                }
            }
        }
    }

    /** The table's columns an expression names. */
    private static Set<String> mentioned(String expression, Map<Integer, Attribute> columns) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> known = new HashSet<>();
        columns.values().forEach(a -> known.add(a.name));
        Matcher m = IDENTIFIER.matcher(expression.replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
            if (known.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Foreign keys and CHECKs, each once however many partitions repeat it. */
    private static void constraints(
            Statement statement,
            String current,
            Map<Long, Relation> relations,
            Map<Long, Map<Integer, Attribute>> attributes,
            Map<Long, Draft> drafts)
            throws SQLException {
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select con.conrelid, con.contype, con.conname, pg_get_constraintdef(con.oid), con.conkey, con.confrelid, con.confkey,
                       con.condeferrable
                  from pg_constraint con
                 where con.contype in ('f', 'c') and con.conrelid in (%s)
                 order by con.conrelid, con.conname
                """
                                .formatted(RELATIONS))) {
            while (rows.next()) {
                Relation relation = relations.get(rows.getLong(1));
                Draft draft = drafts.get(relation.root);
                if (draft == null) {
                    continue;
                }
                String definition = rows.getString(4);
                if ("c".equals(rows.getString(2))) {
                    draft.checks.putIfAbsent(definition, check(rows.getString(3), definition));
                    continue;
                }
                Relation target = relations.get(rows.getLong(6));
                if (target == null) {
                    continue;
                }
                Relation targetRoot = relations.getOrDefault(target.root, target);
                List<String> columns =
                        names((Short[]) rows.getArray(5).getArray(), attributes.get(relation.oid));
                List<String> refColumns =
                        names((Short[]) rows.getArray(7).getArray(), attributes.get(target.oid));
                String targetKey = key(current, targetRoot);
                draft.foreignKeys.putIfAbsent(
                        columns + "->" + targetKey + refColumns,
                        new TableInfo.ForeignKey(
                                rows.getString(3),
                                columns,
                                targetKey,
                                refColumns,
                                rows.getBoolean(8)));
            }
        }
    }

    private static List<String> names(Short[] attnums, Map<Integer, Attribute> columns) {
        List<String> names = new ArrayList<>();
        for (Short attnum : attnums) {
            names.add(columns.get((int) attnum).name);
        }
        return names;
    }

    /** Tables with an enabled BEFORE INSERT row trigger (on a partition too), which may fill columns. */
    private static void triggers(
            Statement statement, Map<Long, Relation> relations, Map<Long, Draft> drafts)
            throws SQLException {
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select distinct t.tgrelid from pg_trigger t
                 where not t.tgisinternal and t.tgenabled <> 'D' and (t.tgtype & 7) = 7 and t.tgrelid in (%s)
                """
                                .formatted(RELATIONS))) {
            while (rows.next()) {
                Draft draft = drafts.get(relations.get(rows.getLong(1)).root);
                if (draft != null) {
                    draft.triggerFilled = true;
                }
            }
        }
    }

    /**
     * The columns trigger functions set in UPDATEs of tables (a table named bare is looked for in the current schema,
     * then in any): counts and aggregates the schema keeps itself, which the load then leaves to their defaults.
     */
    private static void maintained(Statement statement, String current, Map<Long, Draft> drafts)
            throws SQLException {
        Map<String, Draft> byName = new HashMap<>();
        for (Draft draft : drafts.values()) {
            byName.putIfAbsent(draft.relation.name, draft);
            byName.put(draft.relation.schema + "." + draft.relation.name, draft);
            if (draft.relation.schema.equals(current)) {
                byName.put(draft.relation.name, draft);
            }
        }
        try (ResultSet rows =
                statement.executeQuery(
                        """
                select distinct p.prosrc from pg_trigger t join pg_proc p on p.oid = t.tgfoid where not t.tgisinternal and t.tgenabled <> 'D'
                """)) {
            while (rows.next()) {
                TriggerWrites.of(rows.getString(1))
                        .forEach(
                                (table, columns) -> {
                                    Draft draft = byName.get(table);
                                    if (draft != null) {
                                        draft.maintained.addAll(columns);
                                    }
                                });
            }
        }
    }

    /** The partition bounds of each partitioned table, when it is partitioned by one column. */
    private static void partitioning(
            Statement statement,
            Map<Long, Map<Integer, Attribute>> attributes,
            Map<Long, Draft> drafts)
            throws SQLException {
        Map<Long, Object[]> keys = new HashMap<>();
        try (ResultSet rows =
                statement.executeQuery(
                        "select partrelid, partstrat, partattrs::int2[] from pg_partitioned_table")) {
            while (rows.next()) {
                Short[] attnums = (Short[]) rows.getArray(3).getArray();
                if (drafts.containsKey(rows.getLong(1)) && attnums.length == 1 && attnums[0] != 0) {
                    keys.put(
                            rows.getLong(1),
                            new Object[] {
                                rows.getString(2),
                                attributes.get(rows.getLong(1)).get((int) attnums[0]).name
                            });
                }
            }
        }
        Map<Long, List<String>> bounds = new HashMap<>();
        try (ResultSet rows =
                statement.executeQuery(
                        "select i.inhparent, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i join pg_class c on c.oid = i.inhrelid order by c.relname")) {
            while (rows.next()) {
                if (keys.containsKey(rows.getLong(1))) {
                    bounds.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        keys.forEach(
                (oid, key) ->
                        drafts.get(oid).partitioning =
                                PostgresPartitionBounds.parse(
                                        (String) key[0],
                                        (String) key[1],
                                        bounds.getOrDefault(oid, List.of())));
    }
}
