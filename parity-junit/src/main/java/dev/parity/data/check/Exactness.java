package dev.parity.data.check;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Whether the {@link Evaluator}'s verdict on a condition is the server's: true unless the condition orders
 * text (collations differ), compares text where the server's collation may ignore case, matches a regular
 * expression (dialects differ), divides (PostgreSQL divides integers as integers), counts bytes (encodings
 * differ), or calls what the evaluator does not know. A condition that is not exact is judged by the server
 * before its rows are written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Exactness {

    /** What a value is, as far as comparing it goes. */
    public enum Kind {
        NUMBER,
        TEXT,
        TEMPORAL,
        BOOLEAN,
        OTHER
    }

    private static final Set<String> TEXT_FUNCTIONS =
            Set.of(
                    "lower",
                    "lcase",
                    "upper",
                    "ucase",
                    "btrim",
                    "trim",
                    "ltrim",
                    "rtrim",
                    "substr",
                    "substring",
                    "left",
                    "right",
                    "replace",
                    "reverse");
    private static final Set<String> TIME_FUNCTIONS =
            Set.of(
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

    private final Function<String, Kind> columns;
    private final boolean textEquality;

    /**
     * @param columns      what each column holds
     * @param textEquality whether the server's text equality is Java's (PostgreSQL's deterministic collations); false
     *                     where collations may ignore case or accents (MariaDB's {@code _ci})
     */
    public Exactness(Function<String, Kind> columns, boolean textEquality) {
        this.columns = columns;
        this.textEquality = textEquality;
    }

    public boolean exact(Expr expr) {
        if (expr instanceof Expr.Opaque || expr instanceof Expr.Regex) {
            return false;
        }
        if (expr instanceof Expr.Call call
                && (!Functions.known(call.name()) || call.name().equals("octet_length"))) {
            return false;
        }
        if (expr instanceof Expr.Arithmetic arithmetic && arithmetic.op() == '/') {
            return false;
        }
        if (expr instanceof Expr.Like && !textEquality) {
            return false;
        }
        if (expr instanceof Expr.Compare compare) {
            // enums and other types compare by their own rules (an enum's order is its labels')
            boolean text = textual(kind(compare.left())) && textual(kind(compare.right()));
            if (text && (compare.op().ordering() || !textEquality)) {
                return false;
            }
        }
        if (expr instanceof Expr.In in && !textEquality && textual(kind(in.operand()))) {
            return false;
        }
        return expr.children().stream().allMatch(this::exact);
    }

    private static boolean textual(Kind kind) {
        return kind == Kind.TEXT || kind == Kind.OTHER;
    }

    /** Whether {@code expr} reads the clock ({@code now()}, {@code current_date}): its verdict changes with time. */
    public static boolean readsClock(Expr expr) {
        if (expr instanceof Expr.Call call && TIME_FUNCTIONS.contains(call.name())) {
            return true;
        }
        return expr.children().stream().anyMatch(Exactness::readsClock);
    }

    /** What an expression gives, as far as can be told without a row. */
    public Kind kind(Expr expr) {
        if (expr instanceof Expr.Column column) {
            return columns.apply(column.name());
        }
        if (expr instanceof Expr.Literal literal) {
            Object value = literal.value();
            return value instanceof String
                    ? Kind.TEXT
                    : value instanceof BigDecimal
                            ? Kind.NUMBER
                            : value instanceof Boolean
                                    ? Kind.BOOLEAN
                                    : value instanceof LocalDate
                                                    || value instanceof LocalDateTime
                                                    || value instanceof Instant
                                            ? Kind.TEMPORAL
                                            : Kind.OTHER;
        }
        if (expr instanceof Expr.Cast cast) {
            return switch (cast.type()) {
                case "text",
                        "varchar",
                        "character varying",
                        "char",
                        "character",
                        "bpchar",
                        "name",
                        "citext" ->
                        Kind.TEXT;
                case "integer",
                        "int",
                        "int2",
                        "int4",
                        "int8",
                        "smallint",
                        "bigint",
                        "numeric",
                        "decimal",
                        "real",
                        "double precision",
                        "float4",
                        "float8",
                        "signed",
                        "unsigned" ->
                        Kind.NUMBER;
                case "date",
                        "timestamp",
                        "timestamptz",
                        "timestamp with time zone",
                        "timestamp without time zone",
                        "datetime" ->
                        Kind.TEMPORAL;
                case "boolean", "bool" -> Kind.BOOLEAN;
                default -> kind(cast.operand());
            };
        }
        if (expr instanceof Expr.Call call) {
            if (TEXT_FUNCTIONS.contains(call.name())) {
                return Kind.TEXT;
            }
            if (TIME_FUNCTIONS.contains(call.name())) {
                return Kind.TEMPORAL;
            }
            return call.name().equals("coalesce") && !call.args().isEmpty()
                    ? kind(call.args().get(0))
                    : Kind.OTHER;
        }
        if (expr instanceof Expr.Arithmetic arithmetic) {
            return arithmetic.op() == '|'
                    ? Kind.TEXT
                    : kind(arithmetic.left()) == Kind.TEMPORAL ? Kind.TEMPORAL : Kind.NUMBER;
        }
        if (expr instanceof Expr.Negate) {
            return Kind.NUMBER;
        }
        return Kind.OTHER;
    }
}
