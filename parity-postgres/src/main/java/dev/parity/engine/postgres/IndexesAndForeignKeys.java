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
 * The primary keys, unique constraints, secondary indexes and foreign keys of the tables a load writes
 * (their partitions' included, and the foreign keys of other tables that reference them), dropped inside
 * the load's transaction before COPY and created again at its end, each exactly as the catalog printed it
 * ({@code pg_get_indexdef}, {@code pg_get_constraintdef}, with its name and comments).
 *
 * <p>Why: COPY then only writes heap rows. Maintaining every index row by row, and a per-row trigger query
 * for every foreign key, costs far more than building each index once by sorting and checking each
 * foreign key once with one join, which is what {@link #restore} does (a million rows of ten columns: the
 * server's COPY with the primary key in place 2.96 s, without it and the key added after 2.2 s); the same
 * constraints hold afterwards, and a violation still fails the load. DDL is transactional in PostgreSQL: a
 * load that fails is rolled back with its drops, so nothing stays dropped. Keys, unique indexes and foreign
 * keys come back inside that transaction; indexes that are not unique, which the rows cannot violate, after
 * its commit on several sessions at once ({@link #afterCommit}).
 *
 * <p>Left in place, as not worth the risk: every key where a loaded table has a trigger of its own (it may
 * look rows up by key, or upsert with {@code ON CONFLICT}: Lemmy's counters did, each lookup a scan without
 * the key), the keys of tables whose rows a second pass finds again by key, of partitioned tables and of
 * partitions, and with storage parameters, exclusion constraints, indexes of a partition that belong to a
 * partitioned index (they go and come back with it), invalid, clustered or replica-identity indexes,
 * and indexes in a tablespace of their own.
 */
final class IndexesAndForeignKeys implements BulkLoader.Restore {

    /** The loaded tables and their partitions, at every level (pg_partition_tree gives nothing for a table without any). */
    private static final String SCOPE =
            "with loaded as (select unnest(?::regclass[]) as oid), scope as (select oid as relid from loaded "
                    + "union select tree.relid from loaded, pg_partition_tree(loaded.oid) as tree) ";

    /** What makes an index one to leave alone: clustered, replica identity, in a tablespace of its own. */
    private static final String KEPT_INDEX =
            "(i.indisclustered or i.indisreplident or not i.indisvalid or ic.reltablespace <> 0)";

    /**
     * Primary keys and unique constraints of plain tables in scope (not partitioned, not partitions), but those of
     * tables found again by key (the second parameter) and those whose index has storage parameters, which
     * pg_get_constraintdef leaves out; none where a loaded table has a trigger of its own, which may look rows
     * up by key or upsert on it; with their comments and their indexes'.
     */
    private static final String KEYS =
            SCOPE
                    + "select c.conrelid::regclass::text as table_name, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition, "
                    + "obj_description(c.oid, 'pg_constraint') as comment, c.conindid::regclass::text as index_name, "
                    + "obj_description(c.conindid, 'pg_class') as index_comment "
                    + "from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_index i on i.indexrelid = c.conindid "
                    + "join pg_class ic on ic.oid = c.conindid "
                    + "where c.contype in ('p', 'u') and c.conparentid = 0 and c.conrelid in (select relid from scope) "
                    + "and t.relkind = 'r' and not t.relispartition and not "
                    + KEPT_INDEX
                    + " and ic.reloptions is null and c.conrelid <> all(?::regclass[]) "
                    // a trigger the load fires may find rows by key, or upsert on it (ON CONFLICT)
                    + "and not exists (select from pg_trigger g where g.tgrelid in (select relid from scope) "
                    + "and not g.tgisinternal and g.tgenabled <> 'D') order by c.oid";

    /** Each droppable index with its partitions' indexes, parents first: what, how, attached to which, with which comment. */
    private static final String INDEXES =
            SCOPE
                    + "select part.relid::regclass::text as name, pg_get_indexdef(part.relid) as definition, "
                    + "part.parentrelid::regclass::text as parent, obj_description(part.relid, 'pg_class') as comment, "
                    + "i.indexrelid as root, i.indisunique as is_unique, i.indrelid::regclass::text as table_name, "
                    + "(select amname from pg_am where oid = ic.relam) as method "
                    + "from pg_index i join pg_class ic on ic.oid = i.indexrelid, lateral (select i.indexrelid::regclass as relid, null::regclass as "
                    + "parentrelid, 0 as level union all select relid, parentrelid, level from pg_partition_tree(i.indexrelid) where level > 0) part "
                    + "where i.indrelid in (select relid from scope) and not "
                    + KEPT_INDEX
                    // a foreign key's index is its referenced table's: dropped with the foreign key
                    + " and not exists (select from pg_constraint c where c.conindid = i.indexrelid and c.contype <> 'f') "
                    + "and not exists (select from pg_inherits h where h.inhrelid = i.indexrelid) "
                    + "order by i.indexrelid, part.level, part.relid";

    /**
     * Foreign keys declared on a loaded table or one of its partitions, or referencing one (not those a partitioned
     * table's key gives its partitions): a key or index they lean on can then be dropped.
     */
    private static final String FOREIGN_KEYS =
            SCOPE
                    + "select c.conrelid::regclass::text as table_name, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition, "
                    + "obj_description(c.oid, 'pg_constraint') as comment "
                    + "from pg_constraint c where c.contype = 'f' and c.conparentid = 0 "
                    + "and (c.conrelid in (select relid from scope) or c.confrelid in (select relid from scope)) order by c.oid";

    private static final PostgresDialect SQL = new PostgresDialect();

    /**
     * Access methods whose builds cost several times a B-tree's of the same table (GIN and GiST over trigrams, in
     * Lemmy: 3.6 s where its B-trees took 0.2 s): they go first, each to a session of its own where it can.
     */
    private static final java.util.Set<String> HEAVY_METHODS =
            java.util.Set.of("gin", "gist", "spgist");

    private final List<String> drops;
    private final List<String> creates;
    private final List<Deferred> deferred;
    private List<BulkLoader.AfterCommit> afterCommit = List.of();

    /** An index no row can fail, built after the commit: its statements, its table and its kind. */
    private record Deferred(String what, String table, boolean heavy, List<String> statements) {}

    private IndexesAndForeignKeys(
            List<String> drops, List<String> creates, List<Deferred> deferred) {
        this.drops = List.copyOf(drops);
        this.creates = List.copyOf(creates);
        this.deferred = List.copyOf(deferred);
    }

    /** Reads what {@code tables} have, drops it, and returns what creates it again. */
    static IndexesAndForeignKeys dropFor(
            Connection connection, List<TableInfo> tables, List<TableInfo> foundByKey)
            throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> creates = new ArrayList<>();
        Array names = namesOf(connection, tables);
        // foreign keys go first and come back last: an index they need is then never missing
        List<String> foreignKeys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS)) {
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constraint(rows, drops, foreignKeys);
                }
            }
        }
        List<String> keyDrops = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(KEYS)) {
            query.setArray(1, names);
            query.setArray(2, namesOf(connection, foundByKey));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constraint(rows, keyDrops, creates);
                    comment(
                            rows.getString("index_comment"),
                            "index " + rows.getString("index_name"),
                            creates);
                }
            }
        }
        List<Deferred> deferred = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(INDEXES)) {
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                long root = 0;
                List<String> unit = creates;
                while (rows.next()) {
                    String name = rows.getString("name");
                    String parent = rows.getString("parent");
                    if (parent == null) {
                        drops.add("drop index " + name);
                    }
                    if (rows.getLong("root") != root) {
                        root = rows.getLong("root");
                        // a unique index may fail on the rows: it stays in the load's transaction
                        unit = creates;
                        if (!rows.getBoolean("is_unique")) {
                            unit =
                                    new ArrayList<>(
                                            List.of("set local maintenance_work_mem = '256MB'"));
                            String table = rows.getString("table_name");
                            deferred.add(
                                    new Deferred(
                                            "index " + name + " on " + table,
                                            table,
                                            HEAVY_METHODS.contains(rows.getString("method")),
                                            unit));
                        }
                    }
                    // a partitioned index prints as CREATE INDEX ... ON ONLY: its partitions'
                    // indexes are created and attached one by one, names kept
                    unit.add(rows.getString("definition"));
                    if (parent != null) {
                        unit.add("alter index " + parent + " attach partition " + name);
                    }
                    comment(rows.getString("comment"), "index " + name, unit);
                }
            }
        }
        drops.addAll(keyDrops);
        creates.addAll(foreignKeys);
        IndexesAndForeignKeys dropped = new IndexesAndForeignKeys(drops, creates, deferred);
        execute(connection, dropped.drops);
        return dropped;
    }

    /** The constraint of the row (table_name, name, definition, comment): its drop, and what adds it again. */
    private static void constraint(ResultSet row, List<String> drops, List<String> creates)
            throws SQLException {
        String table = row.getString("table_name");
        String name = row.getString("name");
        drops.add("alter table " + table + " drop constraint " + name);
        creates.add(
                "alter table "
                        + table
                        + " add constraint "
                        + name
                        + " "
                        + row.getString("definition"));
        comment(row.getString("comment"), "constraint " + name + " on " + table, creates);
    }

    private static Array namesOf(Connection connection, List<TableInfo> tables)
            throws SQLException {
        return connection.createArrayOf(
                "text", tables.stream().map(TableInfo::qualifiedName).toArray());
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
        afterCommit = weighed(connection, deferred);
    }

    /**
     * Indexes that are not unique, built after the commit on several sessions at once (the server's other cores
     * idle otherwise: a GIN build takes one). None of them can fail on the rows, so the load stays all or nothing
     * for what can: keys, unique indexes, foreign keys.
     */
    @Override
    public List<BulkLoader.AfterCommit> afterCommit() {
        return afterCommit;
    }

    /** Each index weighed by its table's size now that the rows are in, heavy kinds four times over. */
    private static List<BulkLoader.AfterCommit> weighed(
            Connection connection, List<Deferred> deferred) throws SQLException {
        List<BulkLoader.AfterCommit> weighed = new ArrayList<>();
        try (PreparedStatement size =
                connection.prepareStatement("select pg_relation_size(?::regclass)")) {
            for (Deferred index : deferred) {
                size.setString(1, index.table());
                long bytes;
                try (ResultSet rows = size.executeQuery()) {
                    rows.next();
                    bytes = rows.getLong(1);
                }
                weighed.add(
                        new BulkLoader.AfterCommit(
                                index.what(),
                                Math.max(1, bytes) * (index.heavy() ? 4 : 1),
                                index.statements()));
            }
        }
        return weighed;
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
