package dev.parity.engine.postgres;

import dev.parity.engine.ScriptFailedException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql's error output turned into the error a script run over JDBC gives: the script (or the file it
 * included) by its classpath name, the line, the server's message and the statement. psql names the
 * line a statement ends on; the server's {@code LINE n:} names the line within the statement, and both
 * together give the line the error is on, as the JDBC path computes it from the server's position.
 */
final class PsqlErrors {

    /** {@code psql:/tmp/parity-init/1/main.sql:12: ERROR:  relation "prodcut" does not exist}; psql's own failures say {@code error:} */
    private static final Pattern FAILURE =
            Pattern.compile("psql:(.+?):(\\d+): (ERROR|FATAL|PANIC|error):\\s+(.*)");

    private static final Pattern STATEMENT =
            Pattern.compile("psql:(.+?):(\\d+): STATEMENT:\\s+(.*)");
    private static final Pattern LINE_WITHIN = Pattern.compile("LINE (\\d+): .*");
    private static final Pattern COPY_CONTEXT = Pattern.compile("CONTEXT:\\s+(COPY .*)");

    private PsqlErrors() {}

    /**
     * @param stderr       what psql wrote to its error output
     * @param containerDir the directory the script's directory was copied to, ending in '/'
     * @param classpathDir the script's directory on the classpath ("db/psql/"), or ""
     * @param script       the script's name, as the profile gives it
     * @param sourceLine   a line of a file (by its classpath name and line), for psql's own errors, which quote nothing; null if unknown
     */
    static ScriptFailedException parse(
            String stderr,
            String containerDir,
            String classpathDir,
            String script,
            BiFunction<String, Integer, String> sourceLine) {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher failure = FAILURE.matcher(lines.get(i));
            if (!failure.matches()) {
                continue;
            }
            String file = classpathName(failure.group(1), containerDir, classpathDir);
            int reported = Integer.parseInt(failure.group(2));
            boolean server = !failure.group(3).equals("error");
            String message =
                    (server ? failure.group(3) + ": " : "psql: ") + failure.group(4).strip();
            int lineWithin = 0;
            String statement = null;
            for (int j = i + 1; j < lines.size(); j++) {
                String detail = lines.get(j);
                Matcher within = LINE_WITHIN.matcher(detail);
                Matcher context = COPY_CONTEXT.matcher(detail);
                Matcher echoed = STATEMENT.matcher(detail);
                if (within.matches() && lineWithin == 0) {
                    lineWithin = Integer.parseInt(within.group(1));
                } else if (context.matches()) {
                    message += " (" + context.group(1).strip() + ")";
                } else if (echoed.matches()) {
                    statement = statementFrom(lines, j, echoed.group(3));
                    break;
                } else if (detail.startsWith("psql:")) {
                    break;
                }
            }
            int line = reported;
            if (statement != null && lineWithin > 0) {
                int first = reported - (int) statement.lines().count() + 1;
                line = Math.max(1, first + lineWithin - 1);
            }
            if (statement == null && !server) {
                statement = sourceLine.apply(file, reported);
            }
            return new ScriptFailedException(file, line, message, statement, null);
        }
        String said =
                stderr.strip().isEmpty()
                        ? "no output"
                        : stderr.strip().lines().findFirst().orElse("");
        return new ScriptFailedException(script, 0, "psql failed: " + said, null, null);
    }

    /** The echoed statement: its first line, and the lines after it up to psql's next message. */
    private static String statementFrom(List<String> lines, int at, String first) {
        StringBuilder statement = new StringBuilder(first);
        for (int k = at + 1; k < lines.size() && !lines.get(k).startsWith("psql:"); k++) {
            statement.append('\n').append(lines.get(k));
        }
        return statement.toString();
    }

    /** A path psql printed, as the classpath name of the file: absolute under the copied directory, or relative to it. */
    static String classpathName(String printed, String containerDir, String classpathDir) {
        if (printed.startsWith(containerDir)) {
            return classpathDir + printed.substring(containerDir.length());
        }
        return printed.startsWith("/") ? printed : classpathDir + printed;
    }
}
