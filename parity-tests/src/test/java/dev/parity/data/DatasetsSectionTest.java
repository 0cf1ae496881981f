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

    private static final String RULE_EXAMPLE =
            "Write it as one of:\n  email: \"#{Internet.emailAddress}\"\n"
                    + "  country: {values: [BR, DE], weights: [5, 2]}\n  customer_id: {ref: customers.id, skew: zipf}\n  status: {value: ACTIVE}\n"
                    + "  age: {between: [18, 99]}\n  state: {stats: {nulls: 0.02, distinct: 5, mcv: {shipped: 0.61, pending: 0.2}}}";
    private static final String BETWEEN_EXAMPLE =
            "Write it as, for example: between: [1, 50], between: [2020-01-01, 2024-12-31] "
                    + "or between: [\"2024-01-01 08:00\", \"2024-01-01 18:00\"]";

    private final List<Problem> problems = new ArrayList<>();

    private List<DatasetSpec> datasets(String yaml) {
        return DatasetsSection.datasets(profile(yaml, problems), problems);
    }

    @Test
    void readsDatasetsWithTheirRules() {
        List<DatasetSpec> datasets =
                datasets(
                        """
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
        DatasetSpec customers =
                DatasetSpec.of("customers", 1000)
                        .withSeed(3)
                        .withMess(new Mess(0.1, 0, 0.02, 0.02, 0.01))
                        .withColumn("email", ColumnRule.expression("#{Internet.emailAddress}"))
                        .withColumn(
                                "country",
                                ColumnRule.values(List.of("BR", "DE"), List.of(5.0, 2.5)))
                        .withColumn("customer_id", new ColumnRule.Ref("customers", "id", Skew.ZIPF))
                        .withColumn("status", ColumnRule.constant("ACTIVE"))
                        .withColumn("gone", ColumnRule.nullValue());
        assertThat(datasets)
                .containsExactly(customers, DatasetSpec.of("orders", 0).withMess(Mess.none()));
        // each names where it was written
        assertThat(datasets)
                .extracting(DatasetSpec::origin)
                .containsExactly(new Location("t.yml", 2), new Location("t.yml", 12));
    }

    @Test
    void numbersAndBooleansAreValuesToo() {
        List<DatasetSpec> datasets =
                datasets(
                        """
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      year: {values: [1999, 2005.5, true, 'no']}
                      answer: {value: 42}
                      flag: {value: false}
                      big: {values: [1_000_000, 1_000.5, 017]}
                      country: {values: [NO, SE, "yes"]}
                """);
        assertThat(problems).isEmpty();
        // numbers lose only YAML's digit separators; booleans stay as written (NO is Norway on a
        // text column)
        assertThat(datasets.get(0).columns())
                .containsExactly(
                        java.util.Map.entry(
                                "year", ColumnRule.values(List.of("1999", "2005.5", "true", "no"))),
                        java.util.Map.entry("answer", ColumnRule.constant("42")),
                        java.util.Map.entry("flag", ColumnRule.constant("false")),
                        java.util.Map.entry(
                                "big", ColumnRule.values(List.of("1000000", "1000.5", "017"))),
                        java.util.Map.entry(
                                "country", ColumnRule.values(List.of("NO", "SE", "yes"))));
    }

    @Test
    void theSeedIsOptional() {
        assertThat(DatasetsSection.seed(profile("seed: 42", problems)))
                .isEqualTo(OptionalLong.of(42));
        assertThat(DatasetsSection.seed(profile("datasets: []", problems))).isEmpty();
        assertThat(DatasetsSection.seed(profile("seed: 0x10", problems)))
                .isEqualTo(OptionalLong.of(16));
        assertThat(problems).isEmpty();
        assertThat(DatasetsSection.seed(profile("seed: soon", problems))).isEmpty();
        assertThat(described(problems))
                .containsExactly(
                        "1: 'seed' in profile 'p' must be a whole number, but is a text ('soon'). Write it as, for example: seed: 42");
    }

    @Test
    void rowsAreRequiredAndNotNegative() {
        List<DatasetSpec> datasets =
                datasets(
                        """
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
        assertThat(described(problems))
                .containsExactly(
                        // once: not a number, and not also negative
                        "3: 'rows' in profile 'p' > datasets must be a whole number, but is a text ('lots'). Write it as, for example: rows: 1000000",
                        "5: 'rows' of profile 'p' > datasets > b is negative." + fix,
                        "6: 'rows' of profile 'p' > datasets > c is missing." + fix,
                        "8: 'rows' of profile 'p' > datasets > d is missing."
                                + fix, // at the empty value
                        "9: a dataset in profile 'p' names no table. Add one, for example: table: customers (or tables: \"*\" for every table)");
        assertThat(datasets).extracting(DatasetSpec::table).containsExactly("a", "b", "c", "d");
        assertThat(datasets).extracting(DatasetSpec::rows).containsOnly(0L);
    }

    @Test
    void messKnobsAreFractions() {
        datasets(
                """
                datasets:
                  - table: t
                    rows: 1
                    mess: {nulls: 2, unicode: much, dupes: 0.1}
                  - table: u
                    rows: 1
                    mess: [0.1]
                """);
        assertThat(described(problems))
                .containsExactly(
                        "4: unknown key 'dupes' in 'mess' of profile 'p' > datasets > t. Known keys here: nulls, unicode, whitespace, duplicates, extremes.",
                        "4: mess 'nulls' of profile 'p' > datasets > t is 2.0, outside 0..1. Give the fraction of cells, e.g. 0.05 for 5%.",
                        "4: 'unicode' in 'mess' of profile 'p' > datasets > t must be a number, but is a text ('much'). Write it as, for example: unicode: 0.05",
                        "7: 'mess' of profile 'p' > datasets > u must be a mapping of keys to values, but is a list. Write it as, for example:\n"
                                + "mess: {nulls: 0.05, unicode: 0.10}   (or mess: none)");
    }

    @Test
    void columnRulesReportWhatIsWrongWithThem() {
        datasets(
                """
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
        assertThat(described(problems))
                .containsExactly(
                        "5: each of the values in "
                                + where
                                + "a must be a single value, but one is a list."
                                + " Write them as, for example: values: [BR, DE] or values: [1999, 2005]; leave NULLs to the mess.",
                        "5: "
                                + where
                                + "a has 2 values but 1 weights. Give one weight per value, or none for equal weights.",
                        "6: unknown skew 'pareto' in " + where + "b. Use uniform or zipf.",
                        "7: "
                                + where
                                + "c must be a Datafaker expression or a mapping, but is a list. "
                                + RULE_EXAMPLE,
                        "8: unknown key 'valeus' in "
                                + where
                                + "d. Did you mean 'values'? Known keys here: values, weights, ref, skew, value, between, stats.",
                        "8: "
                                + where
                                + "d says neither values, ref, value, between nor stats. "
                                + RULE_EXAMPLE,
                        "9: 'value' in "
                                + where
                                + "e must be a single value, but is a list. Write it as, for example: {value: ACTIVE}, {value: 42} or {value: null}.",
                        "10: 'values' in "
                                + where
                                + "f must be a list, but is a text ('x'). Write them as, for example: values: [BR, DE] or values: [1999, 2005]",
                        "10: each weight in "
                                + where
                                + "f must be a number, 0 or more, but one is a number (-1). Write them as, for example: weights: [5, 2, 2, 1]",
                        "10: "
                                + where
                                + "f has 0 values but 1 weights. Give one weight per value, or none for equal weights.");
    }

    @Test
    void aRuleIsOneKindAndNoPartOfItIsIgnored() {
        datasets(
                """
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      a: {ref: u.id, values: [1, 2]}
                      b: {value: X, between: [1, 2]}
                      c: {values: [1, 2], skew: zipf}
                      d: {ref: u.id, weights: [1]}
                      e: {value: X, weights: [1], skew: uniform}
                """);
        String where = "profile 'p' > datasets > t > columns > ";
        String rules = RULE_EXAMPLE.substring(RULE_EXAMPLE.indexOf('\n') + 1);
        assertThat(described(problems))
                .containsExactly(
                        "5: "
                                + where
                                + "a gives ref and values, but a column takes one rule. Keep one of them; the rules are:\n"
                                + rules,
                        "6: "
                                + where
                                + "b gives value and between, but a column takes one rule. Keep one of them; the rules are:\n"
                                + rules,
                        "7: 'skew' in "
                                + where
                                + "c goes with 'ref' only, and this rule is 'values'. Remove it, or write the rule with ref:\n"
                                + rules,
                        "8: 'weights' in "
                                + where
                                + "d goes with 'values' only, and this rule is 'ref'. Remove it, or write the rule with values:\n"
                                + rules,
                        "9: 'skew' in "
                                + where
                                + "e goes with 'ref' only, and this rule is 'value'. Remove it, or write the rule with ref:\n"
                                + rules,
                        "9: 'weights' in "
                                + where
                                + "e goes with 'values' only, and this rule is 'value'. Remove it, or write the rule with values:\n"
                                + rules);
    }

    @Test
    void weightsAndMessThatAreNoFiniteNumbersAreReportedNotThrown() {
        datasets(
                """
                datasets:
                  - table: t
                    rows: 1
                    mess: {nulls: .nan}
                    columns:
                      a: {values: [1, 2], weights: [.inf, 0x1]}
                """);
        String where = "profile 'p' > datasets > t";
        assertThat(described(problems))
                .containsExactly(
                        "4: 'nulls' in 'mess' of "
                                + where
                                + " must be a finite decimal number, but is a number (.nan). Write it as, for example: nulls: 0.05",
                        "6: each weight in "
                                + where
                                + " > columns > a must be a number, 0 or more, but one is a number (.inf). Write them as, for example: weights: [5, 2, 2, 1]",
                        "6: each weight in "
                                + where
                                + " > columns > a must be a number, 0 or more, but one is a number (0x1). Write them as, for example: weights: [5, 2, 2, 1]");
    }

    @Test
    void betweenTakesNumbersDatesAndTimestamps() {
        List<DatasetSpec> datasets =
                datasets(
                        """
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      age: {between: [18, 99]}
                      price: {between: [0.5, 1_000.25]}
                      born: {between: [1990-01-01, 2005-12-31]}
                      seen: {between: [2024-01-01 08:00:00, "2024-01-01T18:30:00+02:00"]}
                      same: {between: [-1, -1]}
                """);
        assertThat(problems).isEmpty();
        assertThat(datasets.get(0).columns())
                .containsExactly(
                        java.util.Map.entry("age", ColumnRule.between("18", "99")),
                        java.util.Map.entry("price", ColumnRule.between("0.5", "1000.25")),
                        java.util.Map.entry("born", ColumnRule.between("1990-01-01", "2005-12-31")),
                        java.util.Map.entry(
                                "seen",
                                ColumnRule.between(
                                        "2024-01-01 08:00:00", "2024-01-01T18:30:00+02:00")),
                        java.util.Map.entry("same", ColumnRule.between("-1", "-1")));
    }

    @Test
    void betweenOfAWrongShapeIsReported() {
        datasets(
                """
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      a: {between: 5}
                      b: {between: [1]}
                      c: {between: [1, 2, 3]}
                      d: {between: [1, soon]}
                      e: {between: [true, 2]}
                      f: {between: [1, 2020-01-01]}
                      g: {between: [50, 1]}
                      h: {between: [2024-12-31, 2020-01-01]}
                      i: {between: [1, ~]}
                      j: {between: [[1], 2]}
                      k: {between: [2024-02-30, 2024-03-01]}
                """);
        String where = "profile 'p' > datasets > t > columns > ";
        String bound = " must be a number, a date or a timestamp, but one is ";
        assertThat(described(problems))
                .containsExactly(
                        "5: 'between' in "
                                + where
                                + "a must be a list of two bounds, but is a number (5). "
                                + BETWEEN_EXAMPLE,
                        "6: 'between' in " + where + "b has 1 bound, not 2. " + BETWEEN_EXAMPLE,
                        "7: 'between' in " + where + "c has 3 bounds, not 2. " + BETWEEN_EXAMPLE,
                        "8: each bound of 'between' in "
                                + where
                                + "d"
                                + bound
                                + "a text ('soon'). "
                                + BETWEEN_EXAMPLE,
                        "9: each bound of 'between' in "
                                + where
                                + "e"
                                + bound
                                + "a boolean (true). "
                                + BETWEEN_EXAMPLE,
                        "10: the bounds of 'between' in "
                                + where
                                + "f are a number (1) and a date (2020-01-01). Give two numbers, or two dates or timestamps.",
                        "11: 'between' in "
                                + where
                                + "g runs from 50 down to 1. Write the lower bound first: between: [1, 50]",
                        "12: 'between' in "
                                + where
                                + "h runs from 2024-12-31 down to 2020-01-01. Write the lower bound first: between: [2020-01-01, 2024-12-31]",
                        "13: each bound of 'between' in "
                                + where
                                + "i"
                                + bound
                                + "nothing (an empty value). "
                                + BETWEEN_EXAMPLE,
                        "14: each bound of 'between' in "
                                + where
                                + "j"
                                + bound
                                + "a list. "
                                + BETWEEN_EXAMPLE,
                        "15: each bound of 'between' in "
                                + where
                                + "k"
                                + bound
                                + "a text ('2024-02-30'). "
                                + BETWEEN_EXAMPLE);
    }

    @Test
    void tablesTakesAPatternAndFollowParentsASwitch() {
        List<DatasetSpec> datasets =
                datasets(
                        """
                datasets:
                  - tables: "*"
                    rows: 1000
                    follow-parents: no
                  - tables: public.*
                    rows: 10
                  - table: orders
                    rows: 50_000
                    follow-parents: true
                """);
        assertThat(problems).isEmpty();
        assertThat(datasets)
                .containsExactly(
                        DatasetSpec.of("*", 1000).withFollowParents(false),
                        DatasetSpec.of("public.*", 10),
                        DatasetSpec.of("orders", 50_000));
        assertThat(datasets).extracting(DatasetSpec::isPattern).containsExactly(true, true, false);
        assertThat(datasets)
                .extracting(DatasetSpec::followParents)
                .containsExactly(false, true, true);
    }

    @Test
    void tablesAndFollowParentsOfAWrongShapeAreReported() {
        datasets(
                """
                datasets:
                  - table: orders
                    tables: "*"
                    rows: 1
                  - table: "*"
                    rows: 1
                  - tables: orders
                    rows: 1
                  - tables: [a, b]
                    rows: 1
                  - table: t
                    rows: 1
                    follow-parents: never
                """);
        assertThat(described(problems))
                .containsExactly(
                        "2: a dataset in profile 'p' names both table 'orders' and tables '*'. Keep table: for one table or tables: for a pattern, "
                                + "each in an entry of its own.",
                        "5: 'table' in profile 'p' > datasets is '*', a pattern. Write it as tables: \"*\"; table: names one table.",
                        "7: 'tables' in profile 'p' > datasets is 'orders', which has no *. Write a pattern: tables: \"*\" (every table of the current "
                                + "schema), tables: \"public.*\" (every table of schema public) or tables: \"*.*\" (every table); or table: orders for "
                                + "that table alone.",
                        "9: 'tables' in profile 'p' > datasets must be a text, but is a list. Write it as, for example: tables: \"*\"",
                        "13: 'follow-parents' of profile 'p' > datasets > t must be true or false, but is a text ('never'). Write it as, for example: "
                                + "follow-parents: false");
    }

    @Test
    void readsStatsAsThePlannerGivesThem() {
        List<DatasetSpec> datasets =
                datasets(
                        """
                datasets:
                  - table: orders
                    rows: 100
                    columns:
                      status:
                        stats: {nulls: 0.02, distinct: 5, mcv: {shipped: 0.61, "on hold": 0.2}, mcv-withheld: [0.1], width: 7}
                      total: {stats: {distinct: -0.5, histogram: [1, 10.5, 1_000], correlation: -0.3}}
                      placed: {stats: {histogram: [2020-01-01, "2024-06-30 12:00"]}}
                """);
        assertThat(problems).isEmpty();
        java.util.Map<String, Double> mcv = new java.util.LinkedHashMap<>();
        mcv.put("shipped", 0.61);
        mcv.put("on hold", 0.2);
        assertThat(datasets.get(0).columns())
                .containsExactly(
                        java.util.Map.entry(
                                "status",
                                new ColumnRule.Stats(
                                        0.02, 5.0, mcv, List.of(0.1), List.of(), 7.0, null)),
                        java.util.Map.entry(
                                "total",
                                new ColumnRule.Stats(
                                        null,
                                        -0.5,
                                        java.util.Map.of(),
                                        List.of(),
                                        List.of("1", "10.5", "1000"),
                                        null,
                                        -0.3)),
                        java.util.Map.entry(
                                "placed",
                                new ColumnRule.Stats(
                                        null,
                                        null,
                                        java.util.Map.of(),
                                        List.of(),
                                        List.of("2020-01-01", "2024-06-30 12:00"),
                                        null,
                                        null)));
        // the order of the most common values is kept: the first is the most common
        assertThat(((ColumnRule.Stats) datasets.get(0).columns().get("status")).mcv().keySet())
                .containsExactly("shipped", "on hold");
    }

    @Test
    void statsMistakesAreReportedWithTheirLines() {
        datasets(
                """
                datasets:
                  - table: t
                    rows: 1
                    columns:
                      a: {stats: [1]}
                      b: {stats: {nulls: 1.5, distinct: -2, width: -1, correlation: 2, top: 1}}
                      c: {stats: {mcv: {x: 0.7, y: high}, mcv-withheld: [0.1, -1]}}
                      d: {stats: {histogram: [10, 5]}}
                      e: {stats: {histogram: [1]}}
                      f: {stats: {nulls: 0.5, mcv: {x: 0.4}, mcv-withheld: [0.2]}}
                      g: {stats: {mcv: [x]}, value: 1}
                """);
        String where = "profile 'p' > datasets > t > columns > ";
        String histogram =
                "Write it as, for example: histogram: [1, 10, 100, 1000] or histogram: [2020-01-01, 2022-06-30, 2024-12-31]";
        assertThat(described(problems))
                .containsExactly(
                        "5: 'stats' in "
                                + where
                                + "a must be a mapping, but is a list. Write it as, for example: stats: {nulls: 0.02, distinct: 5, "
                                + "mcv: {shipped: 0.61, pending: 0.2}, mcv-withheld: [0.1], histogram: [1, 10, 100], width: 12, correlation: 0.3}",
                        "6: unknown key 'top' in "
                                + where
                                + "b > stats. Known keys here: nulls, distinct, mcv, mcv-withheld, histogram, width, correlation.",
                        "6: 'nulls' in "
                                + where
                                + "b > stats is 1.5, outside 0..1. Give the fraction of rows, e.g. nulls: 0.02 for 2%.",
                        "6: 'correlation' in "
                                + where
                                + "b > stats is 2.0, outside -1..1. Give a correlation from -1 to 1, e.g. correlation: 0.8",
                        "6: 'distinct' in "
                                + where
                                + "b > stats is -2.0, below -1. Give a count of distinct values (e.g. distinct: 5), or, negative, "
                                + "their fraction of the rows (distinct: -1: every row its own value).",
                        "6: 'width' in "
                                + where
                                + "b > stats is negative. Give the average characters of a value, e.g. width: 12",
                        "7: the fraction of 'y' in "
                                + where
                                + "c > stats > mcv must be from 0 to 1, but is a text ('high'). "
                                + "Write it as, for example: mcv: {shipped: 0.61, pending: 0.2}",
                        "7: each of 'mcv-withheld' in "
                                + where
                                + "c > stats must be a fraction from 0 to 1, but one is a number (-1). "
                                + "Write them as, for example: mcv-withheld: [0.3, 0.1]",
                        "8: the bounds of 'histogram' in "
                                + where
                                + "d > stats must be ascending and of one kind, but 5 follows 10. "
                                + histogram,
                        "9: 'histogram' in "
                                + where
                                + "e > stats must be a list of two bounds or more, but is a list of 1. "
                                + histogram,
                        "10: the NULLs and most common values in "
                                + where
                                + "f > stats take 1.1 of the rows, more than all of them. "
                                + "Make nulls, mcv and mcv-withheld add up to 1 or less.",
                        "11: "
                                + where
                                + "g gives value and stats, but a column takes one rule. Keep one of them; the rules are:\n"
                                + RULE_EXAMPLE.substring("Write it as one of:\n".length()));
    }
}
