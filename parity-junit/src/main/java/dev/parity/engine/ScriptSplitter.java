package dev.parity.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Splits a SQL script into statements at top-level terminators, as the engine's own command-line client
 * would, each statement remembering the line it starts on. What counts as quoting and comments is the
 * engine's {@link Syntax}: {@code '...'} and {@code "..."} always, {@code --} and block comments always;
 * PostgreSQL's {@code $tag$} bodies; MariaDB's backslash escapes, {@code #} comments, backtick
 * identifiers, {@code /*! ... *}{@code /} executable comments and the {@code DELIMITER} command (for
 * procedures and triggers).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScriptSplitter {

    /**
     * What the engine's client understands.
     *
     * @param dollarQuotes      PostgreSQL's {@code $$...$$} and {@code $tag$...$tag$}
     * @param backslashEscapes  {@code \'} inside quotes (MariaDB; PostgreSQL only in {@code E'...'})
     * @param hashComments      {@code # ...} to the end of the line
     * @param delimiterCommand  a line {@code DELIMITER //} changes the terminator
     * @param backtickQuotes    {@code `identifier`}
     * @param executableComments {@code /*!...*}{@code /} is SQL, not a comment
     */
    public record Syntax(boolean dollarQuotes, boolean backslashEscapes, boolean hashComments, boolean delimiterCommand,
                         boolean backtickQuotes, boolean executableComments) {

        public static final Syntax POSTGRES = new Syntax(true, false, false, false, false, false);
        public static final Syntax MARIADB = new Syntax(false, true, true, true, true, true);
    }

    private final Syntax syntax;

    public ScriptSplitter(Syntax syntax) {
        this.syntax = syntax;
    }

    public List<SqlStatement> split(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String delimiter = ";";
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (syntax.delimiterCommand() && startLine < 0 && atLineStart(script, i) && startsWithWord(script, i, "delimiter")) {
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
            if (c == '-' && script.startsWith("--", i)) {
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
            } else if (c == '$' && syntax.dollarQuotes()) {
                String tag = dollarTag(script, i);
                if (tag != null) {
                    end = indexOrEnd(script, tag, i + tag.length()) + tag.length();
                }
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

    private static boolean atLineStart(String s, int i) {
        int j = i - 1;
        while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || s.charAt(j) == '\n';
    }

    private static boolean startsWithWord(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length())
                && (i + word.length() == s.length() || Character.isWhitespace(s.charAt(i + word.length())));
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
        boolean backslashEscapes = quote != '`' && (syntax.backslashEscapes()
                || quote == '\'' && start > 0 && (s.charAt(start - 1) == 'E' || s.charAt(start - 1) == 'e'));
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

    /** {@code $tag$} or {@code $$} starting at {@code start}, or null if this '$' opens no dollar quote. */
    private static String dollarTag(String s, int start) {
        if (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(s.charAt(start + 1)))) {
            return s.substring(start, i + 1);
        }
        return null;
    }

    @Override
    public String toString() {
        return "ScriptSplitter" + syntax.toString().toLowerCase(Locale.ROOT);
    }
}
