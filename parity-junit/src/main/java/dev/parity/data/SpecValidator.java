package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.Suggestions;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the specs against the schema before anything is generated: tables, columns and references
 * that exist, row counts, mess knobs, value lists and Datafaker expressions. Every problem names the
 * spec's origin, what is wrong and how to fix it.
 */
final class SpecValidator {

    private final Map<String, TableInfo> schema;
    private final List<Problem> problems = new ArrayList<>();

    SpecValidator(Map<String, TableInfo> schema) {
        this.schema = schema;
    }

    /** The problems found; empty when every spec can be loaded as far as the specs alone tell. */
    List<Problem> validate(List<DatasetSpec> specs) {
        Set<String> seen = new HashSet<>();
        for (DatasetSpec spec : specs) {
            Optional<TableInfo> table = table(spec.table());
            if (table.isEmpty()) {
                problem(
                        spec,
                        "there is no table '" + spec.table() + "' in schema " + schemaName(),
                        Suggestions.didYouMean(spec.table(), schema.keySet())
                                + "Name one of its tables: "
                                + String.join(", ", new java.util.TreeSet<>(schema.keySet()))
                                + ".");
                continue;
            }
            if (!seen.add(table.get().name())) {
                problem(
                        spec,
                        "table '" + spec.table() + "' has a second dataset",
                        "Give each table one dataset, with all its rows.");
            }
            if (spec.rows() < 0) {
                problem(
                        spec,
                        "rows is " + spec.rows() + " for table '" + spec.table() + "'",
                        "Use 0 or more rows.");
            }
            mess(spec);
            spec.columns().forEach((column, rule) -> rule(spec, table.get(), column, rule));
        }
        return problems;
    }

    /**
     * The table {@code name} names: a key of the schema, else its bare name (case ignored) in the schema it is
     * qualified with. The qualifier must match: {@code audti.orders} is no table, not the current schema's orders.
     */
    Optional<TableInfo> table(String name) {
        TableInfo exact = schema.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dot = name.lastIndexOf('.');
        String qualifier = dot < 0 ? null : name.substring(0, dot);
        String bare = name.substring(dot + 1);
        return Stream.concat(
                        Stream.ofNullable(schema.get(bare)),
                        schema.values().stream().filter(t -> t.name().equalsIgnoreCase(bare)))
                .filter(t -> qualifier == null || t.schema().equalsIgnoreCase(qualifier))
                .findFirst();
    }

    private String schemaName() {
        return schema.values().stream().findFirst().map(TableInfo::schema).orElse("(empty)");
    }

    private void mess(DatasetSpec spec) {
        Mess mess = spec.mess();
        double[] knobs = {
            mess.nulls(), mess.unicode(), mess.whitespace(), mess.duplicates(), mess.extremes()
        };
        String[] names = {"nulls", "unicode", "whitespace", "duplicates", "extremes"};
        for (int i = 0; i < knobs.length; i++) {
            if (!(knobs[i] >= 0 && knobs[i] <= 1)) {
                problem(
                        spec,
                        "mess." + names[i] + " is " + knobs[i],
                        "Use a fraction of the cells, from 0 to 1 (e.g. 0.05 for 5%).");
            }
        }
        if (mess.total() > 1 + 1e-9) {
            problem(
                    spec,
                    "the mess fractions add up to " + mess.total(),
                    "Each cell gets at most one kind of mess, so the fractions must add up to 1 or less.");
        }
    }

    private void rule(DatasetSpec spec, TableInfo table, String column, ColumnRule rule) {
        Optional<ColumnInfo> info = table.column(column);
        List<String> names = table.columns().stream().map(ColumnInfo::name).toList();
        if (info.isEmpty()) {
            problem(
                    spec,
                    "table '" + table.name() + "' has no column '" + column + "'",
                    Suggestions.didYouMean(column, names)
                            + "Its columns are: "
                            + String.join(", ", names)
                            + ".");
            return;
        }
        if (info.get().generated()) {
            problem(
                    spec,
                    "column '" + table.name() + "." + column + "' is generated by the database",
                    "Remove its rule: its values are computed.");
        }
        if (rule instanceof ColumnRule.Expression expression) {
            FakerPools.rejection(expression.expression())
                    .ifPresent(
                            why ->
                                    problem(
                                            spec,
                                            "column '" + column + "': " + why,
                                            "Expressions look like #{Provider.method},"
                                                    + " e.g. #{Internet.emailAddress} or #{Name.fullName}; fix the expression or use a value list."));
        } else if (rule instanceof ColumnRule.Weighted weighted) {
            weighted(spec, column, weighted);
        } else if (rule instanceof ColumnRule.Ref ref) {
            ref(spec, column, ref);
        } else if (rule instanceof ColumnRule.Between between) {
            between(spec, table, info.get(), between);
        } else if (rule instanceof ColumnRule.Stats stats) {
            histogram(spec, table, info.get(), stats.histogram());
        }
    }

