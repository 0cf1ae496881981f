package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The column-rule language of a dataset's {@code columns:}: a Datafaker expression, {@code {values, weights}},
 * {@code {ref, skew}}, {@code {value}}, {@code {between}} or {@code {stats}}, read into a {@link ColumnRule} with
 * every problem and its line. {@link DatasetsSection} reads the rest of a dataset.
 */
final class ColumnRuleSection {

    public static final List<String> RULE_KEYS =
            List.of("values", "weights", "ref", "skew", "value", "between", "stats");

    /** The parts of a {@code stats:} rule, as the planner's statistics name them. */
    public static final List<String> STATS_KEYS =
            List.of(
                    "nulls",
                    "distinct",
                    "mcv",
                    "mcv-withheld",
                    "histogram",
                    "width",
                    "correlation");

    /** The kinds of column rule; a rule is one of them. */
    private static final List<String> RULE_KINDS =
            List.of("ref", "values", "value", "between", "stats");

    /** Keys that go with one kind only, and that kind. */
    private static final Map<String, String> RULE_COMPANIONS =
            new TreeMap<>(Map.of("skew", "ref", "weights", "values"));

    private static final String RULE_EXAMPLE =
            "  email: \"#{Internet.emailAddress}\"\n  country: {values: [BR, DE], weights: [5, 2]}\n"
                    + "  customer_id: {ref: customers.id, skew: zipf}\n  status: {value: ACTIVE}\n  age: {between: [18, 99]}\n"
                    + "  state: {stats: {nulls: 0.02, distinct: 5, mcv: {shipped: 0.61, pending: 0.2}}}";
    private static final String STATS_EXAMPLE =
            "Write it as, for example: stats: {nulls: 0.02, distinct: 5, mcv: {shipped: 0.61, pending: 0.2}, "
                    + "mcv-withheld: [0.1], histogram: [1, 10, 100], width: 12, correlation: 0.3}";
    private static final String BETWEEN_EXAMPLE =
            "Write it as, for example: between: [1, 50], between: [2020-01-01, 2024-12-31] "
                    + "or between: [\"2024-01-01 08:00\", \"2024-01-01 18:00\"]";

    private ColumnRuleSection() {}

