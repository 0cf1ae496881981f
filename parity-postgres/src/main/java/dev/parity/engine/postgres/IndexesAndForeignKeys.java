package dev.parity.engine.postgres;

import dev.parity.engine.BulkLoader;
import dev.parity.engine.schema.TableInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes and foreign keys of the tables a load writes (their partitions' included), dropped
 * inside the load's transaction before COPY and created again at its end, each exactly as the catalog
 * printed it ({@code pg_get_indexdef}, {@code pg_get_constraintdef}, with its name and comment).
 *
 * <p>Why: COPY then only writes heap rows and primary or unique keys. Maintaining every other index row by
 * row, and a per-row trigger query for every foreign key, costs far more than building each index once by
 * sorting and checking each foreign key once with one join, which is what {@link #restore} does; the same
 * constraints hold afterwards, and a violation still fails the load. DDL is transactional in PostgreSQL: a
 * load that fails is rolled back with its drops, so nothing stays dropped.
 *
 * <p>Left in place, as not worth the risk: indexes behind a constraint (primary keys, unique and exclusion
 * constraints, and any index a foreign key references), indexes of a partition that belong to a
 * partitioned index (they go and come back with it), invalid, clustered or replica-identity indexes,
 * and indexes in a tablespace of their own.
 */
final class IndexesAndForeignKeys implements BulkLoader.Restore {

    /** The loaded tables and their partitions, at every level (pg_partition_tree gives nothing for a table without any). */
    private static final String SCOPE =
            "with loaded as (select unnest(?::regclass[]) as oid), scope as (select oid as relid from loaded "
                    + "union select tree.relid from loaded, pg_partition_tree(loaded.oid) as tree) ";

    /** Each droppable index with its partitions' indexes, parents first: what, how, attached to which, with which comment. */
    private static final String INDEXES =
            SCOPE
                    + "select part.relid::regclass::text as name, pg_get_indexdef(part.relid) as definition, "
                    + "part.parentrelid::regclass::text as parent, obj_description(part.relid, 'pg_class') as comment "
                    + "from pg_index top join pg_class class on class.oid = top.indexrelid, lateral (select top.indexrelid::regclass as relid, null::regclass as "
                    + "parentrelid, 0 as level union all select relid, parentrelid, level from pg_partition_tree(top.indexrelid) where level > 0) part "
                    + "where top.indrelid in (select relid from scope) and top.indisvalid and not top.indisclustered and not top.indisreplident "
                    + "and class.reltablespace = 0 "
                    + "and not exists (select from pg_constraint c where c.conindid = top.indexrelid) "
                    + "and not exists (select from pg_inherits i where i.inhrelid = top.indexrelid) "
                    + "order by top.indexrelid, part.level, part.relid";

    /** Foreign keys declared on a loaded table or one of its partitions (not those a partitioned table's key gives its partitions). */
    private static final String FOREIGN_KEYS =
            SCOPE
                    + "select c.conrelid::regclass::text as table_name, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition, "
                    + "obj_description(c.oid, 'pg_constraint') as comment "
                    + "from pg_constraint c where c.contype = 'f' and c.conparentid = 0 and c.conrelid in (select relid from scope) order by c.oid";

    private static final PostgresDialect SQL = new PostgresDialect();

    private final List<String> drops;
    private final List<String> creates;

    private IndexesAndForeignKeys(List<String> drops, List<String> creates) {
        this.drops = List.copyOf(drops);
        this.creates = List.copyOf(creates);
    }

    /** Reads what {@code tables} have, drops it, and returns what creates it again. */
    static IndexesAndForeignKeys dropFor(Connection connection, List<TableInfo> tables)
            throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        Array names =
                connection.createArrayOf(
                        "text", tables.stream().map(TableInfo::qualifiedName).toArray());
        // foreign keys go first and come back last: an index they need is then never missing
        List<String> foreignKeys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS)) {
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString("table_name");
                    String name = rows.getString("name");
                    drops.add("alter table " + table + " drop constraint " + name);
                    foreignKeys.add(
                            "alter table "
                                    + table
                                    + " add constraint "
                                    + name
                                    + " "
                                    + rows.getString("definition"));
                    comment(
                            rows.getString("comment"),
                            "constraint " + name + " on " + table,
                            foreignKeys);
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(INDEXES)) {
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    String parent = rows.getString("parent");
                    if (parent == null) {
                        drops.add("drop index " + name);
                    }
                    // a partitioned index prints as CREATE INDEX ... ON ONLY: its partitions'
                    // indexes are created and attached one by one, names kept
                    creates.add(rows.getString("definition"));
                    if (parent != null) {
                        creates.add("alter index " + parent + " attach partition " + name);
                    }
                    comment(rows.getString("comment"), "index " + name, creates);
                }
            }
        }
        creates.addAll(foreignKeys);
        IndexesAndForeignKeys dropped = new IndexesAndForeignKeys(drops, creates);
        execute(connection, dropped.drops);
        return dropped;
    }

    private static void comment(String comment, String on, List<String> statements) {
        if (comment != null) {
            statements.add("comment on " + on + " is " + SQL.literal(comment));
        }
    }

    /**
     * Creates every index and foreign key again, once the rows are in: indexes built by sorting, foreign
     * keys checked by one query each. Deferred checks of the load are run first, as ALTER TABLE refuses a
     * table with pending ones.
     */
    @Override
    public void restore(Connection connection) throws SQLException {
        execute(connection, List.of("set constraints all immediate"));
        execute(connection, creates);
    }

    private static void execute(Connection connection, List<String> statements)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(
                            e.getMessage() + " (while running: " + sql + ")", e.getSQLState(), e);
                }
            }
        }
    }
}