    /** A histogram's buckets hold numbers, dates or timestamps the column can take. */
    private void histogram(
            DatasetSpec spec, TableInfo table, ColumnInfo column, List<String> bounds) {
        if (bounds.size() < 2) {
            return;
        }
        if (!StatsValues.ranged(column.type())) {
            problem(
                    spec,
                    "column '"
                            + table.name()
                            + "."
                            + column.name()
                            + "' ("
                            + column.type().sqlType()
                            + ") has stats with a histogram, "
                            + "which only numbers, dates and timestamps take",
                    "Remove the histogram: the other values of a text are generated"
                            + " (about width characters each).");
            return;
        }
        Optional<Bound> from = Bound.parse(bounds.get(0));
        Optional<Bound> to = Bound.parse(bounds.get(bounds.size() - 1));
        if (from.isPresent() && to.isPresent()) {
            RangeValues.problem(
                            spec.origin(),
                            table.name() + "." + column.name(),
                            column.type(),
                            from.get(),
                            to.get(),
                            CheckReader.read(table).of(column.name()))
                    .ifPresent(
                            p ->
                                    problems.add(
                                            new Problem(
                                                    p.where(),
                                                    p.what()
                                                            .replace(
                                                                    "has between [",
                                                                    "has stats with a histogram over ["),
                                                    p.fix())));
        }
    }

    private void between(
            DatasetSpec spec, TableInfo table, ColumnInfo column, ColumnRule.Between between) {
        Optional<Bound> from = Bound.parse(between.from());
        Optional<Bound> to = Bound.parse(between.to());
        if (from.isEmpty() || to.isEmpty()) {
            problem(
                    spec,
                    "column '"
                            + column.name()
                            + "' has between ["
                            + between.from()
                            + ", "
                            + between.to()
                            + "], and '"
                            + (from.isEmpty() ? between.from() : between.to())
                            + "' is neither a number, a date nor a timestamp",
                    "Give two numbers, or two dates or timestamps, for example: between: [1, 50]");
            return;
        }
        RangeValues.problem(
                        spec.origin(),
                        table.name() + "." + column.name(),
                        column.type(),
                        from.get(),
                        to.get(),
                        CheckReader.read(table).of(column.name()))
                .ifPresent(problems::add);
    }

    private void weighted(DatasetSpec spec, String column, ColumnRule.Weighted weighted) {
        if (weighted.values().isEmpty()) {
            problem(
                    spec,
                    "column '" + column + "' has an empty list of values",
                    "List at least one value.");
        } else if (!weighted.weights().isEmpty()
                && weighted.weights().size() != weighted.values().size()) {
            problem(
                    spec,
                    "column '"
                            + column
                            + "' has "
                            + weighted.values().size()
                            + " values but "
                            + weighted.weights().size()
                            + " weights",
                    "Give one weight per value, or none for equal weights.");
        } else if (weighted.weights().stream().anyMatch(w -> w == null || !(w >= 0))
                || !weighted.weights().isEmpty()
                        && weighted.weights().stream().mapToDouble(Double::doubleValue).sum()
                                <= 0) {
            problem(
                    spec,
                    "column '" + column + "' has weights " + weighted.weights(),
                    "Use weights of 0 or more, at least one above 0.");
        }
    }

    private void ref(DatasetSpec spec, String column, ColumnRule.Ref ref) {
        String written = ref.table() + (ref.column().isEmpty() ? "" : "." + ref.column());
        if (ref.column().isEmpty()) {
            problem(
                    spec,
                    "column '" + column + "' has ref '" + written + "', which names no column",
                    "Write the ref as table.column, e.g. customers.id.");
            return;
        }
        Optional<TableInfo> target = table(ref.table());
        if (target.isEmpty()) {
            problem(
                    spec,
                    "column '"
                            + column
                            + "' has ref '"
                            + written
                            + "', but there is no table '"
                            + ref.table()
                            + "'",
                    Suggestions.didYouMean(ref.table(), schema.keySet())
                            + "Name an existing table, as table.column.");
            return;
        }
        List<String> names = target.get().columns().stream().map(ColumnInfo::name).toList();
        if (target.get().column(ref.column()).isEmpty()) {
            problem(
                    spec,
                    "column '"
                            + column
                            + "' has ref '"
                            + written
                            + "', but table '"
                            + target.get().name()
                            + "' has no column '"
                            + ref.column()
                            + "'",
                    Suggestions.didYouMean(ref.column(), names)
                            + "Its columns are: "
                            + String.join(", ", names)
                            + ".");
        }
        if (ref.skew() == null) {
            problem(
                    spec,
                    "column '" + column + "' has a ref without a skew",
                    "Use skew uniform or zipf.");
        }
    }

    private void problem(DatasetSpec spec, String what, String fix) {
        problems.add(new Problem(spec.origin(), what, fix));
    }
}
