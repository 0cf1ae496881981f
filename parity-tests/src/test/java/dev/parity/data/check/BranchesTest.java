package dev.parity.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.data.check.Evaluator.Truth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ways of meeting a condition: exactly the rows that make it TRUE make every atom of one branch TRUE. */
class BranchesTest {

    private static final Evaluator EVALUATOR =
            new Evaluator(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final CheckParser PARSER = new CheckParser(Optional::of);
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d");

    private static List<Branches.Branch> branches(String condition) {
        return Branches.of(PARSER.parse(condition)).orElseThrow();
    }

    @Test
    void orOfAndsAreTheirBranches() {
        List<Branches.Branch> branches = branches("ended OR (y IS NULL AND m IS NULL)");
        assertThat(branches).hasSize(2);
        assertThat(branches.get(0).atoms())
                .containsExactly(
                        new Expr.Compare(
                                new Expr.Column("ended"), Expr.Op.EQ, new Expr.Literal(true)));
        assertThat(branches.get(1).atoms())
                .containsExactly(
                        new Expr.IsNull(new Expr.Column("y"), false),
                        new Expr.IsNull(new Expr.Column("m"), false));
    }

    @Test
    void notIsPushedIntoTheAtoms() {
        assertThat(branches("NOT ((a IS NULL) AND (b IS NOT NULL))"))
                .extracting(Branches.Branch::atoms)
                .containsExactly(
                        List.of(new Expr.IsNull(new Expr.Column("a"), true)),
                        List.of(new Expr.IsNull(new Expr.Column("b"), false)));
        assertThat(branches("NOT (a > 1)").get(0).atoms())
                .containsExactly(
                        new Expr.Compare(
                                new Expr.Column("a"),
                                Expr.Op.LE,
                                new Expr.Literal(BigDecimal.ONE)));
    }

    @Test
    void nullCountsAreSpelledOut() {
        // one of three set: three ways
        assertThat(branches("num_nonnulls(a, b, c) = 1")).hasSize(3);
        // at least two of three: three pairs and all three
        assertThat(branches("num_nonnulls(a, b, c) >= 2")).hasSize(4);
        assertThat(branches("(a IS NULL) = (b IS NULL)")).hasSize(2);
    }

    @Test
    void tooManyBranchesAreNone() {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            wide.append(i == 0 ? "" : " AND ")
                    .append("(a")
                    .append(i)
                    .append(" > 0 OR b")
                    .append(i)
                    .append(" > 0)");
        }
        assertThat(Branches.of(PARSER.parse(wide.toString()))).isEmpty(); // 2^9 = 512
    }

    /** Random conditions and rows: TRUE exactly when one branch is all TRUE. */
    @Test
    void branchesMeanWhatTheConditionMeans() {
        long seed = Long.getLong("parity.test.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            Expr condition = condition(random, 3);
            Optional<List<Branches.Branch>> branches = Branches.of(condition);
            if (branches.isEmpty()) {
                continue;
            }
            for (int r = 0; r < 30; r++) {
                Map<String, Object> values = row(random);
                Truth truth = EVALUATOR.test(condition, values::get);
                boolean someBranch =
                        branches.get().stream()
                                .anyMatch(
                                        b ->
                                                b.atoms().stream()
                                                        .allMatch(
                                                                atom ->
                                                                        EVALUATOR.test(
                                                                                        atom,
                                                                                        values::get)
                                                                                == Truth.TRUE));
                assertThat(someBranch)
                        .as(
                                "seed %d (-Dparity.test.seed=%d): %s on %s gives %s",
                                seed, seed, condition, values, truth)
                        .isEqualTo(truth == Truth.TRUE);
            }
        }
    }

    private static Map<String, Object> row(Random random) {
        Map<String, Object> row = new HashMap<>();
        for (String column : COLUMNS) {
            row.put(column, random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(5)));
        }
        return row;
    }

    private static Expr condition(Random random, int depth) {
        int pick = depth == 0 ? 4 + random.nextInt(7) : random.nextInt(11);
        Expr column = new Expr.Column(COLUMNS.get(random.nextInt(COLUMNS.size())));
        Expr constant = new Expr.Literal(BigDecimal.valueOf(random.nextInt(5)));
        return switch (pick) {
            case 0 ->
                    new Expr.And(
                            List.of(condition(random, depth - 1), condition(random, depth - 1)));
            case 1 ->
                    new Expr.Or(
                            List.of(
                                    condition(random, depth - 1),
                                    condition(random, depth - 1),
                                    condition(random, depth - 1)));
            case 2 -> new Expr.Not(condition(random, depth - 1));
            case 3 ->
                    new Expr.Compare(
                            new Expr.IsNull(column, random.nextBoolean()),
                            random.nextBoolean() ? Expr.Op.EQ : Expr.Op.NE,
                            new Expr.IsNull(
                                    new Expr.Column(COLUMNS.get(random.nextInt(COLUMNS.size()))),
                                    random.nextBoolean()));
            case 4 -> new Expr.Compare(column, Expr.Op.values()[random.nextInt(6)], constant);
            case 5 -> new Expr.IsNull(column, random.nextBoolean());
            case 6 ->
                    new Expr.In(
                            column,
                            List.of(
                                    constant,
                                    new Expr.Literal(BigDecimal.valueOf(random.nextInt(5)))),
                            random.nextBoolean());
            case 7 ->
                    new Expr.Between(
                            column,
                            constant,
                            new Expr.Literal(BigDecimal.valueOf(random.nextInt(5))),
                            random.nextBoolean());
            case 8 -> {
                List<Expr> args = new ArrayList<>();
                for (String c : COLUMNS.subList(0, 1 + random.nextInt(COLUMNS.size()))) {
                    args.add(new Expr.Column(c));
                }
                yield new Expr.Compare(
                        new Expr.Call(random.nextBoolean() ? "num_nonnulls" : "num_nulls", args),
                        Expr.Op.values()[random.nextInt(6)],
                        new Expr.Literal(BigDecimal.valueOf(random.nextInt(3))));
            }
            case 9 ->
                    new Expr.Compare(
                            column,
                            Expr.Op.values()[random.nextInt(6)],
                            new Expr.Column(COLUMNS.get(random.nextInt(COLUMNS.size()))));
            default -> new Expr.Compare(column, Expr.Op.values()[6 + random.nextInt(2)], constant);
        };
    }
}
