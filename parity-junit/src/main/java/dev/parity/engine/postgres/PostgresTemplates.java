package dev.parity.engine.postgres;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import dev.parity.engine.Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies made by the server from a template ({@code CREATE DATABASE ... TEMPLATE}), in about the time it
 * takes to copy the files. PostgreSQL copies a template only while nobody is connected to it, hence the
 * snapshot taken before tests connect. The statements run from the server's {@code postgres} database.
 */
final class PostgresTemplates implements DatabaseCopies {

    private static final PostgresDialect SQL = new PostgresDialect();

    private final Server server;

    PostgresTemplates(Server server) {
        this.server = server;
    }

    @Override
    public void snapshot(String database, String snapshot) {
        cloneOf(database, snapshot);
    }

    @Override
    public String cloneOf(String template, String clone) {
        execute("create database " + SQL.identifier(clone) + " template " + SQL.identifier(template),
                "could not copy database '" + template + "' to '" + clone + "'",
                "PostgreSQL copies a database only while no session is connected to it: snapshot it before tests connect,"
                        + " and clone the snapshot");
        return server.urlOf(clone);
    }

    /** Closes the database's sessions first ({@code with (force)}, PostgreSQL 13 and later). */
    @Override
    public void drop(String database) {
        execute("drop database if exists " + SQL.identifier(database) + " with (force)", "could not drop database '" + database + "'",
                "Close its connections and try again");
    }

    @Override
    public String shellCommand(String database, String host, int port) {
        return "PGPASSWORD=" + DatabaseCopies.shellQuoted(server.password()) + " psql -h " + host + " -p " + port + " -U "
                + DatabaseCopies.shellQuoted(server.username()) + " -d " + DatabaseCopies.shellQuoted(database);
    }

    private void execute(String sql, String what, String fix) {
        try (Connection connection = DriverManager.getConnection(server.urlOf("postgres"), server.adminUsername(), server.adminPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new EngineException(what + ": " + e.getMessage() + ". " + fix + ".", e);
        }
    }
}
