package dev.parity.data.check;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL functions the {@link Evaluator} knows, as both engines define them where they agree; any other
 * (a user's own, one whose engines disagree on NULLs such as {@code concat}) is {@link Evaluator#UNDECIDED}.
 */
final class Functions {

    /** Functions that give NULL for a NULL argument. */
    private static final Set<String> STRICT =
            Set.of(
                    "lower",
                    "lcase",
                    "upper",
                    "ucase",
                    "length",
                    "char_length",
                    "character_length",
                    "octet_length",
                    "btrim",
                    "trim",
                    "ltrim",
                    "rtrim",
                    "abs",
                    "floor",
                    "ceil",
                    "ceiling",
                    "round",
                    "sign",
                    "mod",
                    "date_part",
                    "year",
                    "month",
                    "day",
                    "dayofmonth",
                    "hour",
                    "minute",
                    "second",
                    "date",
                    "substr",
                    "substring",
                    "left",
                    "right",
                    "replace",
                    "reverse",
                    "json_valid",
                    "starts_with",
                    "strpos");

    private static final Set<String> KNOWN =
            Set.of(
                    "coalesce",
                    "ifnull",
                    "nullif",
                    "num_nonnulls",
                    "num_nulls",
                    "now",
                    "current_timestamp",
                    "localtimestamp",
                    "current_date",
                    "curdate",
                    "sysdate",
                    "clock_timestamp",
                    "statement_timestamp",
                    "transaction_timestamp",
                    "utc_timestamp");

    private Functions() {}

    /** Whether {@code name} is a function the evaluator knows. */
    static boolean known(String name) {
        return STRICT.contains(name) || KNOWN.contains(name);
    }

    static Object call(String name, List<Object> args, Evaluator evaluator) {
        if (!known(name)) {
            return Evaluator.UNDECIDED;
        }
        if (STRICT.contains(name)) {
            if (args.contains(Evaluator.UNDECIDED)) {
                return Evaluator.UNDECIDED;
            }
            if (args.contains(null)) {
                return null;
            }
        }
        try {
            return apply(name, args, evaluator);
        } catch (RuntimeException e) {
            return Evaluator
                    .UNDECIDED; // a wrong argument count or type: the server will say what it makes
            // of it
        }
    }

    private static Object apply(String name, List<Object> args, Evaluator evaluator) {
        return switch (name) {
            case "lower", "lcase" -> text(args, 0).toLowerCase(Locale.ROOT);
            case "upper", "ucase" -> text(args, 0).toUpperCase(Locale.ROOT);
            case "length", "char_length", "character_length" ->
                    BigDecimal.valueOf(text(args, 0).codePointCount(0, text(args, 0).length()));
            case "octet_length" -> BigDecimal.valueOf(Evaluator.octets(text(args, 0)));
            case "btrim", "trim" ->
                    trim(text(args, 0), args.size() > 1 ? text(args, 1) : " ", true, true);
            case "ltrim" -> trim(text(args, 0), args.size() > 1 ? text(args, 1) : " ", true, false);
            case "rtrim" -> trim(text(args, 0), args.size() > 1 ? text(args, 1) : " ", false, true);
            case "abs" -> number(args, 0).abs();
            case "floor" -> number(args, 0).setScale(0, RoundingMode.FLOOR);
            case "ceil", "ceiling" -> number(args, 0).setScale(0, RoundingMode.CEILING);
            case "round" ->
                    number(args, 0)
                            .setScale(
                                    args.size() > 1 ? number(args, 1).intValueExact() : 0,
                                    RoundingMode.HALF_UP);
            case "sign" -> BigDecimal.valueOf(number(args, 0).signum());
            case "mod" ->
                    number(args, 1).signum() == 0
                            ? Evaluator.UNDECIDED
                            : number(args, 0).remainder(number(args, 1));
            case "date_part" -> evaluator.datePart(text(args, 0), args.get(1));
            case "year", "month", "day", "hour", "minute", "second" ->
                    evaluator.datePart(name, args.get(0));
            case "dayofmonth" -> evaluator.datePart("day", args.get(0));
            case "date" -> evaluator.cast(args.get(0), "date");
            case "substr", "substring" ->
                    substring(
                            text(args, 0),
                            number(args, 1).intValueExact(),
                            args.size() > 2 ? number(args, 2).intValueExact() : -1);
            case "left" -> prefix(text(args, 0), number(args, 1).intValueExact());
            case "right" -> suffix(text(args, 0), number(args, 1).intValueExact());
            case "replace" -> text(args, 0).replace(text(args, 1), text(args, 2));
            case "reverse" -> new StringBuilder(text(args, 0)).reverse().toString();
            case "starts_with" -> text(args, 0).startsWith(text(args, 1));
            case "strpos" -> BigDecimal.valueOf(text(args, 0).indexOf(text(args, 1)) + 1L);
            case "json_valid" -> json(text(args, 0));
            case "coalesce", "ifnull" -> coalesce(args);
            case "nullif" -> nullif(args, evaluator);
            case "num_nonnulls", "num_nulls" -> count(args, name.equals("num_nulls"));
            case "now",
                    "current_timestamp",
                    "clock_timestamp",
                    "statement_timestamp",
                    "transaction_timestamp",
                    "sysdate" ->
                    evaluator.now();
            case "localtimestamp" -> LocalDateTime.ofInstant(evaluator.now(), evaluator.zone());
            case "utc_timestamp" ->
                    LocalDateTime.ofInstant(evaluator.now(), java.time.ZoneOffset.UTC);
            case "current_date", "curdate" ->
                    LocalDateTime.ofInstant(evaluator.now(), evaluator.zone()).toLocalDate();
            default -> Evaluator.UNDECIDED;
        };
    }

    private static String text(List<Object> args, int index) {
        return Evaluator.asText(args.get(index));
    }

    private static BigDecimal number(List<Object> args, int index) {
        BigDecimal number = Evaluator.asNumber(args.get(index));
        if (number == null) {
            throw new IllegalArgumentException("not a number: " + args.get(index));
        }
        return number;
    }

    private static String trim(String text, String characters, boolean leading, boolean trailing) {
        int from = 0;
        int to = text.length();
        while (leading && from < to && characters.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (trailing && to > from && characters.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        return text.substring(from, to);
    }

    /** SQL's substring: 1-based, a start before 1 eats into the length. */
    private static String substring(String text, int start, int length) {
        int[] codePoints = text.codePoints().toArray();
        int from = Math.max(1, start);
        int to =
                length < 0
                        ? codePoints.length + 1
                        : Math.min(codePoints.length + 1, start + length);
        return from >= to ? "" : new String(codePoints, from - 1, to - from);
    }

    private static String prefix(String text, int n) {
        int[] codePoints = text.codePoints().toArray();
        int count = n >= 0 ? Math.min(n, codePoints.length) : Math.max(0, codePoints.length + n);
        return new String(codePoints, 0, count);
    }

    private static String suffix(String text, int n) {
        int[] codePoints = text.codePoints().toArray();
        int count = n >= 0 ? Math.min(n, codePoints.length) : Math.max(0, codePoints.length + n);
        return new String(codePoints, codePoints.length - count, count);
    }

    private static Object json(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(false);
            reader.skipValue();
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return false;
        }
    }

    private static Object coalesce(List<Object> args) {
        for (Object arg : args) {
            if (arg == Evaluator.UNDECIDED) {
                return Evaluator.UNDECIDED;
            }
            if (arg != null) {
                return arg;
            }
        }
        return null;
    }

    private static Object nullif(List<Object> args, Evaluator evaluator) {
        Object a = args.get(0);
        Object b = args.get(1);
        if (a == Evaluator.UNDECIDED || b == Evaluator.UNDECIDED) {
            return Evaluator.UNDECIDED;
        }
        if (a == null || b == null) {
            return a;
        }
        Integer order = evaluator.order(a, b);
        return order == null ? Evaluator.UNDECIDED : order == 0 ? null : a;
    }

    private static Object count(List<Object> args, boolean nulls) {
        if (args.contains(Evaluator.UNDECIDED)) {
            return Evaluator.UNDECIDED;
        }
        long n = args.stream().filter(a -> (a == null) == nulls).count();
        return BigDecimal.valueOf(n);
    }
}
