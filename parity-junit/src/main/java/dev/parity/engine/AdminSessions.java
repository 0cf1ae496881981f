package dev.parity.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Sessions as a server's administrator, one per piece of work, for the engines' faults and facts; a failure
 * becomes an {@link EngineException} that says what could not be done.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AdminSessions {

    /** Work on a session, which may throw what JDBC throws. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The application name of Parity's own sessions, which a connection limit neither counts nor refuses. */
    public static final String APPLICATION = "parity";

    private final Server server;

    public AdminSessions(Server server) {
        this.server = server;
    }

    /** Runs {@code work} on a new session of {@code database}, closed after it; {@code what} names it in a failure. */
    public <T> T inDatabase(String database, String what, Work<T> work) {
        try (Connection connection = connect(database, what)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A new session of {@code database}, for the caller to close. */
    public Connection connect(String database, String what) {
        Properties properties = new Properties();
        properties.setProperty("user", server.adminUsername());
        properties.setProperty("password", server.adminPassword());
        properties.setProperty(
                "ApplicationName", APPLICATION); // PostgreSQL's; MariaDB's driver ignores it
        // pgjdbc sends the name at login only when told the server is 9.0 or later; otherwise it
        // sets it after, and a login trigger (faults.connectionLimit) counts and refuses the
        // session
        properties.setProperty("assumeMinServerVersion", "9.0");
        try {
            return DriverManager.getConnection(server.urlOf(database), properties);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    public static EngineException failure(String what, Exception e) {
        return e instanceof EngineException engine
                ? engine
                : new EngineException("could not " + what + ": " + e.getMessage(), e);
    }

    /** Closes a session whose work failed; that failure is what is reported. */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the work's failure is reported
        }
    }

    /** The first column of the first row {@code sql} gives, with {@code parameter} bound if not null; empty if no row. */
    public static Optional<String> firstValue(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The first column of every row {@code sql} gives, with {@code parameter} bound, in order. */
    public static List<String> values(Connection connection, String sql, String parameter)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** The first column of every row {@code sql} gives, in lower case. */
    public static Set<String> lowerCaseValues(Connection connection, String sql)
            throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
