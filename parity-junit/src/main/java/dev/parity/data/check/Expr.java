package dev.parity.data.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A CHECK constraint's condition as a tree, whatever engine printed it: what the {@link Evaluator} evaluates
 * on a row and the {@link Branches} split into ways of meeting it. A new kind of node does not compile until
 * both say what it means.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface Expr {

    /** A column of the table, by its name as the catalog spells it. */
    record Column(String name) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.column(this);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /**
     * A constant: {@code null}, a {@link String}, a {@link java.math.BigDecimal}, a {@link Boolean}, a
     * {@link java.time.LocalDate}, a {@link java.time.LocalDateTime}, an {@link java.time.Instant} or an {@link Interval}.
     */
    record Literal(Object value) implements Expr {

        public static final Literal NULL = new Literal(null);

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.literal(this);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** A function call, its name in lower case ({@code upper}, {@code char_length}, {@code num_nonnulls}, a user's own). */
    record Call(String name, List<Expr> args) implements Expr {

        public Call {
            args = List.copyOf(args);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.call(this);
        }

        @Override
        public List<Expr> children() {
            return args;
        }
    }

    /** {@code operand::type} or {@code CAST(operand AS type)}; {@code type} in lower case, without modifiers. */
    record Cast(Expr operand, String type) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.cast(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code left op right}. */
    record Compare(Expr left, Op op, Expr right) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.compare(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** {@code left op right} for {@code +}, {@code -}, {@code *}, {@code /}, {@code %} and {@code ||} (as {@code '|'}). */
    record Arithmetic(Expr left, char op, Expr right) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.arithmetic(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(left, right);
        }
    }

    /** {@code -operand}. */
    record Negate(Expr operand) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.negate(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    record And(List<Expr> operands) implements Expr {

        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.and(this);
        }

        @Override
        public List<Expr> children() {
            return operands;
        }
    }

    record Or(List<Expr> operands) implements Expr {

        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.or(this);
        }

        @Override
        public List<Expr> children() {
            return operands;
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.not(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Expr operand, boolean negated) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.isNull(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code operand IS [NOT] TRUE} or {@code IS [NOT] FALSE}: never unknown. */
    record IsBoolean(Expr operand, boolean value, boolean negated) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.isBoolean(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code operand [NOT] IN (items)}, also {@code = ANY (ARRAY[...])}. */
    record In(Expr operand, List<Expr> items, boolean negated) implements Expr {

        public In {
            items = List.copyOf(items);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.in(this);
        }

        @Override
        public List<Expr> children() {
            return Stream.concat(Stream.of(operand), items.stream()).toList();
        }
    }

    /** {@code operand [NOT] BETWEEN low AND high}. */
    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.between(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand, low, high);
        }
    }

    /** {@code operand [NOT] LIKE pattern} ({@code ILIKE}: case-insensitive). */
    record Like(Expr operand, Expr pattern, boolean caseInsensitive, boolean negated)
            implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.like(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand, pattern);
        }
    }

    /** A regular-expression match: PostgreSQL's {@code ~}, {@code ~*}, {@code !~}, MariaDB's {@code REGEXP}. */
    record Regex(Expr operand, Expr pattern, boolean caseInsensitive, boolean negated)
            implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.regex(this);
        }

        @Override
        public List<Expr> children() {
            return List.of(operand, pattern);
        }
    }

    /** {@code CASE [operand] WHEN ... THEN ... ELSE otherwise END}; {@code operand} null for a searched CASE. */
    record Case(Expr operand, List<When> whens, Expr otherwise) implements Expr {

        public Case {
            whens = List.copyOf(whens);
        }

        private List<Expr> caseChildren() {
            List<Expr> children = new ArrayList<>();
            if (operand != null) {
                children.add(operand);
            }
            whens.forEach(w -> children.addAll(List.of(w.condition(), w.result())));
            if (otherwise != null) {
                children.add(otherwise);
            }
            return children;
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.caseOf(this);
        }

        @Override
        public List<Expr> children() {
            return caseChildren();
        }
    }

    record When(Expr condition, Expr result) {}

    /** What Parity does not read (a subquery, an unknown construct), as printed: the server judges it. */
    record Opaque(String text) implements Expr {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.opaque(this);
        }

        @Override
        public List<Expr> children() {
            return List.of();
        }
    }

    /** A comparison operator. */
    enum Op {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        DISTINCT("IS DISTINCT FROM"),
        NOT_DISTINCT("IS NOT DISTINCT FROM");

        private final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        /** Its negation where the operands are not NULL: {@code NOT (a < b)} is {@code a >= b}. */
        public Op negated() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case LT -> GE;
                case LE -> GT;
                case GT -> LE;
                case GE -> LT;
                case DISTINCT -> NOT_DISTINCT;
                case NOT_DISTINCT -> DISTINCT;
            };
        }

        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }
    }

    /** Calls the visitor's method for this kind of node: a new kind does not compile until every visitor handles it. */
    <T> T accept(Visitor<T> visitor);

    /** One method per kind of node. */
    interface Visitor<T> {
        T column(Column column);

        T literal(Literal literal);

        T call(Call call);

        T cast(Cast cast);

        T compare(Compare compare);

        T arithmetic(Arithmetic arithmetic);

        T negate(Negate negate);

        T and(And and);

        T or(Or or);

        T not(Not not);

        T isNull(IsNull isNull);

        T isBoolean(IsBoolean isBoolean);

        T in(In in);

        T between(Between between);

        T like(Like like);

        T regex(Regex regex);

        T caseOf(Case caseExpr);

        T opaque(Opaque opaque);
    }

    /** The columns this expression mentions, in the order they appear. */
    default Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        collectColumns(this, columns);
        return columns;
    }

    /** The expressions directly below this one. */
    List<Expr> children();

    private static void collectColumns(Expr expr, Set<String> columns) {
        if (expr instanceof Column column) {
            columns.add(column.name());
        }
        expr.children().forEach(child -> collectColumns(child, columns));
    }
}
