package dev.parity.engine.mariadb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code init_connect} as Parity shares it with whoever set it before: up to three parts, in this
 * order, joined by {@code "; "}: theirs (kept as it was), Parity's statement timeouts (one {@code CASE} over the
 * session's database), and the call that admits a session under a connection limit. Pure text, read and written
 * whole: {@link #parse} is the inverse of {@link #text}, for any database names and any earlier value.
 *
 * @param theirs   what was there before Parity's parts, without a trailing separator; empty if nothing
 * @param timeouts each database's statement timeout in seconds, in the order they were set
 * @param admits   whether sessions are admitted by {@link #ADMIT} (a database has a connection limit)
 */
record InitConnect(String theirs, Map<String, BigDecimal> timeouts, boolean admits) {

    /** The call that refuses a session beyond its database's connection limit. */
    static final String ADMIT = "call parity_faults.admit(database())";

    private static final String TIMEOUTS = "set session max_statement_time = case database()";
    private static final String TIMEOUTS_END = " else @@session.max_statement_time end";
    private static final Pattern TIMEOUT =
            Pattern.compile("when '((?:[^'\\\\]|''|\\\\.)*)' then ([0-9.]+)");
    private static final MariaDbDialect SQL = new MariaDbDialect();

    InitConnect {
        timeouts = Collections.unmodifiableMap(new LinkedHashMap<>(timeouts));
    }

    /** {@code current} (the server's value; {@code null} as empty) split into its parts. */
    static InitConnect parse(String current) {
        String rest = current == null ? "" : current;
        boolean admits = rest.endsWith(ADMIT);
        if (admits) {
            rest = rest.substring(0, rest.length() - ADMIT.length()).replaceFirst("; $", "");
        }
        Map<String, BigDecimal> timeouts = new LinkedHashMap<>();
        int ours = rest.lastIndexOf(TIMEOUTS);
        if (ours >= 0
                && rest.endsWith(TIMEOUTS_END)
                && (ours == 0 || rest.startsWith("; ", ours - 2))) {
            Matcher when =
                    TIMEOUT.matcher(rest.substring(ours, rest.length() - TIMEOUTS_END.length()));
            while (when.find()) {
                timeouts.put(unquoted(when.group(1)), new BigDecimal(when.group(2)));
            }
            rest = ours == 0 ? "" : rest.substring(0, ours - 2);
        }
        return new InitConnect(rest, timeouts, admits);
    }

    InitConnect withTimeout(String database, BigDecimal seconds) {
        Map<String, BigDecimal> changed = new LinkedHashMap<>(timeouts);
        changed.put(database, seconds);
        return new InitConnect(theirs, changed, admits);
    }

    InitConnect withoutTimeout(String database) {
        Map<String, BigDecimal> changed = new LinkedHashMap<>(timeouts);
        changed.remove(database);
        return new InitConnect(theirs, changed, admits);
    }

    InitConnect admitting(boolean admit) {
        return new InitConnect(theirs, timeouts, admit);
    }

    /** The value to set, its parts in order; empty when there is none. */
    String text() {
        List<String> parts = new ArrayList<>();
        if (!theirs.isEmpty()) {
            parts.add(theirs);
        }
        if (!timeouts.isEmpty()) {
            StringBuilder ours = new StringBuilder(TIMEOUTS);
            timeouts.forEach(
                    (database, seconds) ->
                            ours.append(" when ")
                                    .append(SQL.literal(database))
                                    .append(" then ")
                                    .append(seconds.toPlainString()));
            parts.add(ours.append(TIMEOUTS_END).toString());
        }
        if (admits) {
            parts.add(ADMIT);
        }
        return String.join("; ", parts);
    }

    /** The inverse of {@link MariaDbDialect#literal}'s escapes. */
    private static String unquoted(String literal) {
        return literal.replace("''", "'").replaceAll("\\\\(.)", "$1");
    }
}
