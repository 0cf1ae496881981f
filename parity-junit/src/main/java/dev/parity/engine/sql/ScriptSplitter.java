package dev.parity.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Splits a SQL script into statements where the engine's own command-line client would end them, each
 * statement remembering the line it starts on. For PostgreSQL that is psql's lexer ({@link PsqlLexer},
 * {@link PsqlStatementEnd}): quotes, {@code E''} strings, {@code $tag$} bodies, nested block comments, and no
 * end inside parentheses or a {@code BEGIN ATOMIC ... END} body. For MariaDB it is the client's
 * {@code add_line}: {@code '...'}, {@code "..."} and backtick quotes with backslash escapes, {@code #} and
 * {@code --} comments ({@code --} only before a blank, or at a statement's start), block comments,
 * {@code /*! ... *}{@code /} executable comments and the {@code DELIMITER} command (for procedures and
 * triggers). A leading byte order mark is dropped, as both clients drop it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScriptSplitter {

    /**
     * What the engine's client understands.
     *
     * @param psql              psql's lexer decides; the flags below are for the MariaDB client's scanner
     * @param backslashEscapes  {@code \'} inside quotes
     * @param hashComments      {@code # ...} to the end of the line
     * @param delimiterCommand  a line {@code DELIMITER //} changes the terminator
     * @param backtickQuotes    {@code `identifier`}
     * @param executableComments {@code /*!...*}{@code /} is SQL, not a comment
     */
    public record Syntax(
            boolean psql,
            boolean backslashEscapes,
            boolean hashComments,
            boolean delimiterCommand,
            boolean backtickQuotes,
            boolean executableComments) {

        public static final Syntax POSTGRES = new Syntax(true, false, false, false, false, false);
        public static final Syntax MARIADB = new Syntax(false, true, true, true, true, true);
    }

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Syntax syntax;

    public ScriptSplitter(Syntax syntax) {
        this.syntax = syntax;
    }

    public List<SqlStatement> split(String script) {
        String text = script.startsWith(BYTE_ORDER_MARK) ? script.substring(1) : script;
        return syntax.psql() ? splitAsPsql(text) : splitAsMariaDbClient(text);
    }

    private static List<SqlStatement> splitAsPsql(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        PsqlLexer lexer = new PsqlLexer(script);
        PsqlStatementEnd end = new PsqlStatementEnd(script);
        int line = 1;
        int start = -1;
        int startLine = 0;
        int last = 0;
        for (PsqlLexer.Token token = lexer.next(); token != null; token = lexer.next()) {
            if (end.ends(token)) {
                if (start >= 0) {
                    statements.add(
                            new SqlStatement(script.substring(start, last).strip(), startLine));
                }
                start = -1;
            } else if (token.kind() != PsqlLexer.Kind.WHITESPACE
                    && token.kind() != PsqlLexer.Kind.COMMENT) {
                if (start < 0) {
                    start = token.start();
                    startLine = line;
                }
                last = token.end();
            } else if (start >= 0) {
                last = token.end(); // a comment inside a statement stays in it
            }
            line += newlines(script, token.start(), token.end());
        }
        if (start >= 0) {
            statements.add(new SqlStatement(script.substring(start, last).strip(), startLine));
        }
        return statements;
    }

    private static int newlines(String s, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private List<SqlStatement> splitAsMariaDbClient(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String delimiter = ";";
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (syntax.delimiterCommand()
                    && startLine < 0
                    && atLineStart(script, i)
                    && startsWithWord(script, i, "delimiter")) {
                int end = indexOrEnd(script, "\n", i);
                String rest = script.substring(i + "delimiter".length(), end).strip();
                if (!rest.isEmpty()) {
                    delimiter = rest.split("\\s+")[0];
                }
                i = end;
                continue;
            }
            if (script.startsWith(delimiter, i) && !isInsideWord(delimiter, script, i)) {
                if (startLine > 0) {
                    statements.add(new SqlStatement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                i += delimiter.length();
                continue;
            }
            int end = i + 1;
            boolean comment = false;
            if (c == '-'
                    && script.startsWith("--", i)
                    && (startLine < 0
                            || i + 2 == script.length()
                            || isBlank(script.charAt(i + 2)))) {
                end = indexOrEnd(script, "\n", i);
                comment = true;
            } else if (c == '#' && syntax.hashComments()) {
                end = indexOrEnd(script, "\n", i);
                comment = true;
            } else if (c == '/' && script.startsWith("/*", i)) {
                end = indexOrEnd(script, "*/", i + 2) + 2;
                comment = !(syntax.executableComments() && script.startsWith("/*!", i));
            } else if (c == '\'' || c == '"' || c == '`' && syntax.backtickQuotes()) {
                end = closingQuote(script, i, c);
            }
            end = Math.min(end, script.length());
            String piece = script.substring(i, end);
            if (startLine < 0 && !comment && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (startLine > 0) {
                current.append(piece);
            }
            line += (int) piece.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        if (startLine > 0 && !current.toString().isBlank()) {
            statements.add(new SqlStatement(current.toString().strip(), startLine));
        }
        return statements;
    }

    /** my_isspace: the client's {@code --} comment needs one of these after it, or the line's end. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
    }

    private static boolean atLineStart(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || s.charAt(j) == '\n';
    }

    private static boolean startsWithWord(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length())
                && (i + word.length() == s.length()
                        || Character.isWhitespace(s.charAt(i + word.length())));
    }

    /** A word-like delimiter (e.g. "GO") only counts on its own, not inside an identifier. */
    private static boolean isInsideWord(String delimiter, String s, int i) {
        if (!Character.isLetterOrDigit(delimiter.charAt(0))) {
            return false;
        }
        boolean before = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        int after = i + delimiter.length();
        return before || after < s.length() && Character.isLetterOrDigit(s.charAt(after));
    }

    private static int indexOrEnd(String s, String what, int from) {
        int at = s.indexOf(what, from);
        return at < 0 ? s.length() : at;
    }

    /** The index after the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private int closingQuote(String s, int start, char quote) {
        boolean backslashEscapes = quote != '`' && syntax.backslashEscapes();
        int i = start + 1;
        while (i < s.length()) {
            if (backslashEscapes && s.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    @Override
    public String toString() {
        return "ScriptSplitter" + syntax.toString().toLowerCase(Locale.ROOT);
    }
}
