package dev.parity.bench;

import dev.parity.database.RunningDatabase;
import dev.parity.engine.DatabaseCopies;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's own bulk load: {@code COPY (select ...) TO '/tmp/...'} on the server, then {@code COPY t FROM
 * '/tmp/...'} into the same table of a template copy of the empty schema, one transaction, its indexes in
 * place, with {@code session_replication_role = replica} (no triggers, no foreign key checks: the rows are
 * known valid, and the tables can go in any order). Generated columns are left out both ways. As the
 * administrator, who may read and write the server's files.
 */
final class PostgresBulkLoad implements ServerBulkLoad {

    static final String HOW =
            "COPY FROM a file on the server into a copy of the empty schema, indexes in place, triggers and FK checks off"
                    + " (session_replication_role = replica), one transaction";

    private final RunningDatabase database;

    PostgresBulkLoad(RunningDatabase database) {
        this.database = database;
    }

    @Override
    public void prepare() {
        // a template copy, taken while no session is connected, as Parity's snapshot is
        try (DatabaseCopies copies = database.copies()) {
            copies.cloneOf(database.spec().name(), COPY);
        }
    }

    @Override
    public Result measure(List<String> tables) throws SQLException {
        List<String[]> files = new ArrayList<>(); // qualified name, column list, file
        try (Connection source = admin(database.jdbcUrl());
                Statement statement = source.createStatement()) {
            statement.execute("set statement_timeout = '" + STATEMENT_SECONDS + "s'");
            for (String table : tables) {
                String name =
                        qualified(source, table)
                                .orElseThrow(
                                        () ->
                                                new SQLException(
                                                        "no table " + table + " in the catalog"));
                String columns = String.join(", ", columns(source, name));
                String file = "/tmp/parity-baseline-" + files.size() + ".copy";
                statement.execute(
                        "copy (select " + columns + " from " + name + ") to '" + file + "'");
                files.add(new String[] {name, columns, file});
            }
        }
        try (Connection copy = admin(database.server().urlOf(COPY));
                Statement statement = copy.createStatement()) {
            copy.setAutoCommit(false);
            statement.execute("set statement_timeout = '" + STATEMENT_SECONDS + "s'");
            statement.execute("set session_replication_role = replica");
            for (String[] file : files) {
                statement.execute(
                        "delete from "
                                + file[0]); // rows the init script seeded, which the file holds too
            }
            long rows = 0;
            long started = System.nanoTime();
            for (String[] file : files) {
                rows +=
                        statement.executeUpdate(
                                "copy " + file[0] + " (" + file[1] + ") from '" + file[2] + "'");
            }
            copy.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            copy.setAutoCommit(true);
            long analyzed = System.nanoTime();
            for (String[] file : files) {
                statement.execute("analyze " + file[0]);
            }
            return new Result(rows, seconds, (System.nanoTime() - analyzed) / 1e9, HOW);
        }
    }

    /** In the connection's schema unless qualified; as written, else the one table whose name is that in any case (unquoted upper case folds). */
    @Override
    public Optional<String> qualified(Connection connection, String table) throws SQLException {
        int dot = table.indexOf('.');
        String schema = dot > 0 ? table.substring(0, dot) : null;
        String name = dot > 0 ? table.substring(dot + 1) : table;
        String sql =
                "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'p') and c.relispartition = false and n.nspname = coalesce(?, current_schema())";
        for (String match : List.of(" and c.relname = ?", " and lower(c.relname) = lower(?)")) {
            try (PreparedStatement select = connection.prepareStatement(sql + match)) {
                select.setString(1, schema);
                select.setString(2, name);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        String found = rows.getString(1);
                        return rows.next() ? Optional.empty() : Optional.of(found);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The md5 of the rows' text forms' md5s, sorted. */
    @Override
    public String digest(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "select md5(coalesce(string_agg(h, '' order by h), '')) from (select md5(t::text) as h from "
                                        + table
                                        + " t) s")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> columns(Connection connection, String qualified)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select quote_ident(attname) from pg_attribute where attrelid = ?::regclass"
                                + " and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
            select.setString(1, qualified);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private Connection admin(String url) throws SQLException {
        return admin(database, url);
    }

    /** A connection to {@code url} on {@code database}'s server as its administrator, who may read its files. */
    static Connection admin(RunningDatabase database, String url) throws SQLException {
        return DriverManager.getConnection(
                url, database.server().adminUsername(), database.server().adminPassword());
    }
}