    /** A Datafaker expression, {@code {values, weights}}, {@code {ref, skew}}, {@code {value}} or {@code {between}}. */
    static ColumnRule rule(YamlNode node, String where, List<Problem> problems) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("str")) {
            return ColumnRule.expression(scalar.text());
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(
                    new Problem(
                            node.location(),
                            where
                                    + " must be a Datafaker expression or a mapping, but is "
                                    + node.kind(),
                            "Write it as one of:\n" + RULE_EXAMPLE));
            return null;
        }
        Section rule = new Section(mapping, where, RULE_KEYS, problems);
        if (!oneKindOfRule(mapping, where, problems)) {
            return null;
        }
        if (mapping.entries().containsKey("ref")) {
            String skewName = rule.text("skew", "zipf").orElse("uniform");
            Skew skew = Skew.byName(skewName);
            if (skew == null) {
                problems.add(
                        new Problem(
                                rule.valueLocation("skew"),
                                "unknown skew '" + skewName + "' in " + where,
                                "Use uniform or zipf."));
            }
            Skew chosen = skew != null ? skew : Skew.UNIFORM;
            return rule.text("ref", "customers.id")
                    .map(ref -> ColumnRule.ref(ref, chosen))
                    .orElse(null);
        }
        if (mapping.entries().containsKey("values")) {
            return ColumnRule.values(
                    values(mapping.entries().get("values"), where, problems),
                    weights(mapping, where, problems));
        }
        if (mapping.entries().containsKey("value")) {
            YamlNode value = mapping.entries().get("value");
            if (value instanceof YamlNode.Scalar scalar) {
                return scalar.type().equals("null")
                        ? ColumnRule.nullValue()
                        : ColumnRule.constant(asWritten(scalar));
            }
            problems.add(
                    new Problem(
                            value.location(),
                            "'value' in "
                                    + where
                                    + " must be a single value, but is "
                                    + value.kind(),
                            "Write it as, for example: {value: ACTIVE}, {value: 42} or {value: null}."));
            return null;
        }
        if (mapping.entries().containsKey("between")) {
            return between(mapping.entries().get("between"), where, problems);
        }
        if (mapping.entries().containsKey("stats")) {
            return stats(mapping.entries().get("stats"), where, problems);
        }
        problems.add(
                new Problem(
                        mapping.location(),
                        where + " says neither values, ref, value, between nor stats",
                        "Write it as one of:\n" + RULE_EXAMPLE));
        return null;
    }

    /**
     * A rule is one of ref, values, value or between, and skew and weights go with ref and values only: in
     * {@code {ref: customers.id, values: [1, 2]}} or {@code {value: X, weights: [1]}} one part would be ignored.
     */
    private static boolean oneKindOfRule(
            YamlNode.Mapping mapping, String where, List<Problem> problems) {
        List<String> kinds = RULE_KINDS.stream().filter(mapping.entries()::containsKey).toList();
        if (kinds.size() > 1) {
            problems.add(
                    new Problem(
                            mapping.location(),
                            where
                                    + " gives "
                                    + String.join(" and ", kinds)
                                    + ", but a column takes one rule",
                            "Keep one of them; the rules are:\n" + RULE_EXAMPLE));
            return false;
        }
        boolean one = true;
        for (Map.Entry<String, String> companion : RULE_COMPANIONS.entrySet()) {
            if (mapping.entries().containsKey(companion.getKey())
                    && !kinds.isEmpty()
                    && !kinds.contains(companion.getValue())) {
                problems.add(
                        new Problem(
                                mapping.keyLocations().get(companion.getKey()),
                                "'"
                                        + companion.getKey()
                                        + "' in "
                                        + where
                                        + " goes with '"
                                        + companion.getValue()
                                        + "' only, and this rule is '"
                                        + kinds.get(0)
                                        + "'",
                                "Remove it, or write the rule with "
                                        + companion.getValue()
                                        + ":\n"
                                        + RULE_EXAMPLE));
                one = false;
            }
        }
        return one;
    }

    /**
     * {@code stats: {nulls, distinct, mcv, mcv-withheld, histogram, width, correlation}}: fractions within 0..1 that
     * add up to 1 at most, a distinct count above 0 or a fraction of the rows from -1 to 0, ascending histogram bounds.
     */
    private static ColumnRule stats(YamlNode node, String where, List<Problem> problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'stats' in " + where + " must be a mapping, but is " + node.kind(),
                            STATS_EXAMPLE));
            return null;
        }
        String at = where + " > stats";
        int before = problems.size();
        Section stats = new Section(mapping, at, STATS_KEYS, problems);
        Double nulls = fraction(stats, "nulls", 0, at, problems);
        Double correlation = fraction(stats, "correlation", -1, at, problems);
        Double distinct = stats.number("distinct", "5").orElse(null);
        if (distinct != null && distinct < -1) {
            problems.add(
                    new Problem(
                            stats.valueLocation("distinct"),
                            "'distinct' in " + at + " is " + distinct + ", below -1",
                            "Give a count of distinct values (e.g. distinct: 5), or, negative, their fraction of the rows (distinct: -1: every row its own value)."));
        }
        Double width = stats.number("width", "12").orElse(null);
        if (width != null && width < 0) {
            problems.add(
                    new Problem(
                            stats.valueLocation("width"),
                            "'width' in " + at + " is negative",
                            "Give the average characters of a value, e.g. width: 12"));
        }
        Map<String, Double> mcv = mcv(mapping.entries().get("mcv"), at, problems);
        List<Double> withheld = new ArrayList<>();
        YamlNode withheldNode = mapping.entries().get("mcv-withheld");
        if (withheldNode instanceof YamlNode.Sequence sequence) {
            for (YamlNode item : sequence.items()) {
                Optional<Double> number = Section.finiteNumber(item);
                if (number.isPresent() && number.get() >= 0 && number.get() <= 1) {
                    withheld.add(number.get());
                } else {
                    problems.add(
                            new Problem(
                                    item.location(),
                                    "each of 'mcv-withheld' in "
                                            + at
                                            + " must be a fraction from 0 to 1, but one is "
                                            + item.kind(),
                                    "Write them as, for example: mcv-withheld: [0.3, 0.1]"));
                }
            }
        } else if (withheldNode != null && !Section.isNull(withheldNode)) {
            problems.add(
                    new Problem(
                            withheldNode.location(),
                            "'mcv-withheld' in "
                                    + at
                                    + " must be a list, but is "
                                    + withheldNode.kind(),
                            "Write it as, for example: mcv-withheld: [0.3, 0.1]"));
        }
        List<String> histogram = histogram(mapping.entries().get("histogram"), at, problems);
        if (problems.size() > before) {
            return null;
        }
        double taken =
                (nulls == null ? 0 : nulls)
                        + mcv.values().stream().mapToDouble(Double::doubleValue).sum()
                        + withheld.stream().mapToDouble(Double::doubleValue).sum();
        if (taken > 1 + 1e-6) {
            problems.add(
                    new Problem(
                            mapping.location(),
                            "the NULLs and most common values in "
                                    + at
                                    + " take "
                                    + Math.round(taken * 1000) / 1000.0
                                    + " of the rows, more than all of them",
                            "Make nulls, mcv and mcv-withheld add up to 1 or less."));
            return null;
        }
        return new ColumnRule.Stats(nulls, distinct, mcv, withheld, histogram, width, correlation);
    }

    private static Double fraction(
            Section stats, String key, double lowest, String at, List<Problem> problems) {
        Optional<Double> value = stats.number(key, lowest < 0 ? "0.8" : "0.02");
        if (value.isPresent() && (value.get() < lowest || value.get() > 1)) {
            problems.add(
                    new Problem(
                            stats.valueLocation(key),
                            "'"
                                    + key
                                    + "' in "
                                    + at
                                    + " is "
                                    + value.get()
                                    + ", outside "
                                    + (int) lowest
                                    + "..1",
                            lowest < 0
                                    ? "Give a correlation from -1 to 1, e.g. correlation: 0.8"
                                    : "Give the fraction of rows, e.g. " + key + ": 0.02 for 2%."));
        }
        return value.orElse(null);
    }

    /** {@code mcv: {shipped: 0.61, pending: 0.2}}: values as written, each with its fraction of the rows. */
    private static Map<String, Double> mcv(YamlNode node, String at, List<Problem> problems) {
        Map<String, Double> mcv = new java.util.LinkedHashMap<>();
        if (node == null || Section.isNull(node)) {
            return mcv;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'mcv' in "
                                    + at
                                    + " must be a mapping of values to fractions, but is "
                                    + node.kind(),
                            "Write it as, for example: mcv: {shipped: 0.61, pending: 0.2}"));
            return mcv;
        }
        mapping.entries()
                .forEach(
                        (value, fraction) -> {
                            Optional<Double> number = Section.finiteNumber(fraction);
                            if (number.isPresent() && number.get() >= 0 && number.get() <= 1) {
                                mcv.put(value, number.get());
                            } else {
                                problems.add(
                                        new Problem(
                                                fraction.location(),
                                                "the fraction of '"
                                                        + value
                                                        + "' in "
                                                        + at
                                                        + " > mcv must be from 0 to 1, but is "
                                                        + fraction.kind(),
                                                "Write it as, for example: mcv: {shipped: 0.61, pending: 0.2}"));
                            }
                        });
        return mcv;
    }

    /** {@code histogram: [1, 10, 100]}: two or more numbers, dates or timestamps, ascending. */
    private static List<String> histogram(YamlNode node, String at, List<Problem> problems) {
        List<String> bounds = new ArrayList<>();
        if (node == null || Section.isNull(node)) {
            return bounds;
        }
        String example =
                "Write it as, for example: histogram: [1, 10, 100, 1000] or histogram: [2020-01-01, 2022-06-30, 2024-12-31]";
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().size() < 2) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'histogram' in "
                                    + at
                                    + " must be a list of two bounds or more, but is "
                                    + (node instanceof YamlNode.Sequence s
                                            ? "a list of " + s.items().size()
                                            : node.kind()),
                            example));
            return bounds;
        }
        Bound previous = null;
        for (YamlNode item : sequence.items()) {
            Optional<Bound> bound =
                    item instanceof YamlNode.Scalar scalar
                                    && !scalar.type().equals("null")
                                    && !scalar.type().equals("bool")
                            ? Bound.parse(asWritten(scalar))
                            : Optional.empty();
            if (bound.isEmpty()) {
                problems.add(
                        new Problem(
                                item.location(),
                                "each bound of 'histogram' in "
                                        + at
                                        + " must be a number, a date or a timestamp, but one is "
                                        + item.kind(),
                                example));
                return List.of();
            }
            if (previous != null
                    && (previous.isNumber() != bound.get().isNumber()
                            || previous.isAfter(bound.get()))) {
                problems.add(
                        new Problem(
                                item.location(),
                                "the bounds of 'histogram' in "
                                        + at
                                        + " must be ascending and of one kind, but "
                                        + bound.get().text()
                                        + " follows "
                                        + previous.text(),
                                example));
                return List.of();
            }
            previous = bound.get();
            bounds.add(bound.get().text());
        }
        return bounds;
    }

    /** {@code between: [from, to]}: two numbers, or two dates or timestamps, the lower first. Their type is checked against the column's later. */
    private static ColumnRule between(YamlNode node, String where, List<Problem> problems) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'between' in "
                                    + where
                                    + " must be a list of two bounds, but is "
                                    + node.kind(),
                            BETWEEN_EXAMPLE));
            return null;
        }
        if (sequence.items().size() != 2) {
            int count = sequence.items().size();
            problems.add(
                    new Problem(
                            node.location(),
                            "'between' in "
                                    + where
                                    + " has "
                                    + count
                                    + (count == 1 ? " bound" : " bounds")
                                    + ", not 2",
                            BETWEEN_EXAMPLE));
            return null;
        }
        List<Bound> bounds = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            Optional<Bound> bound =
                    item instanceof YamlNode.Scalar scalar
                                    && !scalar.type().equals("null")
                                    && !scalar.type().equals("bool")
                            ? Bound.parse(asWritten(scalar))
                            : Optional.empty();
            if (bound.isEmpty()) {
                problems.add(
                        new Problem(
                                item.location(),
                                "each bound of 'between' in "
                                        + where
                                        + " must be a number, a date or a timestamp, but one is "
                                        + item.kind(),
                                BETWEEN_EXAMPLE));
                return null;
            }
            bounds.add(bound.get());
        }
        Bound from = bounds.get(0);
        Bound to = bounds.get(1);
        if (from.isNumber() != to.isNumber()) {
            problems.add(
                    new Problem(
                            node.location(),
                            "the bounds of 'between' in "
                                    + where
                                    + " are "
                                    + from.describe()
                                    + " and "
                                    + to.describe(),
                            "Give two numbers, or two dates or timestamps."));
            return null;
        }
        if (from.isAfter(to)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'between' in "
                                    + where
                                    + " runs from "
                                    + from.text()
                                    + " down to "
                                    + to.text(),
                            "Write the lower bound first: between: ["
                                    + to.text()
                                    + ", "
                                    + from.text()
                                    + "]"));
            return null;
        }
        return ColumnRule.between(from.text(), to.text());
    }

    /** Values as YAML writes them: texts, numbers and booleans alike. */
    private static List<String> values(YamlNode node, String where, List<Problem> problems) {
        List<String> values = new ArrayList<>();
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'values' in " + where + " must be a list, but is " + node.kind(),
                            "Write them as, for example: values: [BR, DE] or values: [1999, 2005]"));
            return values;
        }
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar scalar && !scalar.type().equals("null")) {
                values.add(asWritten(scalar));
            } else {
                problems.add(
                        new Problem(
                                item.location(),
                                "each of the values in "
                                        + where
                                        + " must be a single value, but one is "
                                        + item.kind(),
                                "Write them as, for example: values: [BR, DE] or values: [1999, 2005]; leave NULLs to the mess."));
            }
        }
        return values;
    }

    /**
     * A value as written: numbers without YAML's digit separators ({@code 1_000} is 1000), everything else
     * (booleans, texts, {@code 017}, {@code NO}) letter for letter; a boolean column reads YAML's booleans as its own.
     */
    private static String asWritten(YamlNode.Scalar scalar) {
        boolean number = scalar.type().equals("int") || scalar.type().equals("float");
        return number ? scalar.text().replace("_", "") : scalar.text();
    }

    private static List<Double> weights(
            YamlNode.Mapping mapping, String where, List<Problem> problems) {
        List<Double> weights = new ArrayList<>();
        YamlNode weightsNode = mapping.entries().get("weights");
        int values =
                mapping.entries().get("values") instanceof YamlNode.Sequence s
                        ? s.items().size()
                        : 0;
        if (weightsNode instanceof YamlNode.Sequence sequence) {
            for (YamlNode weight : sequence.items()) {
                Optional<Double> number = Section.finiteNumber(weight);
                if (number.isPresent() && number.get() >= 0) {
                    weights.add(number.get());
                } else {
                    problems.add(
                            new Problem(
                                    weight.location(),
                                    "each weight in "
                                            + where
                                            + " must be a number, 0 or more, but one is "
                                            + weight.kind(),
                                    "Write them as, for example: weights: [5, 2, 2, 1]"));
                }
            }
            if (sequence.items().size() != values) {
                problems.add(
                        new Problem(
                                weightsNode.location(),
                                where
                                        + " has "
                                        + values
                                        + " values but "
                                        + sequence.items().size()
                                        + " weights",
                                "Give one weight per value, or none for equal weights."));
            }
        } else if (weightsNode != null) {
            problems.add(
                    new Problem(
                            weightsNode.location(),
                            "'weights' in "
                                    + where
                                    + " must be a list, but is "
                                    + weightsNode.kind(),
                            "Write them as, for example: weights: [5, 2, 2, 1]"));
        }
        return weights;
    }
}
