package dev.parity.engine.sql;

import dev.parity.engine.sql.PsqlLexer.Token;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Which semicolon ends a statement, by psql's rules in {@code psqlscan.l}: its {@code ";"} rule ends one
 * only when {@code paren_depth} and {@code begin_depth} are both 0. The {@code "("} and {@code ")"} rules
 * count parentheses (never below 0), so a rule's {@code DO ALSO (...; ...)} stays whole. The
 * {@code identifier} rule counts {@code BEGIN ... END} in SQL-standard bodies ({@code BEGIN ATOMIC}): only
 * in a statement whose first identifiers are {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, only outside
 * parentheses, and a {@code CASE} only once inside a {@code BEGIN}, since it also ends with {@code END}.
 * Like psql, it compares words in ASCII only and knows nothing else of SQL: {@code create function begin()}
 * opens a block for psql too.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PsqlStatementEnd {

    private static final int REMEMBERED = 4; // psql's identifiers[4]

    private final String script;
    private int parenDepth;
    private int beginDepth;
    private int identifierCount;
    private final char[] identifiers = new char[REMEMBERED];

    public PsqlStatementEnd(String script) {
        this.script = script;
    }

    /** Reads {@code token}, the next of the script; true if it is the semicolon that ends the statement. */
    public boolean ends(Token token) {
        switch (token.kind()) {
            case OPEN -> parenDepth++;
            case CLOSE -> parenDepth = Math.max(0, parenDepth - 1);
            case IDENTIFIER -> identifier(token);
            case SEMICOLON -> {
                if (parenDepth == 0 && beginDepth == 0) {
                    identifierCount = 0;
                    return true;
                }
            }
            default -> {}
        }
        return false;
    }

    private void identifier(Token token) {
        if (identifierCount == 0) {
            Arrays.fill(identifiers, '\0');
        }
        if (identifierCount < REMEMBERED
                && (is(token, "create")
                        || is(token, "function")
                        || is(token, "procedure")
                        || is(token, "or")
                        || is(token, "replace"))) {
            identifiers[identifierCount] = Character.toLowerCase(script.charAt(token.start()));
        }
        identifierCount++;
        if (!definesRoutine() || parenDepth > 0) {
            return;
        }
        if (is(token, "begin")) {
            beginDepth++;
        } else if (is(token, "case")) {
            if (beginDepth >= 1) {
                beginDepth++;
            }
        } else if (is(token, "end") && beginDepth > 0) {
            beginDepth--;
        }
    }

    /** CREATE FUNCTION, CREATE PROCEDURE, CREATE OR REPLACE FUNCTION, CREATE OR REPLACE PROCEDURE. */
    private boolean definesRoutine() {
        return identifiers[0] == 'c'
                && (identifiers[1] == 'f'
                        || identifiers[1] == 'p'
                        || identifiers[1] == 'o'
                                && identifiers[2] == 'r'
                                && (identifiers[3] == 'f' || identifiers[3] == 'p'));
    }

    /** pg_strcasecmp: ASCII letters only, so no Turkish dotless i makes "begın" a BEGIN. */
    private boolean is(Token token, String word) {
        if (token.end() - token.start() != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = script.charAt(token.start() + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
