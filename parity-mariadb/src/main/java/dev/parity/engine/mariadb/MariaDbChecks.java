package dev.parity.engine.mariadb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHECK clauses as {@code information_schema.CHECK_CONSTRAINTS} prints them, rewritten into the plain form
 * Parity reads (see {@link dev.parity.engine.schema.TableInfo.Check#neutral()}): backticks become double quotes,
 * {@code x between a and b} becomes {@code x >= a AND x <= b}, and keywords are upper-cased.
 */
final class MariaDbChecks {

    private static final String IDENT = "(`(?:[^`]|``)+`)";
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)";
    private static final Pattern BETWEEN =
            Pattern.compile(
                    IDENT + " between " + NUMBER + " and " + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON_VALID =
            Pattern.compile("^json_valid\\(" + IDENT + "\\)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEYWORDS =
            Pattern.compile("\\b(and|or|in|is not null|is null|not)\\b", Pattern.CASE_INSENSITIVE);

    private MariaDbChecks() {}

    /** The column a {@code json_valid(col)} check makes a JSON column, or null. */
    static String jsonColumn(String clause) {
        Matcher m = JSON_VALID.matcher(clause.strip());
        return m.matches() ? unquote(m.group(1)) : null;
    }

    static String neutral(String clause) {
        String between =
                BETWEEN.matcher(clause.strip())
                        .replaceAll(
                                m ->
                                        Matcher.quoteReplacement(
                                                m.group(1)
                                                        + " >= "
                                                        + m.group(2)
                                                        + " AND "
                                                        + m.group(1)
                                                        + " <= "
                                                        + m.group(3)));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < between.length()) {
            char c = between.charAt(i);
            if (c == '\'') {
                int end = closing(between, i, '\'');
                out.append('\'')
                        .append(unescape(between.substring(i + 1, end - 1)).replace("'", "''"))
                        .append('\'');
                i = end;
            } else if (c == '`') {
                int end = closing(between, i, '`');
                out.append('"')
                        .append(unquote(between.substring(i, end)).replace("\"", "\"\""))
                        .append('"');
                i = end;
            } else {
                int next = nextQuote(between, i);
                Matcher keywords = KEYWORDS.matcher(between.substring(i, next));
                out.append(keywords.replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT)));
                i = next;
            }
        }
        return out.toString();
    }

    private static int nextQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '`') {
                return i;
            }
        }
        return s.length();
    }

    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '\'') {
                i += 2;
            } else if (c == quote && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    /** A string literal's content with MariaDB's escapes ({@code \\'}, {@code ''}, {@code \\\\}) resolved. */
    private static String unescape(String content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if ((c == '\\' || c == '\'') && i + 1 < content.length()) {
                text.append(content.charAt(++i));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static String unquote(String identifier) {
        return identifier.substring(1, identifier.length() - 1).replace("``", "`");
    }
}
