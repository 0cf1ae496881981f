package dev.parity.engine.mariadb;

import static dev.parity.engine.AdminSessions.values;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import dev.parity.engine.Server;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB has no template databases: a copy is a new database with the same character set, each table
 * created from {@code SHOW CREATE TABLE} and filled by its InnoDB tablespace's files ({@link TablespaceCopies})
 * or, where those are not plainly its own, with {@code INSERT ... SELECT} (foreign key checks off), then its
 * views, triggers and routines replayed. The test user is granted the copy. Runs as the admin user.
 */
final class MariaDbCopies implements DatabaseCopies {

    private static final MariaDbDialect SQL = new MariaDbDialect();

    private final Server server;

    MariaDbCopies(Server server) {
        this.server = server;
    }

    @Override
    public void snapshot(String database, String snapshot) {
        copy(database, snapshot);
    }

    @Override
    public String cloneOf(String template, String clone) {
        copy(template, clone);
        return server.urlOf(clone);
    }

    @Override
    public void drop(String database) {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            List<Long> sessions = new ArrayList<>();
            try (PreparedStatement select =
                    connection.prepareStatement(
                            "select id from information_schema.processlist where db = ? and id <> connection_id()")) {
                select.setString(1, database);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(rows.getLong(1));
                    }
                }
            }
            for (long session : sessions) {
                try {
                    statement.execute("kill connection " + session);
                } catch (SQLException gone) {
                    // it ended by itself meanwhile
                }
            }
            statement.execute("drop database if exists " + SQL.identifier(database));
        } catch (SQLException e) {
            throw new EngineException(
                    "could not drop database '"
                            + database
                            + "': "
                            + e.getMessage()
                            + ". Close its connections and try again.",
                    e);
        }
    }

    /** Over TCP: given {@code localhost}, the client would look for a local socket instead. */
    @Override
    public String shellCommand(String database, String host, int port) {
        return "mariadb --protocol=TCP -h "
                + host
                + " -P "
                + port
                + " -u "
                + DatabaseCopies.shellQuoted(server.username())
                + " -p"
                + DatabaseCopies.shellQuoted(server.password())
                + " "
                + DatabaseCopies.shellQuoted(database);
    }

    private void copy(String from, String to) {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            String charset =
                    single(
                            connection,
                            "select concat('character set ', default_character_set_name, ' collate ', default_collation_name)"
                                    + " from information_schema.schemata where schema_name = ?",
                            from);
            statement.execute("create database " + SQL.identifier(to) + " " + charset);
            statement.execute(
                    "grant all on "
                            + SQL.identifier(to)
                            + ".* to "
                            + SQL.literal(server.username())
                            + "@'%'");
            connection.setCatalog(to);
            statement.execute("set foreign_key_checks = 0, unique_checks = 0");
            List<String> tables =
                    values(
                            connection,
                            "select table_name from information_schema.tables where table_schema = ?"
                                    + " and table_type = 'BASE TABLE' order by table_name",
                            from);
            for (String table : tables) {
                statement.execute(showCreate(connection, "table", from, table));
            }
            List<String> byFiles = TablespaceCopies.copyable(connection, from, to, tables);
            try {
                TablespaceCopies.copy(connection, server, from, to, byFiles);
            } catch (IOException e) {
                // the container would not copy files: these tables get their rows inserted, as the
                // others
                for (String table : byFiles) {
                    statement.execute("drop table " + SQL.qualified(to, table));
                    statement.execute(showCreate(connection, "table", from, table));
                }
                byFiles = List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while copying tablespaces", e);
            }
            for (String table : tables) {
                if (byFiles.contains(table)) {
                    continue;
                }
                List<String> written =
                        values(
                                connection,
                                "select column_name from information_schema.columns where table_schema = '"
                                        + from.replace("'", "''")
                                        + "' and table_name = ? and is_generated = 'NEVER' order by ordinal_position",
                                table);
                String columns = String.join(", ", written.stream().map(SQL::identifier).toList());
                statement.execute(
                        "insert into "
                                + SQL.qualified(to, table)
                                + " ("
                                + columns
                                + ") select "
                                + columns
                                + " from "
                                + SQL.qualified(from, table));
            }
            statement.execute("set foreign_key_checks = 1, unique_checks = 1");
            replayViews(connection, from, to);
            for (String trigger :
                    values(
                            connection,
                            "select trigger_name from information_schema.triggers where trigger_schema = ?",
                            from)) {
                statement.execute(showCreate(connection, "trigger", from, trigger));
            }
            for (String[] routine : routines(connection, from)) {
                statement.execute(showCreate(connection, routine[1], from, routine[0]));
            }
        } catch (SQLException e) {
            drop(to);
            throw new EngineException(
                    "could not copy database '"
                            + from
                            + "' to '"
                            + to
                            + "': "
                            + e.getMessage()
                            + ". The copy has been dropped.",
                    e);
        }
    }

    /** Views may use one another: replayed until none is left, or none of those left can be made. */
    private static void replayViews(Connection connection, String from, String to)
            throws SQLException {
        List<String> left =
                new ArrayList<>(
                        values(
                                connection,
                                "select table_name from information_schema.views where table_schema = ?",
                                from));
        SQLException last = null;
        while (!left.isEmpty()) {
            int before = left.size();
            for (String view : List.copyOf(left)) {
                try (Statement statement = connection.createStatement()) {
                    // SHOW CREATE VIEW names its tables with their database: point them at the copy
                    statement.execute(
                            showCreate(connection, "view", from, view)
                                    .replace(SQL.identifier(from) + ".", SQL.identifier(to) + "."));
                    left.remove(view);
                } catch (SQLException e) {
                    last = e;
                }
            }
            if (left.size() == before) {
                throw last;
            }
        }
    }

    private static List<String[]> routines(Connection connection, String database)
            throws SQLException {
        List<String[]> routines = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select routine_name, routine_type from information_schema.routines where routine_schema = ?")) {
            select.setString(1, database);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    routines.add(
                            new String[] {
                                rows.getString(1),
                                rows.getString(2).toLowerCase(java.util.Locale.ROOT)
                            });
                }
            }
        }
        return routines;
    }

    /** The CREATE statement {@code SHOW CREATE <kind>} prints (its second column; a trigger's and routine's third). */
    private static String showCreate(
            Connection connection, String kind, String database, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery(
                                "show create " + kind + " " + SQL.qualified(database, name))) {
            row.next();
            return row.getString(kind.equals("table") || kind.equals("view") ? 2 : 3);
        }
    }

    private static String single(Connection connection, String sql, String parameter)
            throws SQLException {
        List<String> values = values(connection, sql, parameter);
        if (values.isEmpty()) {
            throw new SQLException("no database '" + parameter + "' on the server");
        }
        return values.get(0);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(
                server.urlOf(""), server.adminUsername(), server.adminPassword());
    }
}
