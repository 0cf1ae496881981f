package dev.parity.engine.postgres;

/**
 * CHECK constraints as {@code pg_get_constraintdef} prints them: the condition the server evaluates, and the same
 * in the standard SQL Parity's parser reads (see {@link dev.parity.engine.schema.TableInfo.Check#neutral()}), which is
 * PostgreSQL's print with its LIKE operators spelled out ({@code ~~} is {@code LIKE}, {@code !~~*} is
 * {@code NOT ILIKE}); casts ({@code ::text}) and {@code = ANY (ARRAY[...])} are read as they are.
 */
final class PostgresChecks {

    private PostgresChecks() {}

    /** The condition inside {@code CHECK (...)}, without NOT VALID: what the server can evaluate. */
    static String condition(String definition) {
        String text = definition.strip();
        if (text.endsWith(" NOT VALID")) {
            text = text.substring(0, text.length() - " NOT VALID".length());
        }
        if (text.startsWith("CHECK ")) {
            text = text.substring("CHECK ".length());
        }
        return text;
    }

    static String neutral(String definition) {
        String condition = condition(definition);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < condition.length()) {
            char c = condition.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(condition, i, c);
                out.append(condition, i, end);
                i = end;
            } else if (condition.startsWith("!~~*", i)) {
                out.append("NOT ILIKE");
                i += 4;
            } else if (condition.startsWith("!~~", i)) {
                out.append("NOT LIKE");
                i += 3;
            } else if (condition.startsWith("~~*", i)) {
                out.append("ILIKE");
                i += 3;
            } else if (condition.startsWith("~~", i)) {
                out.append("LIKE");
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote is an escaped one. */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
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
}
