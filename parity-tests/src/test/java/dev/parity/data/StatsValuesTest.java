package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engines;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A stats: rule's values without a database: exact fractions, as many distinct values as asked, buckets of equal rows. */
class StatsValuesTest {

    private static FakerPools pools;

    @BeforeAll
    static void pools() {
        pools = new FakerPools(42);
    }

    /** The column's values in {@code rows} rows, as a load makes them (each cell seeded by its row). */
    private static List<String> values(
            ColumnInfo column, ColumnRule.Stats stats, long rows, long seed) {
        return values(column, ColumnLimits.NONE, stats, rows, seed);
    }

    private static List<String> values(
            ColumnInfo column, ColumnLimits limits, ColumnRule.Stats stats, long rows, long seed) {
        ColumnContext.Planned planned = stats.plan(new Context(column, limits, rows, seed));
        assertThat(planned.mess()).isEqualTo(Mess.none());
        pools.fill(java.util.concurrent.ForkJoinPool.commonPool()); // as a load does after planning
        ColumnPlan plan =
                new ColumnPlan(column, planned.values(), planned.mess(), 0, column.type().length());
        CellRandom random = new CellRandom();
        List<String> values = new ArrayList<>();
        for (long row = 0; row < rows; row++) {
            values.add(plan.value(seed, row, random));
        }
        return values;
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(String.valueOf(v), 1, Integer::sum));
        return counts;
    }

    @Test
    void fractionsAndDistinctCountsAreExact() {
        ColumnInfo status =
                new ColumnInfo("status", ColumnType.text("text", -1), true, null, false, false);
        Map<String, Double> mcv = new LinkedHashMap<>();
        mcv.put("shipped", 0.4);
        mcv.put("pending", 0.1);
        List<String> values =
                values(
                        status,
                        new ColumnRule.Stats(0.3, 10.0, mcv, List.of(0.05), List.of(), 8.0, null),
                        10_000,
                        7);

        Map<String, Integer> counts = counts(values);
        assertThat(counts.get("null")).isEqualTo(3000);
        assertThat(counts.get("shipped")).isEqualTo(4000);
        assertThat(counts.get("pending")).isEqualTo(1000);
        // 10 distinct: the two given, one withheld (generated, 500 rows), seven others sharing the
        // last 1,500 rows
        assertThat(counts).hasSize(11);
        assertThat(counts.values()).contains(500).filteredOn(c -> c > 200 && c < 250).hasSize(7);
        // generated text of about the width asked for
        assertThat(
                        values.stream()
                                .filter(Objects::nonNull)
                                .filter(v -> !mcv.containsKey(v))
                                .mapToInt(String::length)
                                .max()
                                .orElseThrow())
                .isLessThanOrEqualTo(10);
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedAnotherOrder() {
        ColumnInfo quantity =
                new ColumnInfo(
                        "quantity",
                        ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        false,
                        null,
                        false,
                        false);
        ColumnRule.Stats stats =
                new ColumnRule.Stats(
                        null,
                        -0.5,
                        Map.of("1", 0.25),
                        List.of(),
                        List.of("2", "40", "100"),
                        null,
                        null);

        List<String> first = values(quantity, stats, 2000, 1);
        assertThat(values(quantity, stats, 2000, 1)).isEqualTo(first);
        List<String> other = values(quantity, stats, 2000, 2);
        assertThat(other).isNotEqualTo(first);
        List<String> sortedFirst = new ArrayList<>(first);
        List<String> sortedOther = new ArrayList<>(other);
        Collections.sort(sortedFirst);
        Collections.sort(sortedOther);
        // the shape does not depend on the seed: a quarter ones, the rest spread over equal buckets
        assertThat(Collections.frequency(first, "1")).isEqualTo(500);
        assertThat(Collections.frequency(other, "1")).isEqualTo(500);
        // 40 closes the first bucket and opens the second
        assertThat(
                        first.stream()
                                .filter(v -> !v.equals("1"))
                                .mapToInt(Integer::parseInt)
                                .filter(v -> v < 40)
                                .count())
                .isLessThanOrEqualTo(750);
        assertThat(
                        first.stream()
                                .filter(v -> !v.equals("1"))
                                .mapToInt(Integer::parseInt)
                                .filter(v -> v <= 40)
                                .count())
                .isGreaterThanOrEqualTo(750);
    }

    @Test
    void aNarrowBucketRepeatsItsValuesAndTheOthersTakeTheRest() {
        ColumnInfo amount =
                new ColumnInfo(
                        "amount",
                        ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                        false,
                        null,
                        false,
                        false);
        List<String> values =
                values(
                        amount,
                        new ColumnRule.Stats(
                                null,
                                -1.0,
                                Map.of(),
                                List.of(),
                                List.of("0", "10", "5000"),
                                null,
                                null),
                        2000,
                        3);

        List<Integer> numbers = values.stream().map(Integer::parseInt).toList();
        // equal-frequency buckets: half the rows in 0..10, whose 11 values repeat; the other bucket
        // takes the other distinct values
        assertThat(numbers.stream().filter(v -> v < 10).count()).isLessThanOrEqualTo(1000);
        assertThat(numbers.stream().filter(v -> v <= 10).count()).isGreaterThanOrEqualTo(1000);
        assertThat(numbers.stream().filter(v -> v <= 10).distinct().count()).isEqualTo(11);
        assertThat(numbers.stream().distinct().count()).isGreaterThanOrEqualTo(1000);
        assertThat(numbers).allMatch(v -> v >= 0 && v <= 5000);
    }

    @Test
    void aClosedSetKeepsItsValuesWhenTheyAreWithheld() {
        ColumnInfo state =
                new ColumnInfo("state", ColumnType.text("text", -1), false, null, false, false);
        List<String> values =
                values(
                        state,
                        ColumnLimits.NONE.withAllowed(List.of("new", "active", "closed")),
                        new ColumnRule.Stats(
                                null, 3.0, Map.of(), List.of(0.5, 0.3), List.of(), 5.0, null),
                        1000,
                        4);

        // a CHECK (state in (...)) holds: no suffix makes a value of its own
        assertThat(values).allMatch(List.of("new", "active", "closed")::contains);
    }

    @Test
    void aHistogramMustSuitTheColumn() {
        ColumnInfo note =
                new ColumnInfo("note", ColumnType.text("text", -1), true, null, false, false);
        ColumnInfo count =
                new ColumnInfo(
                        "count",
                        ColumnType.integer("smallint", -32768, 32767),
                        true,
                        null,
                        false,
                        false);
        dev.parity.engine.schema.TableInfo table =
                new dev.parity.engine.schema.TableInfo(
                        "public",
                        "t",
                        "public.t",
                        List.of(note, count),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of());
        DatasetSpec spec =
                DatasetSpec.of("t", 10)
                        .withOrigin(new dev.parity.config.Location("parity.yml", 4))
                        .withColumn(
                                "note",
                                new ColumnRule.Stats(
                                        null,
                                        null,
                                        Map.of(),
                                        List.of(),
                                        List.of("a", "b"),
                                        null,
                                        null))
                        .withColumn(
                                "count",
                                new ColumnRule.Stats(
                                        null,
                                        null,
                                        Map.of(),
                                        List.of(),
                                        List.of("1", "40000"),
                                        null,
                                        null));

        assertThat(new SpecValidator(Map.of("t", table)).validate(List.of(spec)))
                .extracting(dev.parity.config.Problem::describe)
                .containsExactly(
                        "column 't.note' (text) has stats with a histogram, which only numbers, dates and timestamps take. Remove the histogram: "
                                + "the other values of a text are generated (about width characters each).",
                        "column 't.count' (smallint) has stats with a histogram over [1, 40000], beyond what its type holds (-32768 to 32767). "
                                + "Keep the range within -32768 to 32767.");
    }

    @Test
    void bucketsHoldNoMoreValuesThanTheirRanges() {
        assertThat(StatsValues.Histogram.spread(100, new long[] {3, 1000, 1000}))
                .containsExactly(3, 49, 48);
        assertThat(StatsValues.Histogram.spread(2, new long[] {10, 10, 10}))
                .containsExactly(1, 1, 1);
    }

    /** One column's view of a plan, as {@link DatasetPlanner} gives it. */
    private record Context(ColumnInfo info, ColumnLimits limits, long rows, long seed)
            implements ColumnContext {

        private static final ValueSyntax SYNTAX = Engines.byId("postgres").orElseThrow().values();

        @Override
        public String table() {
            return "t";
        }

        @Override
        public void problem(String what, String fix) {
            throw new AssertionError(what + " " + fix);
        }

        @Override
        public Mess mess() {
            return Mess.defaults();
        }

        @Override
        public boolean rowUnique() {
            return false;
        }

        @Override
        public Optional<ValueGenerator> reference() {
            return Optional.empty();
        }

        @Override
        public ValueGenerator expression(String expression) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Planned uniqueValues(ValueGenerator base) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ValueSyntax syntax() {
            return SYNTAX;
        }

        @Override
        public ZoneId sessionZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Planned fromType() {
            return new Planned(
                    new ColumnGenerators(pools, SYNTAX, ZoneOffset.UTC).forColumn(info, limits),
                    Mess.defaults());
        }
    }
}
