package dev.parity.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apiguardian.api.API;

/**
 * Fresh copies of a loaded PostgreSQL database, made by the server from a template in about the time it
 * takes to copy the files, instead of loading again:
 *
 * <pre>{@code
 * TemplateDatabases server = TemplateDatabases.on(db.jdbcUrl(), db.username(), db.password());
 * server.snapshot("test", "test_loaded");          // once, right after the load
 * String url = server.cloneOf("test_loaded", "test_orders_it");  // per test class that changes data
 * ...
 * server.drop("test_orders_it");
 * }</pre>
 *
 * PostgreSQL copies a template only while nobody is connected to it, so snapshot the loaded database
 * before tests connect to it, and clone the snapshot (which nobody uses) rather than the live database.
 * The statements run from the server's {@code postgres} database.
 */
@API(status = API.Status.INTERNAL)
public final class TemplateDatabases {

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TemplateDatabases(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** The server of {@code jdbcUrl} (any of its databases), as a user allowed to create databases. */
    public static TemplateDatabases on(String jdbcUrl, String username, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("template databases are a PostgreSQL feature; " + jdbcUrl + " is not a PostgreSQL URL");
        }
        return new TemplateDatabases(jdbcUrl, username, password);
    }

    /** Copies {@code database} to a new database {@code snapshot}, meant to be cloned and never used itself. */
    public String snapshot(String database, String snapshot) {
        return cloneOf(database, snapshot);
    }

    /**
     * Creates {@code clone} as a copy of {@code template}.
     *
     * @return the JDBC URL of the new database
     * @throws DatasetException when the copy fails, e.g. because a session is connected to the template
     */
    public String cloneOf(String template, String clone) {
        execute("create database " + Sql.identifier(clone) + " template " + Sql.identifier(template),
                "could not copy database '" + template + "' to '" + clone + "'",
                "PostgreSQL copies a database only while no session is connected to it: snapshot it before tests connect,"
                        + " and clone the snapshot");
        return urlOf(clone);
    }

    /** Drops {@code database}, closing its sessions (PostgreSQL 13 and later); nothing if it does not exist. */
    public void drop(String database) {
        execute("drop database if exists " + Sql.identifier(database) + " with (force)", "could not drop database '" + database + "'",
                "Close its connections and try again");
    }

    /** The JDBC URL of {@code database} on this server, with the same parameters. */
    public String urlOf(String database) {
        int hostStart = "jdbc:postgresql://".length();
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String server = jdbcUrl.substring(0, slash >= 0 ? slash : query >= 0 ? query : jdbcUrl.length());
        String parameters = query >= 0 ? jdbcUrl.substring(query) : "";
        return server + "/" + database + parameters;
    }

    private void execute(String sql, String what, String fix) {
        try (Connection connection = DriverManager.getConnection(urlOf("postgres"), username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatasetException(what + ": " + e.getMessage() + ". " + fix + ".", e);
        }
    }
}
