package dev.parity.engine;

import org.apiguardian.api.API;

/**
 * A script the database rejected: which script (or included file), the line, the server's message and
 * the statement, whether it ran over JDBC or in the engine's command-line client.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScriptFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String script;
    private final int line;
    private final String serverMessage;
    private final String statement;

    /**
     * @param script        the script's name as the profile gives it (or the included file's, beside it)
     * @param line          the 1-based line in it; 0 if unknown
     * @param serverMessage what the server (or the client) said, its first line
     * @param statement     what failed; {@code null} if unknown
     */
    public ScriptFailedException(
            String script, int line, String serverMessage, String statement, Throwable cause) {
        super(script + (line > 0 ? ", line " + line : "") + ": " + serverMessage, cause);
        this.script = script;
        this.line = line;
        this.serverMessage = serverMessage;
        this.statement = statement;
    }

    public String script() {
        return script;
    }

    public int line() {
        return line;
    }

    /** "schema.sql, line 12: ERROR: ...\n    in statement: create table ..." */
    public String describe() {
        String where = script + (line > 0 ? ", line " + line : "");
        String first = serverMessage.lines().findFirst().orElse(serverMessage);
        if (statement == null || statement.isBlank()) {
            return where + ": " + first;
        }
        String firstLine = statement.strip().lines().findFirst().orElse("");
        String shown = statement.strip().contains("\n") ? firstLine + " ..." : firstLine;
        return where + ": " + first + "\n    in statement: " + shown;
    }
}
