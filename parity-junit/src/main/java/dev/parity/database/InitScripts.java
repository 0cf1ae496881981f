package dev.parity.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import dev.parity.profile.ProfileSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Runs a profile's init scripts, statement by statement, and says exactly where one failed. */
final class InitScripts {

    private InitScripts() {
    }

    static void run(List<String> scripts, Connection connection, ClassLoader classLoader) throws InitScriptException {
        for (String script : scripts) {
            String text = read(script, classLoader);
            for (SqlScript.Statement statement : SqlScript.split(text)) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new InitScriptException(script, statement, e);
                }
            }
        }
    }

    private static String read(String script, ClassLoader classLoader) {
        URL url = ProfileSource.resource(classLoader, script);
        if (url == null) {
            throw new IllegalStateException("init script " + script + " vanished from the classpath after validation");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read init script " + url, e);
        }
    }

    /** A statement of an init script that the database rejected. */
    static final class InitScriptException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String script;
        private final int line;
        private final String statement;

        InitScriptException(String script, SqlScript.Statement statement, SQLException cause) {
            super(cause.getMessage(), cause);
            this.script = script;
            this.line = lineOfError(statement, cause);
            this.statement = statement.sql();
        }

        /** "schema.sql, line 12: ERROR: ... \n in: create table ..." */
        String describe() {
            String first = statement.lines().findFirst().orElse("");
            String shown = statement.contains("\n") ? first + " ..." : first;
            return script + ", line " + line + ": " + firstLine(getCause().getMessage()) + "\n    in statement: " + shown;
        }

        private static int lineOfError(SqlScript.Statement statement, SQLException e) {
            if (e instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                if (server != null && server.getPosition() > 0) {
                    return statement.lineOf(server.getPosition());
                }
            }
            return statement.line();
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse(message);
        }
    }
}
