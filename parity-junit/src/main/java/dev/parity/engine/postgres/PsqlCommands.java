package dev.parity.engine.postgres;

import dev.parity.engine.ClientCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what in a script only psql runs: its backslash meta-commands ({@code \i}, {@code \ir},
 * {@code \copy}, {@code \set}, {@code \connect}, pg_dump's {@code \restrict}), {@code COPY ... FROM stdin}
 * and {@code TO stdout} (pgjdbc runs COPY only through its CopyManager), and a {@code client_encoding}
 * other than UTF-8 (pgjdbc refuses it). Quotes, comments and dollar-quoted bodies are skipped as psql
 * skips them, and so are the data lines of {@code COPY ... FROM stdin} up to their {@code \.}.
 */
final class PsqlCommands {

    private static final Pattern COPY_STDIO = Pattern.compile("(?is)copy\\s.*\\b(from\\s+stdin|to\\s+stdout)\\b.*");
    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)copy\\s.*\\bfrom\\s+stdin\\b.*");
    private static final Pattern CLIENT_ENCODING = Pattern.compile(
            "(?is)set\\s+(?:session\\s+|local\\s+)?(?:client_encoding\\s*(?:to|=)|names)\\s*['\"]?([A-Za-z0-9_-]+)['\"]?\\s*");
    private static final Pattern META_COMMAND = Pattern.compile("\\\\([A-Za-z_]+|[^A-Za-z_\\s])");

    private final String script;
    private final List<ClientCommand> found = new ArrayList<>();
    private final StringBuilder statement = new StringBuilder();
    private int statementLine = -1;
    private int line = 1;
    private int i;

    private PsqlCommands(String script) {
        this.script = script;
    }

    static List<ClientCommand> find(String script) {
        PsqlCommands scan = new PsqlCommands(script);
        scan.scan();
        return List.copyOf(scan.found);
    }

    private void scan() {
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                i = indexOrEnd("\n", i);
            } else if (c == '/' && script.startsWith("/*", i)) {
                skipBlockComment();
            } else if (c == '\\') {
                metaCommand();
            } else if (c == ';') {
                i++;
                endOfStatement();
            } else {
                int end = i + 1;
                if (c == '\'') {
                    end = closingQuote(i, '\'', isEscapeString(i));
                } else if (c == '"') {
                    end = closingQuote(i, '"', false);
                } else if (c == '$') {
                    String tag = dollarTag(i);
                    if (tag != null) {
                        end = indexOrEnd(tag, i + tag.length()) + tag.length();
                    }
                }
                take(Math.min(end, script.length()));
            }
        }
    }

    /** Appends script[i, end) to the statement, counting its lines. */
    private void take(int end) {
        String piece = script.substring(i, end);
        if (statementLine < 0 && !piece.isBlank()) {
            statementLine = line;
        }
        if (statementLine > 0) {
            statement.append(piece);
        }
        line += count(piece);
        i = end;
    }

    private void metaCommand() {
        Matcher name = META_COMMAND.matcher(script).region(i, script.length());
        String command = name.lookingAt() ? name.group() : "\\";
        found.add(new ClientCommand(command, line));
        // a meta-command's arguments run to the end of its line; a query before it on the line is sent by it
        i = indexOrEnd("\n", i);
        statement.setLength(0);
        statementLine = -1;
    }

    private void endOfStatement() {
        String sql = statement.toString().strip();
        int at = statementLine;
        statement.setLength(0);
        statementLine = -1;
        if (COPY_STDIO.matcher(sql).matches()) {
            found.add(new ClientCommand(firstWords(sql), at));
            if (COPY_FROM_STDIN.matcher(sql).matches()) {
                skipCopyData();
            }
            return;
        }
        Matcher encoding = CLIENT_ENCODING.matcher(sql);
        if (encoding.matches() && !isUtf8(encoding.group(1))) {
            found.add(new ClientCommand("SET client_encoding " + encoding.group(1), at));
        }
    }

    /** COPY's data follows on the next line, up to a line {@code \.} (or the end of the script). */
    private void skipCopyData() {
        int next = indexOrEnd("\n", i);
        line += next < script.length() ? 1 : 0;
        i = Math.min(next + 1, script.length());
        while (i < script.length()) {
            int end = indexOrEnd("\n", i);
            String data = script.substring(i, end);
            i = Math.min(end + 1, script.length());
            line += end < script.length() ? 1 : 0;
            if (data.strip().equals("\\.")) {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        int j = i;
        do {
            if (script.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (script.startsWith("*/", j)) {
                depth--;
                j += 2;
            } else {
                j++;
            }
        } while (depth > 0 && j < script.length());
        line += count(script.substring(i, Math.min(j, script.length())));
        i = Math.min(j, script.length());
    }

    private boolean isEscapeString(int quote) {
        return quote > 0 && (script.charAt(quote - 1) == 'E' || script.charAt(quote - 1) == 'e')
                && (quote == 1 || !Character.isLetterOrDigit(script.charAt(quote - 2)) && script.charAt(quote - 2) != '_');
    }

    private int closingQuote(int start, char quote, boolean backslashEscapes) {
        int j = start + 1;
        while (j < script.length()) {
            char c = script.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote && j + 1 < script.length() && script.charAt(j + 1) == quote) {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return script.length();
    }

    private String dollarTag(int start) {
        if (start > 0 && (Character.isLetterOrDigit(script.charAt(start - 1)) || script.charAt(start - 1) == '_')) {
            return null;
        }
        int j = start + 1;
        while (j < script.length() && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
            j++;
        }
        if (j < script.length() && script.charAt(j) == '$' && (j == start + 1 || !Character.isDigit(script.charAt(start + 1)))) {
            return script.substring(start, j + 1);
        }
        return null;
    }

    private int indexOrEnd(String what, int from) {
        int at = script.indexOf(what, from);
        return at < 0 ? script.length() : at;
    }

    private static int count(String piece) {
        return (int) piece.chars().filter(ch -> ch == '\n').count();
    }

    private static boolean isUtf8(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return e.equals("utf8") || e.equals("unicode");
    }

    /** "COPY public.customers (id, email) FROM stdin" as "COPY ... FROM stdin". */
    private static String firstWords(String copy) {
        Matcher stdio = Pattern.compile("(?i)\\b(from\\s+stdin|to\\s+stdout)\\b").matcher(copy);
        return "COPY ... " + (stdio.find() ? stdio.group().replaceAll("\\s+", " ") : "");
    }
}
