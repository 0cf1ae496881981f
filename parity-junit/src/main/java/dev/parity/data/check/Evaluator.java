package dev.parity.data.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * Evaluates an {@link Expr} on one row as SQL does, with three-valued logic: a CHECK holds unless its
 * condition is FALSE. What it cannot evaluate (a user's function, an opaque part, a value it cannot read)
 * is {@link #UNDECIDED}, which AND and OR still decide where the other side does ({@code FALSE AND ?} is
 * FALSE). Values: {@code null}, {@link String}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate},
 * {@link LocalDateTime} (a timestamp without zone), {@link Instant} (with zone) and {@link Interval}.
 * Immutable and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Evaluator {

    /** A value or truth the evaluator cannot know. */
    public static final Object UNDECIDED =
            new Object() {
                @Override
                public String toString() {
                    return "UNDECIDED";
                }
            };

    /** One row's values by column name: typed values, or {@link #UNDECIDED} for a column whose value is not known. */
    @FunctionalInterface
    public interface Row {
        Object value(String column);
    }

    /** What a condition comes to on a row. */
    public enum Truth {
        TRUE,
        FALSE,
        UNKNOWN,
        UNDECIDED;

        /** Whether a CHECK with this condition lets the row in: anything but FALSE. */
        public boolean passes() {
            return this != FALSE;
        }
    }

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd[[' ']['T']HH:mm[:ss]]")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);
    private static final Pattern OFFSET = Pattern.compile(".*(?:[+-]\\d{2}(?::?\\d{2}){0,2}|Z)$");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern MODIFIERS = Pattern.compile("\\s*\\(.*\\)$");
    private static final Map<String, String> CAST_TYPES = new ConcurrentHashMap<>();

    private final Instant now;
    private final ZoneId zone;

    /**
     * @param now  what {@code now()} and {@code current_date} are
     * @param zone the session's zone: how timestamps without a zone and instants compare
     */
    public Evaluator(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Whether the CHECK with condition {@code condition} lets {@code row} in. */
    public Truth test(Expr condition, Row row) {
        return truth(evaluate(condition, row));
    }

    /** The value of {@code expr} on {@code row}. */
    public Object evaluate(Expr expr, Row row) {
        return expr.accept(new Visit(row));
    }

    /** The value of an expression that mentions no column ({@code now() - '18 years'::interval}), or empty. */
    public Optional<Object> constant(Expr expr) {
        if (!expr.columns().isEmpty()) {
            return Optional.empty();
        }
        Object value = evaluate(expr, column -> UNDECIDED);
        return value == UNDECIDED ? Optional.empty() : Optional.ofNullable(value);
    }

    public static Truth truth(Object value) {
        if (value == UNDECIDED) {
            return Truth.UNDECIDED;
        }
        if (value == null) {
            return Truth.UNKNOWN;
        }
        Boolean bool = asBoolean(value);
        return bool == null ? Truth.UNDECIDED : bool ? Truth.TRUE : Truth.FALSE;
    }

    private final class Visit implements Expr.Visitor<Object> {

        private final Row row;

        Visit(Row row) {
            this.row = row;
        }

        private Object eval(Expr expr) {
            return expr.accept(this);
        }

        @Override
        public Object column(Expr.Column column) {
            return row.value(column.name());
        }

        @Override
        public Object literal(Expr.Literal literal) {
            return literal.value();
        }

        @Override
        public Object call(Expr.Call call) {
            List<Object> args = new ArrayList<>();
            for (Expr arg : call.args()) {
                args.add(eval(arg));
            }
            return Functions.call(call.name(), args, Evaluator.this);
        }

        @Override
        public Object cast(Expr.Cast cast) {
            Object value = eval(cast.operand());
            return value == UNDECIDED || value == null
                    ? value
                    : Evaluator.this.cast(value, cast.type());
        }

        @Override
        public Object compare(Expr.Compare compare) {
            Object left = eval(compare.left());
            Object right = eval(compare.right());
            if (left == UNDECIDED || right == UNDECIDED) {
                return UNDECIDED;
            }
            if (compare.op() == Expr.Op.DISTINCT || compare.op() == Expr.Op.NOT_DISTINCT) {
                boolean same;
                if (left == null || right == null) {
                    same = left == right;
                } else {
                    Integer order = order(left, right);
                    if (order == null) {
                        return UNDECIDED;
                    }
                    same = order == 0;
                }
                return compare.op() == Expr.Op.DISTINCT ? !same : same;
            }
            if (left == null || right == null) {
                return null;
            }
            Integer order = order(left, right);
            if (order == null) {
                return UNDECIDED;
            }
            return switch (compare.op()) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
                default -> UNDECIDED;
            };
        }

        @Override
        public Object arithmetic(Expr.Arithmetic arithmetic) {
            Object left = eval(arithmetic.left());
            Object right = eval(arithmetic.right());
            if (left == UNDECIDED || right == UNDECIDED) {
                return UNDECIDED;
            }
            if (left == null || right == null) {
                return null;
            }
            return Evaluator.this.arithmetic(left, arithmetic.op(), right);
        }

        @Override
        public Object negate(Expr.Negate negate) {
            Object value = eval(negate.operand());
            if (value == null || value == UNDECIDED) {
                return value;
            }
            BigDecimal number = asNumber(value);
            if (number != null) {
                return number.negate();
            }
            return value instanceof Interval interval ? interval.negated() : UNDECIDED;
        }

        @Override
        public Object and(Expr.And and) {
            boolean unknown = false;
            boolean undecided = false;
            for (Expr operand : and.operands()) {
                Truth truth = truth(eval(operand));
                if (truth == Truth.FALSE) {
                    return false;
                }
                unknown |= truth == Truth.UNKNOWN;
                undecided |= truth == Truth.UNDECIDED;
            }
            return undecided ? UNDECIDED : unknown ? null : Boolean.TRUE;
        }

        @Override
        public Object or(Expr.Or or) {
            boolean unknown = false;
            boolean undecided = false;
            for (Expr operand : or.operands()) {
                Truth truth = truth(eval(operand));
                if (truth == Truth.TRUE) {
                    return true;
                }
                unknown |= truth == Truth.UNKNOWN;
                undecided |= truth == Truth.UNDECIDED;
            }
            return undecided ? UNDECIDED : unknown ? null : Boolean.FALSE;
        }

        @Override
        public Object not(Expr.Not not) {
            return switch (truth(eval(not.operand()))) {
                case TRUE -> false;
                case FALSE -> true;
                case UNKNOWN -> null;
                case UNDECIDED -> UNDECIDED;
            };
        }

        @Override
        public Object isNull(Expr.IsNull isNull) {
            Object value = eval(isNull.operand());
            return value == UNDECIDED ? UNDECIDED : (value == null) != isNull.negated();
        }

        @Override
        public Object isBoolean(Expr.IsBoolean isBoolean) {
            Truth truth = truth(eval(isBoolean.operand()));
            if (truth == Truth.UNDECIDED) {
                return UNDECIDED;
            }
            boolean is = truth == (isBoolean.value() ? Truth.TRUE : Truth.FALSE);
            return is != isBoolean.negated();
        }

        @Override
        public Object in(Expr.In in) {
            Object value = eval(in.operand());
            if (value == UNDECIDED) {
                return UNDECIDED;
            }
            boolean unknown = value == null;
            boolean undecided = false;
            if (!unknown) {
                for (Expr item : in.items()) {
                    Object candidate = eval(item);
                    if (candidate == UNDECIDED) {
                        undecided = true;
                        continue;
                    }
                    if (candidate == null) {
                        unknown = true;
                        continue;
                    }
                    Integer order = order(value, candidate);
                    if (order == null) {
                        undecided = true;
                    } else if (order == 0) {
                        return !in.negated();
                    }
                }
            }
            return undecided ? UNDECIDED : unknown ? null : in.negated();
        }

        @Override
        public Object between(Expr.Between between) {
            Expr within =
                    new Expr.And(
                            List.of(
                                    new Expr.Compare(between.operand(), Expr.Op.GE, between.low()),
                                    new Expr.Compare(
                                            between.operand(), Expr.Op.LE, between.high())));
            Object result = eval(within);
            return between.negated() ? negateTruth(result) : result;
        }

        @Override
        public Object like(Expr.Like like) {
            return match(
                    eval(like.operand()),
                    eval(like.pattern()),
                    like.caseInsensitive(),
                    like.negated(),
                    true);
        }

        @Override
        public Object regex(Expr.Regex regex) {
            return match(
                    eval(regex.operand()),
                    eval(regex.pattern()),
                    regex.caseInsensitive(),
                    regex.negated(),
                    false);
        }

        @Override
        public Object caseOf(Expr.Case caseExpr) {
            Object operand = caseExpr.operand() == null ? null : eval(caseExpr.operand());
            if (operand == UNDECIDED) {
                return UNDECIDED;
            }
            for (Expr.When when : caseExpr.whens()) {
                Object condition = eval(when.condition());
                if (condition == UNDECIDED) {
                    return UNDECIDED;
                }
                boolean taken;
                if (caseExpr.operand() == null) {
                    taken = truth(condition) == Truth.TRUE;
                } else {
                    Integer order =
                            operand == null || condition == null ? null : order(operand, condition);
                    if (operand != null && condition != null && order == null) {
                        return UNDECIDED;
                    }
                    taken = order != null && order == 0;
                }
                if (taken) {
                    return eval(when.result());
                }
            }
            return caseExpr.otherwise() == null ? null : eval(caseExpr.otherwise());
        }

        @Override
        public Object opaque(Expr.Opaque opaque) {
            return UNDECIDED;
        }
    }

    private static Object negateTruth(Object result) {
        return result == UNDECIDED || result == null ? result : !(Boolean) result;
    }

    /** LIKE (with backslash as its escape, as both engines have it) or a regular-expression search. */
    private static Object match(
            Object value, Object pattern, boolean caseInsensitive, boolean negated, boolean like) {
        if (value == UNDECIDED || pattern == UNDECIDED) {
            return UNDECIDED;
        }
        if (value == null || pattern == null) {
            return null;
        }
        String text = asText(value);
        String regex =
                like ? likeToRegex(asText(pattern)) : RegexTranslation.toJava(asText(pattern));
        if (regex == null) {
            return UNDECIDED;
        }
        Pattern compiled;
        try {
            compiled =
                    PATTERNS.computeIfAbsent(
                            (caseInsensitive ? "i:" : "c:") + regex,
                            k ->
                                    Pattern.compile(
                                            regex,
                                            (caseInsensitive
                                                            ? Pattern.CASE_INSENSITIVE
                                                                    | Pattern.UNICODE_CASE
                                                            : 0)
                                                    | Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            return UNDECIDED;
        }
        boolean found = like ? compiled.matcher(text).matches() : compiled.matcher(text).find();
        return found != negated;
    }

    /** A LIKE pattern as a Java regular expression: {@code %} any characters, {@code _} one, {@code \} escapes. */
    public static String likeToRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** How two non-null values order, after SQL's implicit conversions; null when they do not compare. */
    Integer order(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return Integer.signum(s.compareTo(t));
        }
        BigDecimal x = asNumber(a);
        BigDecimal y = asNumber(b);
        if (x != null && y != null && (isNumeric(a) || isNumeric(b))) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Boolean p = asBoolean(a);
            Boolean q = asBoolean(b);
            return p == null || q == null ? null : Boolean.compare(p, q);
        }
        if (isTemporal(a) || isTemporal(b)) {
            Instant p = asInstant(a);
            Instant q = asInstant(b);
            return p == null || q == null ? null : Integer.signum(p.compareTo(q));
        }
        if (a instanceof Interval p && b instanceof Interval q) {
            return Long.compare(approximateMicros(p), approximateMicros(q));
        }
        return null;
    }

    private static long approximateMicros(Interval interval) {
        return (interval.months() * 30 + interval.days()) * 86_400_000_000L + interval.micros();
    }

    private static boolean isNumeric(Object value) {
        return value instanceof BigDecimal;
    }

    private static boolean isTemporal(Object value) {
        return value instanceof LocalDate
                || value instanceof LocalDateTime
                || value instanceof Instant;
    }

    Object arithmetic(Object left, char op, Object right) {
        if (op == '|') {
            return asText(left) + asText(right);
        }
        if (isTemporal(left) || isTemporal(right)) {
            return temporalArithmetic(left, op, right);
        }
        BigDecimal x = asNumber(left);
        BigDecimal y = asNumber(right);
        if (x == null || y == null) {
            if (left instanceof Interval p
                    && right instanceof Interval q
                    && (op == '+' || op == '-')) {
                Interval r = op == '+' ? q : q.negated();
                return new Interval(
                        p.months() + r.months(), p.days() + r.days(), p.micros() + r.micros());
            }
            return UNDECIDED;
        }
        return switch (op) {
            case '+' -> x.add(y);
            case '-' -> x.subtract(y);
            case '*' -> x.multiply(y);
            case '/' -> y.signum() == 0 ? UNDECIDED : x.divide(y, MathContext.DECIMAL64);
            case '%' -> y.signum() == 0 ? UNDECIDED : x.remainder(y);
            default -> UNDECIDED;
        };
    }

    private Object temporalArithmetic(Object left, char op, Object right) {
        if (right instanceof Interval interval && (op == '+' || op == '-')) {
            Interval by = op == '+' ? interval : interval.negated();
            if (left instanceof LocalDate date) {
                return by.addTo(date.atStartOfDay());
            }
            if (left instanceof LocalDateTime at) {
                return by.addTo(at);
            }
            if (left instanceof Instant instant) {
                return by.addTo(LocalDateTime.ofInstant(instant, zone)).atZone(zone).toInstant();
            }
        }
        if (left instanceof Interval interval && op == '+') {
            return temporalArithmetic(right, op, interval);
        }
        if (left instanceof LocalDate date && asNumber(right) != null && (op == '+' || op == '-')) {
            long days = asNumber(right).longValue();
            return op == '+' ? date.plusDays(days) : date.minusDays(days);
        }
        if (op == '-' && left instanceof LocalDate a && right instanceof LocalDate b) {
            return BigDecimal.valueOf(ChronoUnit.DAYS.between(b, a));
        }
        if (op == '-' && isTemporal(left) && isTemporal(right)) {
            Instant a = asInstant(left);
            Instant b = asInstant(right);
            if (a == null || b == null) {
                return UNDECIDED;
            }
            long micros = ChronoUnit.MICROS.between(b, a);
            return new Interval(0, micros / 86_400_000_000L, micros % 86_400_000_000L);
        }
        return UNDECIDED;
    }

    /** A cast's type without its modifiers ("numeric(10, 2)" → "numeric"), once per spelling: casts run per row. */
    private static String withoutModifiers(String type) {
        return type.endsWith("[]") ? type : MODIFIERS.matcher(type).replaceAll("").strip();
    }

    /** {@code value} cast to {@code type}; types Parity does not know (enums, domains) leave it as it is. */
    Object cast(Object value, String type) {
        String t =
                CAST_TYPES.size() < 1_000 // spellings come from schemas: a bound all the same
                        ? CAST_TYPES.computeIfAbsent(type, Evaluator::withoutModifiers)
                        : withoutModifiers(type);
        switch (t) {
            case "text",
                    "varchar",
                    "character varying",
                    "char",
                    "character",
                    "bpchar",
                    "name",
                    "citext",
                    "nvarchar",
                    "nchar" -> {
                return asText(value);
            }
            case "integer",
                    "int",
                    "int2",
                    "int4",
                    "int8",
                    "smallint",
                    "bigint",
                    "signed",
                    "unsigned",
                    "signed integer",
                    "unsigned integer" -> {
                BigDecimal number = asNumber(value);
                return number == null ? UNDECIDED : number.setScale(0, RoundingMode.HALF_UP);
            }
            case "numeric",
                    "decimal",
                    "real",
                    "double precision",
                    "float4",
                    "float8",
                    "float",
                    "double",
                    "money" -> {
                BigDecimal number = asNumber(value);
                return number == null ? UNDECIDED : number;
            }
            case "boolean", "bool" -> {
                Boolean bool = asBoolean(value);
                return bool == null ? UNDECIDED : bool;
            }
            case "date" -> {
                Object date = asTemporal(value);
                if (date instanceof LocalDateTime at) {
                    return at.toLocalDate();
                }
                if (date instanceof Instant instant) {
                    return LocalDateTime.ofInstant(instant, zone).toLocalDate();
                }
                return date == null ? UNDECIDED : date;
            }
            case "timestamp", "timestamp without time zone", "datetime" -> {
                Object at = asTemporal(value);
                if (at instanceof LocalDate date) {
                    return date.atStartOfDay();
                }
                if (at instanceof Instant instant) {
                    return LocalDateTime.ofInstant(instant, zone);
                }
                return at == null ? UNDECIDED : at;
            }
            case "timestamptz", "timestamp with time zone" -> {
                Instant instant = asInstant(value);
                return instant == null ? UNDECIDED : instant;
            }
            case "interval" -> {
                return value instanceof Interval
                        ? value
                        : Interval.parse(asText(value)).<Object>map(i -> i).orElse(UNDECIDED);
            }
            default -> {
                return value;
            }
        }
    }

    static String asText(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof LocalDateTime at) {
            return at.toString().replace('T', ' ');
        }
        return String.valueOf(value);
    }

    static BigDecimal asNumber(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean asBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigDecimal number) {
            return number.signum() != 0;
        }
        if (value instanceof String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "t", "true", "y", "yes", "on", "1" -> true;
                case "f", "false", "n", "no", "off", "0" -> false;
                default -> null;
            };
        }
        return null;
    }

    /** A date, timestamp or instant, or a text spelling one; null when it is none. */
    Object asTemporal(Object value) {
        if (isTemporal(value)) {
            return value;
        }
        if (!(value instanceof String text)) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t);
            }
            if (OFFSET.matcher(t).matches()) {
                String iso = t.replace(' ', 'T');
                iso = iso.replaceAll("([+-]\\d{2})$", "$1:00");
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(t, TIMESTAMP);
        } catch (DateTimeException e) {
            return null;
        }
    }

    Instant asInstant(Object value) {
        Object temporal = asTemporal(value);
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof LocalDateTime at) {
            return at.atZone(zone).toInstant();
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
        return null;
    }

    /** What {@code now()} is. */
    public Instant now() {
        return now;
    }

    /** The session's zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The same evaluator with its clock {@code seconds} later. */
    public Evaluator shifted(long seconds) {
        return new Evaluator(now.plusSeconds(seconds), zone);
    }

    /** A date part ({@code year}, {@code month}, ...) of a date, timestamp or instant, as {@code date_part} gives it. */
    Object datePart(String field, Object value) {
        Object temporal = asTemporal(value);
        if (temporal == null) {
            return UNDECIDED;
        }
        LocalDateTime at =
                temporal instanceof LocalDate date
                        ? date.atStartOfDay()
                        : temporal instanceof Instant instant
                                ? LocalDateTime.ofInstant(instant, zone)
                                : (LocalDateTime) temporal;
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "year", "years" -> BigDecimal.valueOf(at.getYear());
            case "month", "months" -> BigDecimal.valueOf(at.getMonthValue());
            case "day", "days" -> BigDecimal.valueOf(at.getDayOfMonth());
            case "hour", "hours" -> BigDecimal.valueOf(at.getHour());
            case "minute", "minutes" -> BigDecimal.valueOf(at.getMinute());
            case "second", "seconds" ->
                    BigDecimal.valueOf(at.getSecond())
                            .add(BigDecimal.valueOf(at.getNano(), 9))
                            .stripTrailingZeros();
            case "dow" -> BigDecimal.valueOf(at.getDayOfWeek().getValue() % 7);
            case "isodow" -> BigDecimal.valueOf(at.getDayOfWeek().getValue());
            case "doy" -> BigDecimal.valueOf(at.getDayOfYear());
            case "quarter" -> BigDecimal.valueOf((at.getMonthValue() + 2) / 3);
            case "week" -> BigDecimal.valueOf(at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "decade" -> BigDecimal.valueOf(Math.floorDiv(at.getYear(), 10));
            case "century" ->
                    BigDecimal.valueOf(
                            at.getYear() > 0
                                    ? (at.getYear() + 99) / 100
                                    : -((-at.getYear() + 99) / 100));
            case "epoch" -> BigDecimal.valueOf(asInstant(temporal).getEpochSecond());
            default -> UNDECIDED;
        };
    }

    static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
