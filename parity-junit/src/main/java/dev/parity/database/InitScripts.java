package dev.parity.database;

import dev.parity.config.Classpath;
import dev.parity.engine.ClientScripts;
import dev.parity.engine.ScriptFailedException;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.sql.SqlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Runs a profile's init scripts in order, as the administrator, and says exactly where one failed. A plain
 * SQL script goes over JDBC, statement by statement as the engine splits it; one written for the engine's
 * command-line client (psql's {@code \i}, {@code COPY ... FROM stdin}, pg_dump's output) runs in that
 * client inside the container ({@link ClientScripts}).
 */
final class InitScripts {

    private InitScripts() {}

    static void run(DatabaseSpec spec, JdbcDatabaseContainer<?> container, ClassLoader classLoader)
            throws ScriptFailedException, SQLException {
        ClientScripts client = spec.engine().clientScripts();
        Connection connection = null;
        try {
            for (String script : spec.init()) {
                URL url = resource(script, classLoader);
                String text = read(url);
                if (!client.commandsIn(text).isEmpty()) {
                    client.run(script, url, container, spec);
                    continue;
                }
                if (connection == null) {
                    connection =
                            DriverManager.getConnection(
                                    container.getJdbcUrl(),
                                    spec.engine().adminUser(spec),
                                    spec.password());
                }
                runOverJdbc(script, text, connection, spec.engine().dialect());
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private static void runOverJdbc(
            String script, String text, Connection connection, SqlDialect dialect)
            throws ScriptFailedException {
        for (SqlStatement statement : dialect.split(text)) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.sql());
            } catch (SQLException e) {
                throw new ScriptFailedException(
                        script,
                        dialect.errorLine(statement, e),
                        dialect.errorMessage(e),
                        statement.sql(),
                        e);
            }
        }
    }

    private static URL resource(String script, ClassLoader classLoader) {
        URL url = Classpath.resource(classLoader, script);
        if (url == null) {
            throw new IllegalStateException(
                    "init script " + script + " vanished from the classpath after validation");
        }
        return url;
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read init script " + url, e);
        }
    }
}
