package dev.parity.data;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Reads a profile's {@code seed:} and {@code datasets:}, reporting every problem with its line. Tables and
 * columns are checked against the schema once the database runs ({@link DatasetLoader}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DatasetsSection {

    public static final List<String> DATASET_KEYS =
            List.of("table", "tables", "rows", "seed", "mess", "follow-parents", "columns");
    public static final List<String> MESS_KEYS =
            List.of("nulls", "unicode", "whitespace", "duplicates", "extremes");
    private static final String EXAMPLE = "datasets:\n  - table: customers\n    rows: 1000000";

    private DatasetsSection() {}

    /** The profile's {@code seed:}, if it sets one. */
    public static OptionalLong seed(Section profile) {
        return profile.integer("seed", "42").map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** The profile's {@code datasets:}, in file order. */
    public static List<DatasetSpec> datasets(Section profile, List<Problem> problems) {
        String path = profile.path();
        List<DatasetSpec> datasets = new ArrayList<>();
        for (YamlNode.Mapping item : profile.mappings("datasets", EXAMPLE)) {
            Section dataset = new Section(item, path + " > datasets", DATASET_KEYS, problems);
            Optional<String> table = tableOrPattern(dataset, item, path, problems);
            if (table.isEmpty()) {
                continue;
            }
            String where = path + " > datasets > " + table.get();
            Optional<Long> rows = dataset.integer("rows", "1000000");
            if (rows.isPresent() && rows.get() < 0) {
                problems.add(
                        new Problem(
                                dataset.valueLocation("rows"),
                                "'rows' of " + where + " is negative",
                                "Give the number of rows to load, 0 or more, for example: rows: 100000"));
            } else if (!item.entries().containsKey("rows")
                    || Section.isNull(item.entries().get("rows"))) { // "rows:" with no number too
                problems.add(
                        new Problem(
                                dataset.valueLocation("rows"),
                                "'rows' of " + where + " is missing",
                                "Give the number of rows to load, 0 or more, for example: rows: 100000"));
            }
            DatasetSpec spec =
                    DatasetSpec.of(table.get(), Math.max(rows.orElse(0L), 0))
                            .withOrigin(item.location())
                            .withMess(mess(dataset, where, problems))
                            .withFollowParents(followParents(dataset, where, problems));
            OptionalLong seed =
                    dataset.integer("seed", "7").map(OptionalLong::of).orElse(OptionalLong.empty());
            if (seed.isPresent()) {
                spec = spec.withSeed(seed.getAsLong());
            }
            Optional<YamlNode.Mapping> columns =
                    dataset.mapping("columns", "columns:\n  email: \"#{Internet.emailAddress}\"");
            if (columns.isPresent()) {
                for (Map.Entry<String, YamlNode> column : columns.get().entries().entrySet()) {
                    ColumnRule rule =
                            ColumnRuleSection.rule(
                                    column.getValue(),
                                    where + " > columns > " + column.getKey(),
                                    problems);
                    if (rule != null) {
                        spec = spec.withColumn(column.getKey(), rule);
                    }
                }
            }
            datasets.add(spec);
        }
        return datasets;
    }

    /** {@code table: orders}, or {@code tables:} with a pattern such as {@code "*"} or {@code "public.*"}; empty after a problem. */
    private static Optional<String> tableOrPattern(
            Section dataset, YamlNode.Mapping item, String path, List<Problem> problems) {
        Optional<String> table = dataset.text("table", "customers");
        Optional<String> pattern = dataset.text("tables", "\"*\"");
        if (table.isPresent() && pattern.isPresent()) {
            problems.add(
                    new Problem(
                            item.location(),
                            "a dataset in "
                                    + path
                                    + " names both table '"
                                    + table.get()
                                    + "' and tables '"
                                    + pattern.get()
                                    + "'",
                            "Keep table: for one table or tables: for a pattern, each in an entry of its own."));
            return Optional.empty();
        }
        if (table.isPresent() && table.get().contains("*")) {
            problems.add(
                    new Problem(
                            dataset.valueLocation("table"),
                            "'table' in "
                                    + path
                                    + " > datasets is '"
                                    + table.get()
                                    + "', a pattern",
                            "Write it as tables: \""
                                    + table.get()
                                    + "\"; table: names one table."));
            return Optional.empty();
        }
        if (pattern.isPresent() && !pattern.get().contains("*")) {
            problems.add(
                    new Problem(
                            dataset.valueLocation("tables"),
                            "'tables' in "
                                    + path
                                    + " > datasets is '"
                                    + pattern.get()
                                    + "', which has no *",
                            "Write a pattern: tables: \"*\" (every table of the current schema), tables: \"public.*\" (every table of schema public) "
                                    + "or tables: \"*.*\" (every table); or table: "
                                    + pattern.get()
                                    + " for that table alone."));
            return Optional.empty();
        }
        if (table.isEmpty() && pattern.isEmpty()) {
            if (!item.entries().containsKey("table")
                    && !item.entries().containsKey("tables")) { // else a wrong type was reported
                problems.add(
                        new Problem(
                                item.location(),
                                "a dataset in " + path + " names no table",
                                "Add one, for example: table: customers (or tables: \"*\" for every table)"));
            }
            return Optional.empty();
        }
        return table.isPresent() ? table : pattern;
    }

    /** {@code follow-parents:}, true unless the dataset says false. */
    private static boolean followParents(Section dataset, String where, List<Problem> problems) {
        YamlNode node = dataset.valueNode("follow-parents");
        if (node == null || Section.isNull(node)) {
            return true;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("bool")) {
            return List.of("true", "yes", "on")
                    .contains(scalar.text().toLowerCase(java.util.Locale.ROOT));
        }
        problems.add(
                new Problem(
                        node.location(),
                        "'follow-parents' of "
                                + where
                                + " must be true or false, but is "
                                + node.kind(),
                        "Write it as, for example: follow-parents: false"));
        return true;
    }

    private static Mess mess(Section dataset, String where, List<Problem> problems) {
        YamlNode node = dataset.valueNode("mess");
        if (node == null) {
            return Mess.defaults();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.text().equals("none")) {
            return Mess.none();
        }
        Optional<YamlNode.Mapping> mapping =
                Section.asMapping(
                        node,
                        "'mess' of " + where,
                        "mess: {nulls: 0.05, unicode: 0.10}   (or mess: none)",
                        problems);
        if (mapping.isEmpty()) {
            return Mess.defaults();
        }
        Section knobs = new Section(mapping.get(), "'mess' of " + where, MESS_KEYS, problems);
        Mess defaults = Mess.defaults();
        double[] values = {
            defaults.nulls(),
            defaults.unicode(),
            defaults.whitespace(),
            defaults.duplicates(),
            defaults.extremes()
        };
        for (int i = 0; i < MESS_KEYS.size(); i++) {
            String knob = MESS_KEYS.get(i);
            Optional<Double> value = knobs.number(knob, "0.05");
            if (value.isPresent() && (value.get() < 0 || value.get() > 1)) {
                problems.add(
                        new Problem(
                                knobs.valueLocation(knob),
                                "mess '"
                                        + knob
                                        + "' of "
                                        + where
                                        + " is "
                                        + value.get()
                                        + ", outside 0..1",
                                "Give the fraction of cells, e.g. 0.05 for 5%."));
            } else if (value.isPresent()) {
                values[i] = value.get();
            }
        }
        return new Mess(values[0], values[1], values[2], values[3], values[4]);
    }

    /** Where a dataset declared on a class was written. */
    public static Location annotationOrigin(String table, String className) {
        return Location.of("@Dataset(table = \"" + table + "\") on " + className);
    }
}
