package dev.parity.data;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A profile's seed and datasets read from YAML, and every problem with its line. */
class DatasetsSectionTest {

    private static final String RULE_EXAMPLE = "Write it as one of:\n  email: \"#{Internet.emailAddress}\"\n"
            + "  country: {values: [BR, DE], weights: [5, 2]}\n  customer_id: {ref: customers.id, skew: zipf}\n  status: {value: ACTIVE}";

    private final List<Problem> problems = new ArrayList<>();

    private List<DatasetSpec> datasets(String yaml) {
        return DatasetsSection.datasets(profile(yaml, problems), problems);
    }

    @Test
    void readsDatasetsWithTheirRules() {
        List<DatasetSpec> datasets = datasets("""
                datasets:
                  - table: customers
                    rows: 1_000
                    seed: 3
                    mess: {nulls: 0.1, unicode: 0}
                    columns:
                      email: "#{Internet.emailAddress}"
                      country: {values: [BR, DE], weights: [5, 2.5]}
                      customer_id: {ref: customers.id, skew: zipf}
                      status: {value: ACTIVE}
                      gone: {value: null}
                  - table: orders
                    rows: 0
                    mess: none
                """);
        assertThat(problems).isEmpty();
        DatasetSpec customers = DatasetSpec.of("customers", 1000).withSeed(3).withMess(new Mess(0.1, 0, 0.02, 0.02, 0.01))
                .withColumn("email", ColumnRule.expression("#{Internet.emailAddress}"))
                .withColumn("country", ColumnRule.values(List.of("BR", "DE"), List.of(5.0, 2.5)))
                .withColumn("customer_id", new ColumnRule.Ref("customers", "id", Skew.ZIPF))
                .withColumn("status", ColumnRule.constant("ACTIVE"))
                .withColumn("gone", ColumnRule.nullValue());
        assertThat(datasets).containsExactly(customers, DatasetSpec.of("orders", 0).withMess(Mess.none()));
        // each names where it was written
        assertThat(datasets).extracting(DatasetSpec::origin).containsExactly(new Location("t.yml", 2), new Location("t.yml", 12));
    }

    @Test
    void numbersAndBooleansAreValuesToo() {
        List<DatasetSpec> datasets = datasets("""
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      year: {values: [1999, 2005.5, true, 'no']}
                      answer: {value: 42}
                      flag: {value: false}
                """);
        assertThat(problems).isEmpty();
        assertThat(datasets.get(0).columns()).containsExactly(
                java.util.Map.entry("year", ColumnRule.values(List.of("1999", "2005.5", "true", "no"))),
                java.util.Map.entry("answer", ColumnRule.constant("42")),
                java.util.Map.entry("flag", ColumnRule.constant("false")));
    }

    @Test
    void theSeedIsOptional() {
        assertThat(DatasetsSection.seed(profile("seed: 42", problems))).isEqualTo(OptionalLong.of(42));
        assertThat(DatasetsSection.seed(profile("datasets: []", problems))).isEmpty();
        assertThat(DatasetsSection.seed(profile("seed: 0x10", problems))).isEqualTo(OptionalLong.of(16));
        assertThat(problems).isEmpty();
        assertThat(DatasetsSection.seed(profile("seed: soon", problems))).isEmpty();
        assertThat(described(problems)).containsExactly("1: 'seed' in profile 'p' must be a whole number, but is a text ('soon'). Write it as, for example: seed: 42");
    }

    @Test
    void rowsAreRequiredAndNotNegative() {
        List<DatasetSpec> datasets = datasets("""
                datasets:
                  - table: a
                    rows: lots
                  - table: b
                    rows: -5
                  - table: c
                  - table: d
                    rows:
                  - rows: 3
                """);
        String fix = " Give the number of rows to load, 0 or more, for example: rows: 100000";
        assertThat(described(problems)).containsExactly(
                // once: not a number, and not also negative
                "3: 'rows' in profile 'p' > datasets must be a whole number, but is a text ('lots'). Write it as, for example: rows: 1000000",
                "5: 'rows' of profile 'p' > datasets > b is negative." + fix,
                "6: 'rows' of profile 'p' > datasets > c is missing." + fix,
                "8: 'rows' of profile 'p' > datasets > d is missing." + fix, // at the empty value
                "9: a dataset in profile 'p' names no table. Add one, for example: table: customers");
        assertThat(datasets).extracting(DatasetSpec::table).containsExactly("a", "b", "c", "d");
        assertThat(datasets).extracting(DatasetSpec::rows).containsOnly(0L);
    }

    @Test
    void messKnobsAreFractions() {
        datasets("""
                datasets:
                  - table: t
                    rows: 1
                    mess: {nulls: 2, unicode: much, dupes: 0.1}
                  - table: u
                    rows: 1
                    mess: [0.1]
                """);
        assertThat(described(problems)).containsExactly(
                "4: unknown key 'dupes' in 'mess' of profile 'p' > datasets > t. Known keys here: nulls, unicode, whitespace, duplicates, extremes.",
                "4: mess 'nulls' of profile 'p' > datasets > t is 2.0, outside 0..1. Give the fraction of cells, e.g. 0.05 for 5%.",
                "4: 'unicode' in 'mess' of profile 'p' > datasets > t must be a number, but is a text ('much'). Write it as, for example: unicode: 0.05",
                "7: 'mess' of profile 'p' > datasets > u must be a mapping of keys to values, but is a list. Write it as, for example:\n"
                        + "mess: {nulls: 0.05, unicode: 0.10}   (or mess: none)");
    }

    @Test
    void columnRulesReportWhatIsWrongWithThem() {
        datasets("""
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      a: {values: [1, [2]], weights: [1]}
                      b: {ref: t.id, skew: pareto}
                      c: [1, 2]
                      d: {valeus: [1]}
                      e: {value: [1]}
                      f: {values: x, weights: [-1]}
                """);
        String where = "profile 'p' > datasets > t > columns > ";
        assertThat(described(problems)).containsExactly(
                "5: each of the values in " + where + "a must be a single value, but one is a list."
                        + " Write them as, for example: values: [BR, DE] or values: [1999, 2005]; leave NULLs to the mess.",
                "5: " + where + "a has 2 values but 1 weights. Give one weight per value, or none for equal weights.",
                "6: unknown skew 'pareto' in " + where + "b. Use uniform or zipf.",
                "7: " + where + "c must be a Datafaker expression or a mapping, but is a list. " + RULE_EXAMPLE,
                "8: unknown key 'valeus' in " + where + "d. Did you mean 'values'? Known keys here: values, weights, ref, skew, value.",
                "8: " + where + "d says neither values, ref nor value. " + RULE_EXAMPLE,
                "9: 'value' in " + where + "e must be a single value, but is a list. Write it as, for example: {value: ACTIVE}, {value: 42} or {value: null}.",
                "10: 'values' in " + where + "f must be a list, but is a text ('x'). Write them as, for example: values: [BR, DE] or values: [1999, 2005]",
                "10: each weight in " + where + "f must be a number, 0 or more, but one is a number (-1). Write them as, for example: weights: [5, 2, 2, 1]",
                "10: " + where + "f has 0 values but 1 weights. Give one weight per value, or none for equal weights.");
    }
}
