package dev.parity.data.check;

import dev.parity.engine.sql.LocaleProofSql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.apiguardian.api.API;

/**
 * Reads a CHECK's condition, in the standard SQL an engine rewrites its own print into
 * ({@link dev.parity.engine.schema.TableInfo.Check#neutral()}), with JSqlParser, and turns JSqlParser's tree into an
 * {@link Expr}. It never fails: what it cannot read becomes an {@link Expr.Opaque} node (the whole condition
 * when it does not parse), which the server then judges.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CheckParser {

    private final Function<String, Optional<String>> columns;

    /**
     * @param columns the table's column an identifier names (its text as written, quotes included), or empty:
     *                an identifier that names no column makes its part of the condition opaque
     */
    public CheckParser(Function<String, Optional<String>> columns) {
        this.columns = columns;
    }

    public Expr parse(String condition) {
        try {
            // the same tree whatever the default locale
            return convert(
                    CCJSqlParserUtil.parseCondExpression(
                            LocaleProofSql.keywordsUpperCased(
                                    condition, word -> columns.apply(word).isPresent()),
                            false));
        } catch (JSQLParserException | RuntimeException e) {
            return new Expr.Opaque(condition);
        }
    }

    private Expr convert(Expression e) {
        if (e instanceof ParenthesedExpressionList<?> list) {
            return list.size() == 1 ? convert((Expression) list.get(0)) : opaque(e);
        }
        if (e instanceof AndExpression and) {
            List<Expr> operands = new ArrayList<>();
            flatten(convert(and.getLeftExpression()), operands, true);
            flatten(convert(and.getRightExpression()), operands, true);
            return new Expr.And(operands);
        }
        if (e instanceof OrExpression or) {
            List<Expr> operands = new ArrayList<>();
            flatten(convert(or.getLeftExpression()), operands, false);
            flatten(convert(or.getRightExpression()), operands, false);
            return new Expr.Or(operands);
        }
        if (e instanceof NotExpression not) {
            return new Expr.Not(convert(not.getExpression()));
        }
        if (e instanceof IsNullExpression isNull) {
            return new Expr.IsNull(convert(isNull.getLeftExpression()), isNull.isNot());
        }
        if (e instanceof IsBooleanExpression isBoolean) {
            return new Expr.IsBoolean(
                    convert(isBoolean.getLeftExpression()), isBoolean.isTrue(), isBoolean.isNot());
        }
        if (e instanceof IsDistinctExpression distinct) {
            return new Expr.Compare(
                    convert(distinct.getLeftExpression()),
                    distinct.isNot() ? Expr.Op.NOT_DISTINCT : Expr.Op.DISTINCT,
                    convert(distinct.getRightExpression()));
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (e instanceof Between between) {
            return new Expr.Between(
                    convert(between.getLeftExpression()),
                    convert(between.getBetweenExpressionStart()),
                    convert(between.getBetweenExpressionEnd()),
                    between.isNot());
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof RegExpMatchOperator match) {
            return switch (match.getOperatorType()) {
                case MATCH_CASESENSITIVE ->
                        new Expr.Regex(
                                convert(match.getLeftExpression()),
                                convert(match.getRightExpression()),
                                false,
                                false);
                case MATCH_CASEINSENSITIVE ->
                        new Expr.Regex(
                                convert(match.getLeftExpression()),
                                convert(match.getRightExpression()),
                                true,
                                false);
                case NOT_MATCH_CASESENSITIVE ->
                        new Expr.Regex(
                                convert(match.getLeftExpression()),
                                convert(match.getRightExpression()),
                                false,
                                true);
                case NOT_MATCH_CASEINSENSITIVE ->
                        new Expr.Regex(
                                convert(match.getLeftExpression()),
                                convert(match.getRightExpression()),
                                true,
                                true);
            };
        }
        Expr.Op op = comparison(e);
        if (op != null) {
            return comparison((BinaryExpression) e, op);
        }
        if (e instanceof net.sf.jsqlparser.schema.Column column) {
            return column(column);
        }
        if (e instanceof StringValue string) {
            return new Expr.Literal(string(string));
        }
        if (e instanceof LongValue number) {
            return new Expr.Literal(new BigDecimal(number.getStringValue()));
        }
        if (e instanceof DoubleValue number) {
            return new Expr.Literal(new BigDecimal(number.toString()));
        }
        if (e instanceof NullValue) {
            return Expr.Literal.NULL;
        }
        if (e instanceof BooleanValue bool) {
            return new Expr.Literal(bool.getValue());
        }
        if (e instanceof SignedExpression signed) {
            return switch (signed.getSign()) {
                case '-' -> new Expr.Negate(convert(signed.getExpression()));
                case '+' -> convert(signed.getExpression());
                default -> opaque(e);
            };
        }
        if (e instanceof CastExpression cast) {
            String type =
                    cast.getColDataType().getDataType().toLowerCase(Locale.ROOT).replace("\"", "");
            boolean array =
                    cast.getColDataType().getArrayData() != null
                            && !cast.getColDataType().getArrayData().isEmpty();
            return new Expr.Cast(convert(cast.getLeftExpression()), array ? type + "[]" : type);
        }
        if (e instanceof DateTimeLiteralExpression literal) {
            String text = literal.getValue();
            return new Expr.Cast(
                    new Expr.Literal(text.substring(1, text.length() - 1)),
                    literal.getType().name().toLowerCase(Locale.ROOT));
        }
        if (e instanceof IntervalExpression interval) {
            return interval(interval);
        }
        if (e instanceof TimeKeyExpression timeKey) {
            String key = timeKey.getStringValue().toLowerCase(Locale.ROOT).replace("()", "");
            return new Expr.Call(
                    key.equals("current_timestamp") || key.equals("localtimestamp") ? "now" : key,
                    List.of());
        }
        if (e instanceof TrimFunction trim) {
            return trim(trim);
        }
        if (e instanceof ExtractExpression extract) {
            return new Expr.Call(
                    "date_part",
                    List.of(
                            new Expr.Literal(extract.getName().toLowerCase(Locale.ROOT)),
                            convert(extract.getExpression())));
        }
        if (e instanceof net.sf.jsqlparser.expression.Function function) {
            return function(function);
        }
        if (e instanceof CaseExpression caseExpr) {
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClause when : caseExpr.getWhenClauses()) {
                whens.add(
                        new Expr.When(
                                convert(when.getWhenExpression()),
                                convert(when.getThenExpression())));
            }
            return new Expr.Case(
                    caseExpr.getSwitchExpression() == null
                            ? null
                            : convert(caseExpr.getSwitchExpression()),
                    whens,
                    caseExpr.getElseExpression() == null
                            ? null
                            : convert(caseExpr.getElseExpression()));
        }
        if (e instanceof CollateExpression collate) {
            return convert(collate.getLeftExpression());
        }
        char arithmetic = arithmetic(e);
        if (arithmetic != 0) {
            BinaryExpression binary = (BinaryExpression) e;
            return new Expr.Arithmetic(
                    convert(binary.getLeftExpression()),
                    arithmetic,
                    convert(binary.getRightExpression()));
        }
        return opaque(e);
    }

    private static void flatten(Expr expr, List<Expr> into, boolean and) {
        if (and && expr instanceof Expr.And nested) {
            into.addAll(nested.operands());
        } else if (!and && expr instanceof Expr.Or nested) {
            into.addAll(nested.operands());
        } else {
            into.add(expr);
        }
    }

    private static Expr.Op comparison(Expression e) {
        if (e instanceof EqualsTo) {
            return Expr.Op.EQ;
        }
        if (e instanceof NotEqualsTo) {
            return Expr.Op.NE;
        }
        if (e instanceof GreaterThan) {
            return Expr.Op.GT;
        }
        if (e instanceof GreaterThanEquals) {
            return Expr.Op.GE;
        }
        if (e instanceof MinorThan) {
            return Expr.Op.LT;
        }
        if (e instanceof MinorThanEquals) {
            return Expr.Op.LE;
        }
        return null;
    }

    private static char arithmetic(Expression e) {
        if (e instanceof Addition) {
            return '+';
        }
        if (e instanceof Subtraction) {
            return '-';
        }
        if (e instanceof Multiplication) {
            return '*';
        }
        if (e instanceof Division) {
            return '/';
        }
        if (e instanceof Modulo) {
            return '%';
        }
        if (e instanceof Concat) {
            return '|';
        }
        return 0;
    }

    /** {@code x = ANY (ARRAY[...])} is an IN list, {@code x <> ALL (ARRAY[...])} a NOT IN list; other comparisons stay. */
    private Expr comparison(BinaryExpression comparison, Expr.Op op) {
        Expr left = convert(comparison.getLeftExpression());
        if (comparison.getRightExpression()
                        instanceof net.sf.jsqlparser.expression.Function quantified
                && quantified.getParameters() != null
                && quantified.getParameters().size() == 1) {
            String name = quantified.getName().toUpperCase(Locale.ROOT);
            boolean any = (name.equals("ANY") || name.equals("SOME")) && op == Expr.Op.EQ;
            boolean all = name.equals("ALL") && op == Expr.Op.NE;
            if (any || all) {
                List<Expr> items = arrayItems((Expression) quantified.getParameters().get(0));
                return items == null ? opaque(comparison) : new Expr.In(left, items, all);
            }
            if (name.equals("ANY") || name.equals("SOME") || name.equals("ALL")) {
                return opaque(comparison);
            }
        }
        return new Expr.Compare(left, op, convert(comparison.getRightExpression()));
    }

    /** The items of {@code ARRAY[...]}, also cast as a whole ({@code (ARRAY[...])::text[]}), or null. */
    private List<Expr> arrayItems(Expression e) {
        Expression inner = e;
        while (true) {
            if (inner instanceof CastExpression cast) {
                inner = cast.getLeftExpression();
            } else if (inner instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                inner = (Expression) list.get(0);
            } else {
                break;
            }
        }
        if (!(inner instanceof ArrayConstructor array) || array.getExpressions() == null) {
            return null;
        }
        List<Expr> items = new ArrayList<>();
        for (Object item : array.getExpressions()) {
            items.add(convert((Expression) item));
        }
        return items;
    }

    private Expr in(InExpression in) {
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            return opaque(in); // a subquery
        }
        List<Expr> items = new ArrayList<>();
        for (Object item : list) {
            items.add(convert((Expression) item));
        }
        return new Expr.In(convert(in.getLeftExpression()), items, in.isNot());
    }

    private Expr like(LikeExpression like) {
        if (like.getEscape() != null) {
            return opaque(like);
        }
        Expr operand = convert(like.getLeftExpression());
        Expr pattern = convert(like.getRightExpression());
        return switch (like.getLikeKeyWord()) {
            case LIKE -> new Expr.Like(operand, pattern, false, like.isNot());
            case ILIKE -> new Expr.Like(operand, pattern, true, like.isNot());
            case REGEXP, RLIKE -> new Expr.Regex(operand, pattern, false, like.isNot());
            default -> opaque(like);
        };
    }

    private Expr interval(IntervalExpression interval) {
        String text =
                interval.getParameter() != null
                        ? interval.getParameter()
                        : interval.getExpression() == null
                                ? null
                                : interval.getExpression().toString();
        if (text == null) {
            return opaque(interval);
        }
        String spelled =
                text.startsWith("'") && text.endsWith("'")
                        ? text.substring(1, text.length() - 1)
                        : text;
        if (interval.getIntervalType() != null) {
            spelled = spelled + " " + interval.getIntervalType();
        }
        return Interval.parse(spelled)
                .<Expr>map(Expr.Literal::new)
                .orElseGet(() -> opaque(interval));
    }

    private Expr trim(TrimFunction trim) {
        Expression target =
                trim.getFromExpression() != null ? trim.getFromExpression() : trim.getExpression();
        Expression characters = trim.getFromExpression() != null ? trim.getExpression() : null;
        String name =
                trim.getTrimSpecification() == null
                        ? "btrim"
                        : switch (trim.getTrimSpecification()) {
                            case LEADING -> "ltrim";
                            case TRAILING -> "rtrim";
                            case BOTH -> "btrim";
                        };
        List<Expr> args = new ArrayList<>();
        args.add(convert(target));
        if (characters != null) {
            args.add(convert(characters));
        }
        return new Expr.Call(name, args);
    }

    private Expr function(net.sf.jsqlparser.expression.Function function) {
        if (function.isAllColumns()
                || function.isDistinct()
                || function.getNamedParameters() != null) {
            return opaque(function);
        }
        String name = function.getName().toLowerCase(Locale.ROOT).replace("\"", "");
        name =
                name.substring(
                        name.lastIndexOf('.')
                                + 1); // a schema's function: the name alone (it is only known by
        // name)
        List<Expr> args = new ArrayList<>();
        if (function.getParameters() != null) {
            for (Object parameter : function.getParameters()) {
                args.add(convert((Expression) parameter));
            }
        }
        return new Expr.Call(name, args);
    }

    private Expr column(net.sf.jsqlparser.schema.Column column) {
        String written = column.getColumnName();
        boolean quoted = written.startsWith("\"") || written.startsWith("`");
        if (!quoted && column.getTable() == null) {
            String lower = written.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Expr.Literal(lower.equals("true"));
            }
            if (lower.equals("current_date")
                    || lower.equals("current_timestamp")
                    || lower.equals("localtimestamp")) {
                return new Expr.Call(
                        lower.equals("current_date") ? "current_date" : "now", List.of());
            }
        }
        return columns.apply(written)
                .<Expr>map(Expr.Column::new)
                .orElseGet(() -> new Expr.Opaque(written));
    }

    /** A string literal's text: {@code ''} unescaped, and an {@code E'...'} string's backslash escapes. */
    private static String string(StringValue string) {
        String value = string.getNotExcapedValue();
        if (string.getPrefix() == null || !string.getPrefix().equalsIgnoreCase("E")) {
            return value;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                text.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            default -> next;
                        });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static Expr opaque(Expression e) {
        return new Expr.Opaque(e.toString());
    }
}
