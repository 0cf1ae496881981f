package dev.parity.data.check;

import java.util.Map;

/**
 * A database's regular expression (PostgreSQL's POSIX ARE, MariaDB's PCRE) as a Java one, for the common
 * part of the three: POSIX classes ({@code [[:digit:]]}) and PostgreSQL's word boundaries ({@code \m},
 * {@code \M}, {@code \y}) translated. The {@link Evaluator}'s verdict on a pattern is a good guess, not the
 * server's word: checks with patterns are also judged by the server before rows are written.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class RegexTranslation {

    private static final Map<String, String> CLASSES =
            Map.ofEntries(
                    Map.entry("alpha", "\\p{Alpha}"),
                    Map.entry("digit", "\\d"),
                    Map.entry("alnum", "\\p{Alnum}"),
                    Map.entry("upper", "\\p{Upper}"),
                    Map.entry("lower", "\\p{Lower}"),
                    Map.entry("space", "\\s"),
                    Map.entry("blank", "\\p{Blank}"),
                    Map.entry("punct", "\\p{Punct}"),
                    Map.entry("xdigit", "\\p{XDigit}"),
                    Map.entry("cntrl", "\\p{Cntrl}"),
                    Map.entry("print", "\\p{Print}"),
                    Map.entry("graph", "\\p{Graph}"),
                    Map.entry("word", "\\w"));

    private RegexTranslation() {}

    /** The Java spelling of {@code regex}, or null when it uses what Java cannot say the same way. */
    public static String toJava(String regex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean negated = c == '[' && regex.startsWith("^[:", i + 1);
            if (c == '[' && (regex.startsWith("[:", i + 1) || negated)) {
                // [[:digit:]x], [^[:space:]] — a POSIX class inside a bracket expression
                out.append(negated ? "[^" : "[");
                i += negated ? 2 : 1;
                while (i < regex.length() && regex.startsWith("[:", i)) {
                    int end = regex.indexOf(":]", i + 2);
                    if (end < 0 || !CLASSES.containsKey(regex.substring(i + 2, end))) {
                        return null;
                    }
                    out.append(CLASSES.get(regex.substring(i + 2, end)));
                    i = end + 2;
                }
                i--;
            } else if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                switch (next) {
                    case 'm', 'M', 'y' -> out.append("\\b");
                    case 'Y' -> out.append("\\B");
                    case 'A' -> out.append("\\A");
                    case 'Z' -> out.append("\\z");
                    default -> out.append(c).append(next);
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
