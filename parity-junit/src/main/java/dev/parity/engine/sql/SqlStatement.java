package dev.parity.engine.sql;

import org.apiguardian.api.API;

/**
 * One statement of a script, and the 1-based line of the script its first character is on, so that a
 * failure can point at the script's line.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SqlStatement(String sql, int line) {

    /** The script line of a 1-based character position within {@link #sql()}. */
    public int lineOf(int position) {
        int at = line;
        for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                at++;
            }
        }
        return at;
    }

    /** The script line of a 1-based line within {@link #sql()}. */
    public int lineOfStatementLine(int statementLine) {
        return line + Math.max(0, Math.min(statementLine, (int) sql.lines().count()) - 1);
    }
}
