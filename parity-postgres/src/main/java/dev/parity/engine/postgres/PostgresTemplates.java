package dev.parity.engine.postgres;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import dev.parity.engine.Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Copies made by the server from a template ({@code CREATE DATABASE ... TEMPLATE}), in about the time it
 * takes to copy the files. PostgreSQL copies a template only while nobody is connected to it, hence the
 * snapshot taken before tests connect. The statements run from the server's {@code postgres} database, on
 * admin connections kept open between copies (opening one costs as much as a small copy); closing this
 * closes them.
 */
final class PostgresTemplates implements DatabaseCopies {

    private static final PostgresDialect SQL = new PostgresDialect();

    private final Server server;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
    private volatile String strategy;

    PostgresTemplates(Server server) {
        this.server = server;
    }

    @Override
    public void snapshot(String database, String snapshot) {
        cloneOf(database, snapshot);
    }

    @Override
    public String cloneOf(String template, String clone) {
        execute(
                "create database "
                        + SQL.identifier(clone)
                        + " template "
                        + SQL.identifier(template)
                        + strategy(),
                "could not copy database '" + template + "' to '" + clone + "'",
                "PostgreSQL copies a database only while no session is connected to it: snapshot it before tests connect,"
                        + " and clone the snapshot");
        return server.urlOf(clone);
    }

    /** {@code ALTER DATABASE ... SET timezone}: what psql and any client that sends no zone get there. */
    @Override
    public void pinZone(String database, ZoneId zone) {
        execute(
                "alter database "
                        + SQL.identifier(database)
                        + " set timezone to "
                        + SQL.literal(PostgresContainers.posixName(zone)),
                "could not set the zone of database '" + database + "' to " + zone.getId(),
                "Check that the server knows the zone (pg_timezone_names)");
    }

    /** Closes the database's sessions first ({@code with (force)}, PostgreSQL 13 and later). */
    @Override
    public void drop(String database) {
        execute(
                "drop database if exists " + SQL.identifier(database) + " with (force)",
                "could not drop database '" + database + "'",
                "Close its connections and try again");
    }

    @Override
    public String shellCommand(String database, String host, int port) {
        return "PGPASSWORD="
                + DatabaseCopies.shellQuoted(server.password())
                + " psql -h "
                + host
                + " -p "
                + port
                + " -U "
                + DatabaseCopies.shellQuoted(server.username())
                + " -d "
                + DatabaseCopies.shellQuoted(database);
    }

    @Override
    public void close() {
        for (Connection connection; (connection = idle.poll()) != null; ) {
            closeQuietly(connection);
        }
    }

    /**
     * From PostgreSQL 15, {@code strategy file_copy}: the files copied as they are (after a checkpoint), where
     * the default, {@code wal_log}, writes every page of the template to the WAL, which costs more from a few
     * megabytes on. Before 15 there is no choice (and no clause).
     */
    private String strategy() {
        if (strategy == null) {
            strategy =
                    query("select current_setting('server_version_num')::int >= 150000")
                            ? " strategy file_copy"
                            : "";
        }
        return strategy;
    }

    private boolean query(String sql) {
        Connection connection = borrow();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            boolean answer = row.getBoolean(1);
            idle.add(connection);
            return answer;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new EngineException(
                    "could not ask the server its version: " + e.getMessage() + ".", e);
        }
    }

    /** On a kept connection; one that broke meanwhile (the server restarted) is replaced once. */
    private void execute(String sql, String what, String fix) {
        for (int attempt = 1; ; attempt++) {
            boolean reused = !idle.isEmpty();
            Connection connection = null;
            try {
                connection = borrow();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
                idle.add(connection);
                return;
            } catch (SQLException e) {
                if (connection != null) {
                    closeQuietly(connection);
                }
                boolean broken =
                        e.getSQLState() != null
                                && (e.getSQLState().startsWith("08")
                                        || e.getSQLState().equals("57P01"));
                if (!(reused && broken && attempt == 1)) {
                    throw new EngineException(what + ": " + e.getMessage() + ". " + fix + ".", e);
                }
            } catch (EngineException e) {
                throw new EngineException(what + ": " + e.getMessage(), e.getCause());
            }
        }
    }

    private Connection borrow() {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return DriverManager.getConnection(
                    server.urlOf("postgres"), server.adminUsername(), server.adminPassword());
        } catch (SQLException e) {
            throw new EngineException(
                    "could not connect to the server as "
                            + server.adminUsername()
                            + ": "
                            + e.getMessage()
                            + ".",
                    e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // it was broken already
        }
    }
}
