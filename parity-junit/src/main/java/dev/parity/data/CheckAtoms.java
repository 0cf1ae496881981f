package dev.parity.data;

import dev.parity.data.check.Evaluator;
import dev.parity.data.check.Exactness;
import dev.parity.data.check.Expr;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one atom of a CHECK ({@code qty > 0}, {@code kind IN (...)}, {@code char_length(code) <= 10},
 * {@code code LIKE 'https://%'}, {@code ends_on >= starts_on}, {@code x IS NOT NULL}) asks of the columns it
 * names, put into their {@link ColumnDomain}s. An atom read as a {@link Capture#LIMIT} is met by any value
 * within the column's limits; a {@link Capture#SHAPE} steers values towards meeting it, and the row is checked;
 * an atom read as {@link Capture#NONE} only checks.
 */
final class CheckAtoms {

    /** How far an atom's meaning is in the domain. */
    enum Capture {
        LIMIT,
        SHAPE,
        NONE
    }

    private static final Set<String> LENGTHS = Set.of("length", "char_length", "character_length");
    private static final Set<String> CASES = Set.of("upper", "ucase", "lower", "lcase");
    private static final Set<String> TEXT_CASTS =
            Set.of(
                    "text",
                    "varchar",
                    "character varying",
                    "char",
                    "character",
                    "bpchar",
                    "citext",
                    "name");
    private static final Set<String> NUMBER_CASTS =
            Set.of(
                    "numeric",
                    "decimal",
                    "integer",
                    "int",
                    "int2",
                    "int4",
                    "int8",
                    "smallint",
                    "bigint",
                    "real",
                    "double precision",
                    "float4",
                    "float8");

    private final TableInfo table;
    private final Evaluator evaluator;
    private final ValueSyntax syntax;
    private final ZoneId sessionZone;

    /** @param evaluator folds constants ({@code now() - '18 years'::interval}) */
    CheckAtoms(TableInfo table, Evaluator evaluator, ValueSyntax syntax, ZoneId sessionZone) {
        this.table = table;
        this.evaluator = evaluator;
        this.syntax = syntax;
        this.sessionZone = sessionZone;
    }

    /** Puts what {@code atom} asks into {@code domains} (by column) and {@code relations}. */
    Capture read(
            Expr atom,
            Map<String, ColumnDomain.Builder> domains,
            List<ColumnDomain.Relation> relations) {
        if (atom instanceof Expr.IsNull isNull && column(isNull.operand()) != null) {
            domains.computeIfAbsent(
                            column(isNull.operand()).name(), c -> new ColumnDomain.Builder())
                    .nullness(
                            isNull.negated()
                                    ? ColumnDomain.Nullness.NOT_NULL
                                    : ColumnDomain.Nullness.NULL);
            return isNull.negated() ? Capture.LIMIT : Capture.SHAPE;
        }
        if (atom instanceof Expr.Compare compare) {
            return compare(compare, domains, relations);
        }
        if (atom instanceof Expr.In in && !in.items().isEmpty()) {
            return in(in, domains);
        }
        if (atom instanceof Expr.Like like
                && !like.negated()
                && !like.caseInsensitive()
                && column(like.operand()) != null) {
            Optional<Object> pattern = evaluator.constant(like.pattern());
            ColumnInfo column = column(like.operand());
            if (pattern.isPresent()
                    && pattern.get() instanceof String text
                    && column.type().isText()) {
                domain(domains, column).like(text);
                return Capture.SHAPE;
            }
        }
        if (atom instanceof Expr.Regex regex
                && !regex.negated()
                && column(regex.operand()) != null) {
            Optional<Object> pattern = evaluator.constant(regex.pattern());
            ColumnInfo column = column(regex.operand());
            if (pattern.isPresent()
                    && pattern.get() instanceof String text
                    && column.type().isText()) {
                domain(domains, column).regex(text);
                return Capture.SHAPE;
            }
        }
        return Capture.NONE;
    }

    private Capture compare(
            Expr.Compare compare,
            Map<String, ColumnDomain.Builder> domains,
            List<ColumnDomain.Relation> relations) {
        Expr.Op op = compare.op();
        ColumnInfo left = column(compare.left());
        ColumnInfo right = column(compare.right());
        if (left != null && right != null) {
            return relation(left, op, right, relations);
        }
        if (left == null && right != null) {
            return compare(
                    new Expr.Compare(compare.right(), op.flipped(), compare.left()),
                    domains,
                    relations);
        }
        if (left != null) {
            Optional<Object> constant = evaluator.constant(compare.right());
            return constant.isEmpty()
                    ? Capture.NONE
                    : bound(
                            left,
                            op,
                            constant.get(),
                            Exactness.readsClock(compare.right()),
                            domain(domains, left));
        }
        // f(column) op constant: a length, or a case-folded value
        Optional<Object> constant = evaluator.constant(compare.right());
        if (constant.isEmpty() && evaluator.constant(compare.left()).isPresent()) {
            return compare(
                    new Expr.Compare(compare.right(), op.flipped(), compare.left()),
                    domains,
                    relations);
        }
        if (constant.isEmpty()
                || !(compare.left() instanceof Expr.Call call)
                || call.args().size() != 1
                || column(call.args().get(0)) == null) {
            return Capture.NONE;
        }
        ColumnInfo column = column(call.args().get(0));
        if (LENGTHS.contains(call.name()) && column.type().isText()) {
            BigDecimal n = number(constant.get());
            if (n == null || n.scale() > 0 && n.stripTrailingZeros().scale() > 0) {
                return Capture.NONE;
            }
            int length = n.intValue();
            ColumnLimits limits =
                    switch (op) {
                        case GT -> ColumnLimits.NONE.withMinLength(length + 1);
                        case GE -> ColumnLimits.NONE.withMinLength(length);
                        case LT -> ColumnLimits.NONE.withMaxLength(Math.max(0, length - 1));
                        case LE -> ColumnLimits.NONE.withMaxLength(length);
                        case EQ -> ColumnLimits.NONE.withMinLength(length).withMaxLength(length);
                        default -> null;
                    };
            if (limits == null) {
                return Capture.NONE;
            }
            domain(domains, column).limits(limits);
            return Capture.LIMIT;
        }
        if (CASES.contains(call.name())
                && op == Expr.Op.EQ
                && constant.get() instanceof String value
                && column.type().isText()) {
            domain(domains, column)
                    .limits(ColumnLimits.NONE.withAllowed(folded(call.name(), List.of(value))));
            return Capture.SHAPE;
        }
        return Capture.NONE;
    }

    private Capture relation(
            ColumnInfo left, Expr.Op op, ColumnInfo right, List<ColumnDomain.Relation> relations) {
        if (left.name().equals(right.name())
                || !RelatedValues.comparable(left.type(), right.type()) && op != Expr.Op.EQ) {
            return Capture.NONE;
        }
        String written =
                switch (op) {
                    case GT -> ">";
                    case GE -> ">=";
                    case LT -> "<";
                    case LE -> "<=";
                    case EQ -> left.type().kind() == right.type().kind() ? "=" : null;
                    default -> null;
                };
        if (written == null) {
            return Capture.NONE;
        }
        relations.add(new ColumnDomain.Relation(left.name(), written, right.name()));
        return Capture.SHAPE;
    }

    /** {@code column op constant}, by what the column holds. */
    private Capture bound(
            ColumnInfo column,
            Expr.Op op,
            Object constant,
            boolean clock,
            ColumnDomain.Builder domain) {
        if (constant == null) {
            return Capture.NONE;
        }
        ColumnType type = column.type();
        switch (TypedValues.kind(type)) {
            case NUMBER -> {
                BigDecimal n = number(constant);
                if (n == null) {
                    return Capture.NONE;
                }
                switch (op) {
                    case GT -> domain.limits(ColumnLimits.NONE.withMin(n, true));
                    case GE -> domain.limits(ColumnLimits.NONE.withMin(n, false));
                    case LT -> domain.limits(ColumnLimits.NONE.withMax(n, true));
                    case LE -> domain.limits(ColumnLimits.NONE.withMax(n, false));
                    case EQ ->
                            domain.limits(
                                    ColumnLimits.NONE.withAllowed(List.of(n.toPlainString())));
                    case NE -> {
                        domain.exclude(n.toPlainString());
                        return Capture.SHAPE;
                    }
                    default -> {
                        return Capture.NONE;
                    }
                }
                return Capture.LIMIT;
            }
            case BOOLEAN -> {
                Boolean value =
                        constant instanceof Boolean b
                                ? b
                                : constant instanceof BigDecimal n
                                        ? (Boolean) (n.signum() != 0)
                                        : null;
                if (value == null || op != Expr.Op.EQ && op != Expr.Op.NE) {
                    return Capture.NONE;
                }
                boolean wanted = op == Expr.Op.EQ ? value : !value;
                domain.limits(ColumnLimits.NONE.withAllowed(List.of(syntax.bool(wanted))));
                return Capture.LIMIT;
            }
            case TEMPORAL -> {
                return temporal(column, op, constant, clock, domain);
            }
            default -> {
                if (!(constant instanceof String text)) {
                    return Capture.NONE;
                }
                if (op == Expr.Op.EQ && (type.isText() || type.kind() == ColumnType.Kind.ENUM)) {
                    domain.limits(ColumnLimits.NONE.withAllowed(List.of(text)));
                    return Capture.LIMIT;
                }
                if (op == Expr.Op.NE && text.isEmpty() && type.isText()) {
                    domain.limits(ColumnLimits.NONE.withMinLength(1));
                    return Capture.LIMIT;
                }
                if (op == Expr.Op.NE) {
                    domain.exclude(text);
                    return Capture.SHAPE;
                }
                return Capture.NONE;
            }
        }
    }

    /**
     * A date or timestamp bound, as the column's wall time. A bound that moves with the clock ({@code > now()})
     * keeps a day's margin below it, so that it still holds when the rows are written.
     */
    private Capture temporal(
            ColumnInfo column,
            Expr.Op op,
            Object constant,
            boolean clock,
            ColumnDomain.Builder domain) {
        LocalDateTime at = wallTime(column.type(), constant);
        if (at == null) {
            return Capture.NONE;
        }
        boolean date = column.type().kind() == ColumnType.Kind.DATE;
        if (clock && (op == Expr.Op.GT || op == Expr.Op.GE)) {
            at = at.plusDays(1);
        }
        switch (op) {
            case GT ->
                    domain.limits(
                            ColumnLimits.NONE.withEarliest(
                                    date
                                            ? at.toLocalDate().plusDays(1).atStartOfDay()
                                            : at.plusSeconds(1)));
            case GE -> domain.limits(ColumnLimits.NONE.withEarliest(at));
            case LT ->
                    domain.limits(
                            ColumnLimits.NONE.withLatest(
                                    date ? ceilingDay(at).minusDays(1) : at.minusSeconds(1)));
            case LE ->
                    domain.limits(
                            ColumnLimits.NONE.withLatest(
                                    date ? at.toLocalDate().atStartOfDay() : at));
            default -> {
                return Capture.NONE;
            }
        }
        return clock ? Capture.SHAPE : Capture.LIMIT;
    }

    /** The first midnight at or after {@code at}. */
    private static LocalDateTime ceilingDay(LocalDateTime at) {
        LocalDateTime midnight = at.toLocalDate().atStartOfDay();
        return midnight.equals(at) ? midnight : midnight.plusDays(1);
    }

    /** A constant as the column's values are written: a zoned one in UTC where literals take offsets, else in the session's zone. */
    private LocalDateTime wallTime(ColumnType type, Object constant) {
        Object value = constant instanceof String text ? parseTemporal(text) : constant;
        ZoneId zone =
                type.kind() == ColumnType.Kind.TIMESTAMP_TZ && syntax.zonesInLiterals()
                        ? ZoneOffset.UTC
                        : sessionZone;
        if (value instanceof LocalDate date) {
            return type.kind() == ColumnType.Kind.TIMESTAMP_TZ && syntax.zonesInLiterals()
                    ? date.atStartOfDay(sessionZone)
                            .withZoneSameInstant(ZoneOffset.UTC)
                            .toLocalDateTime()
                    : date.atStartOfDay();
        }
        if (value instanceof LocalDateTime at) {
            return type.kind() == ColumnType.Kind.TIMESTAMP_TZ && syntax.zonesInLiterals()
                    ? at.atZone(sessionZone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : at;
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, zone);
        }
        return null;
    }

    private Object parseTemporal(String text) {
        Object parsed =
                evaluator
                        .constant(
                                new Expr.Cast(
                                        new Expr.Literal(text),
                                        text.strip().length() == 10 ? "date" : "timestamp"))
                        .orElse(null);
        return parsed == Evaluator.UNDECIDED ? null : parsed;
    }

    private Capture in(Expr.In in, Map<String, ColumnDomain.Builder> domains) {
        List<Object> items = new ArrayList<>();
        for (Expr item : in.items()) {
            Optional<Object> constant = evaluator.constant(item);
            if (constant.isEmpty() || constant.get() == null) {
                return Capture.NONE;
            }
            items.add(constant.get());
        }
        ColumnInfo column = column(in.operand());
        if (column == null) {
            if (in.operand() instanceof Expr.Call call
                    && CASES.contains(call.name())
                    && call.args().size() == 1
                    && column(call.args().get(0)) != null
                    && !in.negated()
                    && items.stream().allMatch(String.class::isInstance)) {
                ColumnInfo folded = column(call.args().get(0));
                if (folded.type().isText()) {
                    domain(domains, folded)
                            .limits(
                                    ColumnLimits.NONE.withAllowed(
                                            folded(
                                                    call.name(),
                                                    items.stream()
                                                            .map(String.class::cast)
                                                            .toList())));
                    return Capture.SHAPE;
                }
            }
            return Capture.NONE;
        }
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            String text = textOf(column.type(), item);
            if (text == null) {
                return Capture.NONE;
            }
            values.add(text);
        }
        if (in.negated()) {
            values.forEach(domain(domains, column)::exclude);
            return Capture.SHAPE;
        }
        domain(domains, column).limits(ColumnLimits.NONE.withAllowed(values));
        return TypedValues.kind(column.type()) == Exactness.Kind.TEMPORAL
                ? Capture.SHAPE
                : Capture.LIMIT;
    }

    /** A list item in the column's text form, or null when it is not one the column holds. */
    private String textOf(ColumnType type, Object item) {
        return switch (TypedValues.kind(type)) {
            case NUMBER -> {
                BigDecimal n = number(item);
                yield n == null ? null : n.toPlainString();
            }
            case BOOLEAN -> item instanceof Boolean b ? syntax.bool(b) : null;
            case TEMPORAL ->
                    item instanceof String s
                            ? s
                            : item instanceof LocalDate d ? d.toString() : null;
            default ->
                    item instanceof String s
                            ? s
                            : item instanceof BigDecimal n ? n.toPlainString() : null;
        };
    }

    /** The values of a list that a case function leaves as they are: {@code upper(x) IN ('M', 'f')} is met by 'M' (and by 'm', which the row check confirms). */
    private static List<String> folded(String function, List<String> values) {
        boolean upper = function.startsWith("u");
        return values.stream()
                .filter(
                        v ->
                                (upper ? v.toUpperCase(Locale.ROOT) : v.toLowerCase(Locale.ROOT))
                                        .equals(v))
                .toList();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal n) {
            return n;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return value instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : null;
    }

    private static ColumnDomain.Builder domain(
            Map<String, ColumnDomain.Builder> domains, ColumnInfo column) {
        return domains.computeIfAbsent(column.name(), c -> new ColumnDomain.Builder());
    }

    /** The column an expression is, seeing through casts that keep its kind of value ({@code (code)::text}). */
    private ColumnInfo column(Expr expr) {
        if (expr instanceof Expr.Column column) {
            return table.column(column.name()).orElse(null);
        }
        if (expr instanceof Expr.Cast cast) {
            ColumnInfo inner = column(cast.operand());
            if (inner == null) {
                return null;
            }
            Exactness.Kind kind = TypedValues.kind(inner.type());
            boolean keeps =
                    kind == Exactness.Kind.TEXT && TEXT_CASTS.contains(cast.type())
                            || kind == Exactness.Kind.NUMBER && NUMBER_CASTS.contains(cast.type())
                            || inner.type().kind() == ColumnType.Kind.ENUM
                                    && TEXT_CASTS.contains(cast.type());
            return keeps ? inner : null;
        }
        return null;
    }
}
