package dev.parity.engine.postgres;

import dev.parity.engine.sql.ClientCommand;
import dev.parity.engine.sql.PsqlLexer;
import dev.parity.engine.sql.PsqlLexer.Kind;
import dev.parity.engine.sql.PsqlLexer.Token;
import dev.parity.engine.sql.PsqlStatementEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what in a script only psql runs, or what psql would read otherwise than the JDBC path: its
 * backslash meta-commands ({@code \i}, {@code \ir}, {@code \copy}, {@code \set}, {@code \connect},
 * {@code \;}, pg_dump's {@code \restrict}); {@code COPY ... FROM stdin} and {@code TO stdout} (pgjdbc runs
 * COPY only through its CopyManager); a {@code client_encoding} other than UTF-8 (pgjdbc refuses it); the
 * variables psql sets itself ({@code :DBNAME}, {@code :'USER'}, ...) and {@code :{?name}}, which psql
 * replaces; and {@code standard_conforming_strings} turned off, after which psql reads {@code '\'} as an
 * escape. The script is read with psql's lexer ({@link PsqlLexer}), so quotes, comments, dollar-quoted
 * bodies and {@code BEGIN ATOMIC} bodies hide what is in them as they do for psql, and the data lines of
 * {@code COPY ... FROM stdin} are skipped up to their {@code \.}.
 */
final class PsqlCommands {

    private static final Pattern COPY_STDIO =
            Pattern.compile("(?is)copy\\s.*\\b(from\\s+stdin|to\\s+stdout)\\b.*");
    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)copy\\s.*\\bfrom\\s+stdin\\b.*");
    private static final Pattern CLIENT_ENCODING =
            Pattern.compile(
                    "(?is)set\\s+(?:session\\s+|local\\s+)?(?:client_encoding\\s*(?:to|=)|names)\\s*['\"]?([A-Za-z0-9_-]+)['\"]?\\s*");
    private static final Pattern STANDARD_STRINGS =
            Pattern.compile(
                    "(?is)set\\s+(?:session\\s+|local\\s+)?standard_conforming_strings\\s*(?:to|=)\\s*['\"]?([A-Za-z0-9_]*)['\"]?\\s*");
    private static final Pattern STANDARD_STRINGS_BY_FUNCTION =
            Pattern.compile("(?is).*\\bset_config\\s*\\(\\s*'standard_conforming_strings'.*");
    private static final Pattern META_COMMAND = Pattern.compile("\\\\([A-Za-z_]+|[^A-Za-z_\\s])");

    /**
     * What {@code \set} lists in psql 15, 17 and 18 as Parity runs it ({@code -X -q -b -v ON_ERROR_STOP=1}),
     * and what a query or a shell command sets.
     */
    private static final Set<String> PSQL_VARIABLES =
            Set.of(
                    "AUTOCOMMIT",
                    "COMP_KEYWORD_CASE",
                    "DBNAME",
                    "ECHO",
                    "ECHO_HIDDEN",
                    "ENCODING",
                    "FETCH_COUNT",
                    "HIDE_TABLEAM",
                    "HIDE_TOAST_COMPRESSION",
                    "HISTCONTROL",
                    "HISTSIZE",
                    "HOST",
                    "IGNOREEOF",
                    "LAST_ERROR_MESSAGE",
                    "LAST_ERROR_SQLSTATE",
                    "ON_ERROR_ROLLBACK",
                    "ON_ERROR_STOP",
                    "PIPELINE_COMMAND_COUNT",
                    "PIPELINE_RESULT_COUNT",
                    "PIPELINE_SYNC_COUNT",
                    "PORT",
                    "PROMPT1",
                    "PROMPT2",
                    "PROMPT3",
                    "QUIET",
                    "SERVER_VERSION_NAME",
                    "SERVER_VERSION_NUM",
                    "SERVICE",
                    "SHOW_ALL_RESULTS",
                    "SHOW_CONTEXT",
                    "SINGLELINE",
                    "SINGLESTEP",
                    "USER",
                    "VERBOSITY",
                    "VERSION",
                    "VERSION_NAME",
                    "VERSION_NUM",
                    "WATCH_INTERVAL",
                    "ERROR",
                    "SQLSTATE",
                    "ROW_COUNT",
                    "LASTOID",
                    "SHELL_ERROR",
                    "SHELL_EXIT_CODE");

    private final String script;
    private final PsqlLexer lexer;
    private final PsqlStatementEnd end;
    private final List<ClientCommand> found = new ArrayList<>();
    private final StringBuilder statement = new StringBuilder();
    private int statementLine = -1;
    private int line = 1;

    private PsqlCommands(String script) {
        this.script = script;
        this.lexer = new PsqlLexer(script);
        this.end = new PsqlStatementEnd(script);
    }

    static List<ClientCommand> find(String script) {
        PsqlCommands scan =
                new PsqlCommands(script.startsWith("\uFEFF") ? script.substring(1) : script);
        scan.scan();
        return List.copyOf(scan.found);
    }

    private void scan() {
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.kind() == Kind.BACKSLASH) {
                metaCommand(token.start());
                continue;
            }
            if (end.ends(token)) {
                endOfStatement(token.end());
            } else if (token.kind() == Kind.COMMENT) {
                statement.append(' ');
            } else {
                if (token.kind() == Kind.VARIABLE) {
                    variable(token.text(script));
                }
                if (statementLine < 0 && token.kind() != Kind.WHITESPACE) {
                    statementLine = line;
                }
                if (statementLine > 0) {
                    statement.append(token.text(script));
                }
            }
            line += count(token.text(script));
        }
    }

    /** :NAME, :'NAME', :"NAME" of a variable psql has set; :{?name}, which psql always replaces by TRUE or FALSE. */
    private void variable(String token) {
        String name = token.replaceAll("^:[{'\"]?\\??|[}'\"]$", "");
        if (token.startsWith(":{?") || PSQL_VARIABLES.contains(name)) {
            found.add(new ClientCommand(token, line));
        }
    }

    private void metaCommand(int at) {
        Matcher name = META_COMMAND.matcher(script).region(at, script.length());
        String command = name.lookingAt() ? name.group() : "\\";
        found.add(new ClientCommand(command, line));
        // a meta-command's arguments run to the end of its line; a query before it on the line is
        // sent by it
        lexer.skipTo(indexOrEnd("\n", at));
        statement.setLength(0);
        statementLine = -1;
    }

    private void endOfStatement(int after) {
        String sql = statement.toString().strip();
        int at = statementLine;
        statement.setLength(0);
        statementLine = -1;
        if (COPY_STDIO.matcher(sql).matches()) {
            found.add(new ClientCommand(firstWords(sql), at));
            if (COPY_FROM_STDIN.matcher(sql).matches()) {
                skipCopyData(after);
            }
            return;
        }
        Matcher encoding = CLIENT_ENCODING.matcher(sql);
        if (encoding.matches() && !isUtf8(encoding.group(1))) {
            found.add(new ClientCommand("SET client_encoding " + encoding.group(1), at));
        }
        Matcher strings = STANDARD_STRINGS.matcher(sql);
        if (strings.matches() && !isOn(strings.group(1))
                || STANDARD_STRINGS_BY_FUNCTION.matcher(sql).matches()) {
            found.add(
                    new ClientCommand(
                            "SET standard_conforming_strings "
                                    + (strings.matches() ? strings.group(1) : "by set_config"),
                            at));
        }
    }

    /** COPY's data follows on the next line, up to a line {@code \.} (or the end of the script). */
    private void skipCopyData(int after) {
        int next = indexOrEnd("\n", after);
        line += next < script.length() ? 1 : 0;
        int i = Math.min(next + 1, script.length());
        while (i < script.length()) {
            int lineEnd = indexOrEnd("\n", i);
            String data = script.substring(i, lineEnd);
            i = Math.min(lineEnd + 1, script.length());
            line += lineEnd < script.length() ? 1 : 0;
            if (data.strip().equals("\\.")) {
                break;
            }
        }
        lexer.skipTo(i);
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

    /** PostgreSQL's parse_bool, its true half: on, true, yes, 1 and the prefixes it accepts; DEFAULT is on. */
    private static boolean isOn(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("on")
                || v.equals("1")
                || v.equals("default")
                || !v.isEmpty() && ("true".startsWith(v) || "yes".startsWith(v));
    }

    /** "COPY public.customers (id, email) FROM stdin" as "COPY ... FROM stdin". */
    private static String firstWords(String copy) {
        Matcher stdio = Pattern.compile("(?i)\\b(from\\s+stdin|to\\s+stdout)\\b").matcher(copy);
        return "COPY ... " + (stdio.find() ? stdio.group().replaceAll("\\s+", " ") : "");
    }
}
