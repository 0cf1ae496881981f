package dev.parity.database;

import dev.parity.config.Classpath;
import dev.parity.engine.SqlDialect;
import dev.parity.engine.SqlStatement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs a profile's init scripts, statement by statement as the engine splits them, and says exactly where one failed. */
final class InitScripts {

    private InitScripts() {
    }

    static void run(List<String> scripts, Connection connection, SqlDialect dialect, ClassLoader classLoader) throws InitScriptException {
        for (String script : scripts) {
            String text = read(script, classLoader);
            for (SqlStatement statement : dialect.split(text)) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    throw new InitScriptException(script, statement, dialect, e);
                }
            }
        }
    }

    private static String read(String script, ClassLoader classLoader) {
        URL url = Classpath.resource(classLoader, script);
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
        private final String message;

        InitScriptException(String script, SqlStatement statement, SqlDialect dialect, SQLException cause) {
            super(cause.getMessage(), cause);
            this.script = script;
            this.line = dialect.errorLine(statement, cause);
            this.statement = statement.sql();
            this.message = dialect.errorMessage(cause);
        }

        /** "schema.sql, line 12: ERROR: ... \n in statement: create table ..." */
        String describe() {
            String first = statement.lines().findFirst().orElse("");
            String shown = statement.contains("\n") ? first + " ..." : first;
            return script + ", line " + line + ": " + message.lines().findFirst().orElse(message) + "\n    in statement: " + shown;
        }
    }
}
