package dev.parity.engine.schema;

import dev.parity.engine.sql.LocaleProofSql;
import dev.parity.engine.sql.ScriptSplitter;
import dev.parity.engine.sql.SqlStatement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import org.apiguardian.api.API;

/**
 * The columns a trigger's body keeps up to date in other rows ({@code UPDATE person SET post_count = post_count + 1
 * ...}): counters and aggregates the schema maintains itself. Each statement of the body that is an UPDATE is read
 * with JSqlParser; what it cannot read is left out (so a column is only ever named when a real UPDATE sets it).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TriggerWrites {

    private static final Pattern UPDATE = Pattern.compile("(?i)\\bupdate\\s");
    private static final ScriptSplitter SPLITTER =
            new ScriptSplitter(ScriptSplitter.Syntax.POSTGRES);

    private TriggerWrites() {}

    /**
     * The columns {@code body}'s UPDATEs set, by the table each names as written (lower case unless quoted, a schema
     * before it where written).
     */
    public static Map<String, Set<String>> of(String body) {
        Map<String, Set<String>> written = new LinkedHashMap<>();
        for (SqlStatement statement : SPLITTER.split(body)) {
            Matcher m = UPDATE.matcher(statement.sql());
            while (m.find()) {
                read(statement.sql().substring(m.start()), written);
            }
        }
        return written;
    }

    private static void read(String sql, Map<String, Set<String>> written) {
        Statement parsed = parse(sql);
        if (parsed == null) {
            // what follows SET may be more than JSqlParser reads (a FROM of row-typed casts): the
            // head is enough
            String head = head(sql);
            parsed = head == null ? null : parse(head);
        }
        if (!(parsed instanceof Update update)
                || update.getTable() == null
                || update.getUpdateSets() == null) {
            return;
        }
        String table = name(update.getTable().getFullyQualifiedName());
        for (UpdateSet set : update.getUpdateSets()) {
            for (Column column : set.getColumns()) {
                written.computeIfAbsent(table, t -> new LinkedHashSet<>())
                        .add(name(column.getColumnName()));
            }
        }
    }

    private static Statement parse(String sql) {
        try {
            return CCJSqlParserUtil.parse(
                    LocaleProofSql.keywordsUpperCased(sql, word -> false),
                    parser -> parser.withTimeOut(2000));
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }

    /** {@code UPDATE t SET a = ..., b = ...} up to the first FROM, WHERE or RETURNING outside parentheses, quotes and comments; or null. */
    static String head(String sql) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean set = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
                continue;
            }
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                out.append(' ');
                continue;
            }
            if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && wordAt(sql, i, "set")) {
                set = true;
            } else if (depth == 0
                    && set
                    && (wordAt(sql, i, "from")
                            || wordAt(sql, i, "where")
                            || wordAt(sql, i, "returning"))) {
                return out.toString();
            }
            out.append(c);
            i++;
        }
        return set ? out.toString() : null;
    }

    private static boolean wordAt(String s, int i, String word) {
        return s.regionMatches(true, i, word, 0, word.length())
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '_')
                && (i + word.length() == s.length()
                        || !Character.isLetterOrDigit(s.charAt(i + word.length()))
                                && s.charAt(i + word.length()) != '_');
    }

    /** A name as the catalog spells it: quoted as written, bare in lower case (PostgreSQL folds it; MariaDB compares ignoring case). */
    private static String name(String written) {
        StringBuilder out = new StringBuilder();
        for (String part : written.split("\\.")) {
            out.append(out.length() == 0 ? "" : ".");
            out.append(
                    part.startsWith("\"") || part.startsWith("`")
                            ? part.substring(1, part.length() - 1)
                            : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
