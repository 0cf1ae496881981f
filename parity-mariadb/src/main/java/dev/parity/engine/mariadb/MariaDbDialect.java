package dev.parity.engine.mariadb;

import dev.parity.engine.SqlDialect;
import dev.parity.engine.sql.ScriptSplitter;
import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MariaDB's backtick quoting, backslash escapes, {@code DELIMITER} blocks, and the line its syntax errors name. */
final class MariaDbDialect implements SqlDialect {

    @Override
    public String dataDirectoryQuery() {
        return "select @@datadir";
    }

    private static final ScriptSplitter SPLITTER =
            new ScriptSplitter(ScriptSplitter.Syntax.MARIADB);

    /** "... right syntax to use near 'prodcut' at line 2" */
    private static final Pattern AT_LINE = Pattern.compile("at line (\\d+)\\s*$");

    @Override
    public String identifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public String literal(String value) {
        return value == null ? "null" : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public List<SqlStatement> split(String script) {
        return SPLITTER.split(script);
    }

    /**
     * Without Connector/J's "(conn=12) " in front, on one line: a syntax error quotes the statement from the
     * point it failed ("near '1;\nend' at line 4"), and its line comes last.
     */
    @Override
    public String errorMessage(SQLException error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.replaceFirst("^\\(conn=\\d+\\) ", "").replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public int errorLine(SqlStatement statement, SQLException error) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        Matcher m = AT_LINE.matcher(message);
        return m.find()
                ? statement.lineOfStatementLine(Integer.parseInt(m.group(1)))
                : statement.line();
    }

    @Override
    public String rejectedRows(
            List<String> columns,
            List<String> types,
            List<Long> ordinals,
            List<List<String>> rows,
            String condition) {
        StringBuilder select = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            select.append(r == 0 ? "select " : " union all select ")
                    .append(ordinals.get(r))
                    .append(" as parity_ordinal_");
            for (int i = 0; i < row.size(); i++) {
                select.append(", ")
                        .append(cast(literal(row.get(i)), types.get(i)))
                        .append(" as ")
                        .append(identifier(columns.get(i)));
            }
        }
        return "select t.parity_ordinal_ from (" + select + ") as t where not (" + condition + ")";
    }

    /** MariaDB's usual collations ({@code utf8mb4_general_ci}, {@code _uca1400_ai_ci}) ignore case and accents. */
    @Override
    public boolean exactTextEquality() {
        return false;
    }

    /** A literal in the column's type where comparisons depend on it (numbers, dates); text as it is. */
    private static String cast(String literal, String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (literal.equals("null")) {
            return literal;
        }
        if (t.matches("(tiny|small|medium|big)?int.*")) {
            return "cast("
                    + literal
                    + " as "
                    + (t.contains("unsigned") ? "unsigned" : "signed")
                    + ")";
        }
        if (t.startsWith("decimal") || t.startsWith("numeric")) {
            return "cast("
                    + literal
                    + " as "
                    + t.replace("numeric", "decimal").replace(" unsigned", "")
                    + ")";
        }
        if (t.startsWith("float") || t.startsWith("double") || t.startsWith("real")) {
            return "cast(" + literal + " as double)";
        }
        if (t.equals("date")) {
            return "cast(" + literal + " as date)";
        }
        if (t.startsWith("datetime") || t.startsWith("timestamp")) {
            return "cast(" + literal + " as datetime(6))";
        }
        return literal;
    }
}
