package dev.parity.database;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script split into statements at top-level semicolons, each remembering the line it starts on so
 * that a failure can point at the script's line. Understands '...' and "..." quoting, -- and /* *&#47;
 * comments and PostgreSQL's $tag$ dollar quoting (function bodies).
 */
final class SqlScript {

    /** One statement, and the 1-based line of the script its first character is on. */
    record Statement(String sql, int line) {

        /** The script line of a 1-based character position within {@link #sql()}. */
        int lineOf(int position) {
            int line = this.line;
            for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
                if (sql.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private SqlScript() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end = i + 1;
            if (c == '-' && script.startsWith("--", i)) {
                end = indexOrEnd(script, "\n", i);
            } else if (c == '/' && script.startsWith("/*", i)) {
                end = indexOrEnd(script, "*/", i + 2) + 2;
            } else if (c == '\'' || c == '"') {
                end = closingQuote(script, i, c);
            } else if (c == '$') {
                String tag = dollarTag(script, i);
                if (tag != null) {
                    end = indexOrEnd(script, tag, i + tag.length()) + tag.length();
                }
            } else if (c == ';') {
                if (startLine > 0) {
                    statements.add(new Statement(current.toString().strip(), startLine));
                }
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            end = Math.min(end, script.length());
            String piece = script.substring(i, end);
            boolean comment = piece.startsWith("--") || piece.startsWith("/*");
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
            statements.add(new Statement(current.toString().strip(), startLine));
        }
        return statements;
    }

    private static int indexOrEnd(String s, String what, int from) {
        int at = s.indexOf(what, from);
        return at < 0 ? s.length() : at;
    }

    /** The index after the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closingQuote(String s, int start, char quote) {
        boolean backslashEscapes = quote == '\'' && start > 0 && (s.charAt(start - 1) == 'E' || s.charAt(start - 1) == 'e');
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
}
