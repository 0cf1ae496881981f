package dev.parity.engine.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CHECK constraints as {@code pg_get_constraintdef} prints them, rewritten into the plain form Parity
 * reads (see {@link dev.parity.engine.TableInfo.Check#neutral()}): casts dropped, negative constants
 * unquoted, {@code x = ANY (ARRAY[...])} written {@code x IN (...)}, parentheses around single names and
 * numbers removed.
 */
final class PostgresChecks {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)";
    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)";
    private static final Pattern CAST = Pattern.compile(
            "::(?:character varying|double precision|timestamp with(?:out)? time zone|time with(?:out)? time zone|\"?[a-z_][a-z0-9_]*\"?)"
                    + "(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[\\])?");
    private static final Pattern PARENTHESISED_NUMBER = Pattern.compile("\\(" + NUMBER + "\\)");
    // PostgreSQL prints negative constants quoted: ('-5000'::integer)::numeric, or (qty >= '-5'::integer) without parentheses of their own
    private static final Pattern QUOTED_NUMBER = Pattern.compile("\\('" + NUMBER + "'\\)|'" + NUMBER + "'");
    // "(code)::text" loses its cast first, then its parentheses: "(code)" alone is no function call
    private static final Pattern PARENTHESISED_IDENT = Pattern.compile("(?<![A-Za-z0-9_$])\\(" + IDENT + "\\)");
    // the closing parentheses of the ones ANY opened, and any that close what enclosed it
    private static final Pattern ANY_ARRAY = Pattern.compile(IDENT + " = ANY (\\(+)ARRAY\\[(.*?)\\](\\)+)");

    private PostgresChecks() {
    }

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
        String uncast = QUOTED_NUMBER.matcher(CAST.matcher(condition(definition)).replaceAll(""))
                .replaceAll(m -> m.group(1) != null ? m.group(1) : m.group(2));
        String plain = PARENTHESISED_IDENT.matcher(PARENTHESISED_NUMBER.matcher(uncast).replaceAll("$1")).replaceAll("$1");
        Matcher any = ANY_ARRAY.matcher(plain);
        StringBuilder out = new StringBuilder();
        while (any.find()) {
            String enclosing = ")".repeat(Math.max(0, any.group(4).length() - any.group(2).length()));
            any.appendReplacement(out, Matcher.quoteReplacement(any.group(1) + " IN (" + any.group(3) + ")" + enclosing));
        }
        any.appendTail(out);
        return out.toString();
    }
}
