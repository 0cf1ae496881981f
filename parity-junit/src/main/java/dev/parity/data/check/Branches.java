package dev.parity.data.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The ways a condition can be TRUE: its disjunctive normal form, each branch a conjunction of atoms
 * (comparisons, NULL tests, lists, patterns, anything else kept whole), with NOT pushed down to the atoms.
 * Three-valued logic keeps this exact: a row makes the condition TRUE exactly when it makes every atom of
 * some branch TRUE. Beside AND, OR and NOT it spells out {@code (a IS NULL) = (b IS NULL)} (both or neither),
 * {@code num_nonnulls(...) = n} and its relatives (which of them are set), {@code BETWEEN}, and a boolean
 * column on its own ({@code ended}: {@code ended = true}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Branches {

    /** At most this many branches: beyond it the condition is left to generate-and-test. */
    public static final int MAX = 256;

    /** {@code num_nonnulls} of more arguments is not spelled out (2^n subsets). */
    private static final int MAX_COUNTED = 8;

    /** One way of meeting a condition: all of its atoms TRUE. */
    public record Branch(List<Expr> atoms) {

        public Branch {
            atoms = List.copyOf(atoms);
        }
    }

    private Branches() {}

    /** The branches of {@code condition}, or empty when there would be more than {@link #MAX}. */
    public static Optional<List<Branch>> of(Expr condition) {
        List<List<Expr>> dnf = dnf(normal(condition, false));
        if (dnf == null) {
            return Optional.empty();
        }
        List<Branch> branches = new ArrayList<>();
        for (List<Expr> atoms : dnf) {
            branches.add(new Branch(new ArrayList<>(new LinkedHashSet<>(atoms))));
        }
        return Optional.of(branches);
    }

    /** Negation normal form: AND and OR over atoms, NOT only inside atoms. */
    static Expr normal(Expr e, boolean negate) {
        if (e instanceof Expr.And and) {
            List<Expr> operands = and.operands().stream().map(o -> normal(o, negate)).toList();
            return negate ? new Expr.Or(operands) : new Expr.And(operands);
        }
        if (e instanceof Expr.Or or) {
            List<Expr> operands = or.operands().stream().map(o -> normal(o, negate)).toList();
            return negate ? new Expr.And(operands) : new Expr.Or(operands);
        }
        if (e instanceof Expr.Not not) {
            return normal(not.operand(), !negate);
        }
        if (e instanceof Expr.Literal literal && literal.value() instanceof Boolean value) {
            return value != negate ? new Expr.And(List.of()) : new Expr.Or(List.of());
        }
        if (e instanceof Expr.Column column) {
            return new Expr.Compare(column, Expr.Op.EQ, new Expr.Literal(!negate));
        }
        if (e instanceof Expr.IsNull isNull) {
            return negate ? new Expr.IsNull(isNull.operand(), !isNull.negated()) : isNull;
        }
        if (e instanceof Expr.IsBoolean isBoolean) {
            return negate
                    ? new Expr.IsBoolean(
                            isBoolean.operand(), isBoolean.value(), !isBoolean.negated())
                    : isBoolean;
        }
        if (e instanceof Expr.In in) {
            return negate ? new Expr.In(in.operand(), in.items(), !in.negated()) : in;
        }
        if (e instanceof Expr.Like like) {
            return negate
                    ? new Expr.Like(
                            like.operand(), like.pattern(), like.caseInsensitive(), !like.negated())
                    : like;
        }
        if (e instanceof Expr.Regex regex) {
            return negate
                    ? new Expr.Regex(
                            regex.operand(),
                            regex.pattern(),
                            regex.caseInsensitive(),
                            !regex.negated())
                    : regex;
        }
        if (e instanceof Expr.Between between) {
            Expr within =
                    new Expr.And(
                            List.of(
                                    new Expr.Compare(between.operand(), Expr.Op.GE, between.low()),
                                    new Expr.Compare(
                                            between.operand(), Expr.Op.LE, between.high())));
            return normal(within, negate != between.negated());
        }
        if (e instanceof Expr.Compare compare) {
            return compare(compare, negate);
        }
        return negate ? new Expr.Not(e) : e;
    }

    private static Expr compare(Expr.Compare compare, boolean negate) {
        Expr.Op op = negate ? compare.op().negated() : compare.op();
        if ((op == Expr.Op.EQ || op == Expr.Op.NE)
                && predicate(compare.left())
                && predicate(compare.right())) {
            // (a IS NULL) = (b IS NULL): both TRUE or both FALSE; <>: one of each
            Expr a = compare.left();
            Expr b = compare.right();
            return op == Expr.Op.EQ
                    ? new Expr.Or(
                            List.of(
                                    new Expr.And(List.of(normal(a, false), normal(b, false))),
                                    new Expr.And(List.of(normal(a, true), normal(b, true)))))
                    : new Expr.Or(
                            List.of(
                                    new Expr.And(List.of(normal(a, false), normal(b, true))),
                                    new Expr.And(List.of(normal(a, true), normal(b, false)))));
        }
        Expr counted = counted(compare.left(), op, compare.right());
        if (counted == null) {
            counted = counted(compare.right(), op.flipped(), compare.left());
        }
        if (counted != null) {
            return counted;
        }
        return new Expr.Compare(compare.left(), op, compare.right());
    }

    /** Whether {@code e} is a truth value for sure: a comparison, a NULL test, a list, a pattern, a connective. */
    private static boolean predicate(Expr e) {
        return e instanceof Expr.IsNull
                || e instanceof Expr.IsBoolean
                || e instanceof Expr.Compare
                || e instanceof Expr.In
                || e instanceof Expr.Between
                || e instanceof Expr.Like
                || e instanceof Expr.Regex
                || e instanceof Expr.And
                || e instanceof Expr.Or
                || e instanceof Expr.Not
                || e instanceof Expr.Literal literal && literal.value() instanceof Boolean;
    }

    /** {@code num_nonnulls(a, b, c) >= 2} (or {@code num_nulls}) as the OR of which arguments are NULL; null when it is no such count. */
    private static Expr counted(Expr left, Expr.Op op, Expr right) {
        if (!(left instanceof Expr.Call call)
                || !(call.name().equals("num_nonnulls") || call.name().equals("num_nulls"))
                || !(right instanceof Expr.Literal literal)
                || !(literal.value() instanceof BigDecimal bound)
                || call.args().size() > MAX_COUNTED
                || op == Expr.Op.DISTINCT
                || op == Expr.Op.NOT_DISTINCT) {
            return null;
        }
        int n = call.args().size();
        boolean countsNulls = call.name().equals("num_nulls");
        List<Expr> ways = new ArrayList<>();
        for (int set = 0; set < 1 << n; set++) {
            int count = Integer.bitCount(set); // the arguments in the set are the ones counted
            int order = BigDecimal.valueOf(count).compareTo(bound);
            boolean holds =
                    switch (op) {
                        case EQ -> order == 0;
                        case NE -> order != 0;
                        case LT -> order < 0;
                        case LE -> order <= 0;
                        case GT -> order > 0;
                        case GE -> order >= 0;
                        default -> false;
                    };
            if (!holds) {
                continue;
            }
            List<Expr> atoms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean counted = (set & (1 << i)) != 0;
                atoms.add(new Expr.IsNull(call.args().get(i), counted != countsNulls));
            }
            ways.add(new Expr.And(atoms));
        }
        return new Expr.Or(ways);
    }

    /** The DNF of an expression in negation normal form, or null past {@link #MAX} branches. */
    private static List<List<Expr>> dnf(Expr e) {
        if (e instanceof Expr.Or or) {
            List<List<Expr>> branches = new ArrayList<>();
            for (Expr operand : or.operands()) {
                List<List<Expr>> part = dnf(operand);
                if (part == null || branches.size() + part.size() > MAX) {
                    return null;
                }
                branches.addAll(part);
            }
            return branches;
        }
        if (e instanceof Expr.And and) {
            List<List<Expr>> branches = new ArrayList<>();
            branches.add(List.of());
            for (Expr operand : and.operands()) {
                List<List<Expr>> part = dnf(operand);
                if (part == null || (long) branches.size() * part.size() > MAX) {
                    return null;
                }
                List<List<Expr>> product = new ArrayList<>();
                for (List<Expr> left : branches) {
                    for (List<Expr> right : part) {
                        List<Expr> joined = new ArrayList<>(left);
                        joined.addAll(right);
                        product.add(joined);
                    }
                }
                branches = product;
            }
            return branches;
        }
        List<List<Expr>> single = new ArrayList<>();
        single.add(List.of(e));
        return single;
    }
}
