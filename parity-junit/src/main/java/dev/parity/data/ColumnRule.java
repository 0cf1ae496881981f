package dev.parity.data;

import dev.parity.engine.schema.ColumnType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a dataset says about one column. Each rule decides how its column gets values ({@link #plan}), so
 * a new kind of rule does not compile until it says so; a column nobody wrote a rule for has
 * {@link #FROM_TYPE}: values chosen by its type, its constraints and its name.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface ColumnRule {

    /** The rule of every column without one of its own. */
    ColumnRule FROM_TYPE = new FromType();

    /** The column's values and mess, or {@link ColumnContext.Planned#FILLED_BY_DATABASE}. */
    ColumnContext.Planned plan(ColumnContext column);

    /** Whether values of this rule can be made unique per row (for a key column). */
    boolean canBeUnique();

    /** Generated from the column's type, CHECK limits and name; a foreign key's values from the referenced rows. */
    record FromType() implements ColumnRule {

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            if (column.reference().isPresent()) {
                return new ColumnContext.Planned(
                        ColumnValues.of(column.reference().get()), Mess.none());
            }
            if (column.rowUnique()) {
                return column.uniqueValues(null);
            }
            return column.fromType();
        }

        @Override
        public boolean canBeUnique() {
            return true;
        }
    }

    /** A Datafaker expression such as {@code #{Internet.emailAddress}}; values come from a pool of its results. */
    record Expression(String expression) implements ColumnRule {

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            ValueGenerator base = column.expression(expression);
            return column.rowUnique()
                    ? column.uniqueValues(base)
                    : new ColumnContext.Planned(
                            new ColumnValues(base, List.of(), column.info().type().isText()),
                            column.mess());
        }

        @Override
        public boolean canBeUnique() {
            return true;
        }
    }

    /**
     * One of {@code values}, picked with the given relative {@code weights} (all 1 when empty). A closed set:
     * Parity adds no text mess to it, only NULLs where the column allows them.
     */
    record Weighted(List<String> values, List<Double> weights) implements ColumnRule {

        public Weighted {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            List<String> written = values.stream().map(v -> written(v, column)).toList();
            return new ColumnContext.Planned(
                    ColumnValues.of(weighted(written)),
                    Mess.none().withNulls(column.mess().nulls()));
        }

        private ValueGenerator weighted(List<String> written) {
            double[] cumulative = new double[values.size()];
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                sum += weights.isEmpty() ? 1 : weights.get(i);
                cumulative[i] = sum;
            }
            double total = sum;
            return (row, r) -> {
                double u = r.nextDouble() * total;
                for (int i = 0; i < cumulative.length; i++) {
                    if (u < cumulative[i]) {
                        return written.get(i);
                    }
                }
                return written.get(written.size() - 1);
            };
        }

        @Override
        public boolean canBeUnique() {
            return false;
        }
    }

    /** Values of {@code table.column}, of rows that exist or are loaded before this table. */
    record Ref(String table, String column, Skew skew) implements ColumnRule {

        @Override
        public ColumnContext.Planned plan(ColumnContext context) {
            return context.reference()
                    .map(
                            generator ->
                                    new ColumnContext.Planned(
                                            ColumnValues.of(generator), Mess.none()))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "a ref without its reference: " + this));
        }

        @Override
        public boolean canBeUnique() {
            return false;
        }
    }

    /** The same value in every row; {@code null} for SQL NULL. */
    record Constant(String value) implements ColumnRule {

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            String written = value == null ? null : written(value, column);
            return new ColumnContext.Planned(ColumnValues.of((row, r) -> written), Mess.none());
        }

        @Override
        public boolean canBeUnique() {
            return false;
        }
    }

    /**
     * Numbers, dates or timestamps from {@code from} to {@code to}, both included, spread evenly, in the
     * column's type ({@link RangeValues}); written as in YAML ({@code 1}, {@code 2.5}, {@code 2020-01-01},
     * {@code 2020-01-01 08:30}). Mess stays inside the range: NULLs where nullable, duplicates of earlier
     * values, the bounds as extremes. On a key column each row takes a value of its own, as long as the
     * range holds enough of them.
     */
    record Between(String from, String to) implements ColumnRule {

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            RangeValues range =
                    RangeValues.of(
                            column.info().type(),
                            bound(from),
                            bound(to),
                            column.sessionZone(),
                            column.syntax().zonesInLiterals());
            if (!column.rowUnique()) {
                return new ColumnContext.Planned(
                        new ColumnValues(range.any(), range.bounds(), false), column.mess());
            }
            if (column.rows() > range.capacity()) {
                column.problem(
                        "column '"
                                + column.table()
                                + "."
                                + column.info().name()
                                + "' ("
                                + column.info().type().sqlType()
                                + ") is a unique key, and between ["
                                + from
                                + ", "
                                + to
                                + "] holds "
                                + range.capacity()
                                + " distinct values, fewer than the "
                                + column.rows()
                                + " rows asked for",
                        "Ask for at most " + range.capacity() + " rows, or widen the range.");
                return ColumnContext.Planned.FILLED_BY_DATABASE;
            }
            return new ColumnContext.Planned(
                    ColumnValues.of(range.unique(column.rows())), Mess.none());
        }

        private static Bound bound(String text) {
            return Bound.parse(text)
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "a between bound the validator let through: " + text));
        }

        @Override
        public boolean canBeUnique() {
            return true;
        }
    }

    /**
     * The shape of a column's data as a planner's statistics give it (PostgreSQL's {@code pg_stats}), written
     * by the capture command or by hand; every part optional. Rows are laid out by a seeded shuffle, so the
     * fractions come out exact, not just on average ({@link StatsValues}). The column takes no mess: its shape
     * is production's. A key column stays unique and a foreign key takes its referenced values, whatever
     * the statistics say.
     *
     * @param nulls       fraction of NULLs, 0..1 (ignored on a NOT NULL column); null: none
     * @param distinct    distinct values, as {@code n_distinct}: above 0 a count, from -1 to 0 that fraction of the
     *                    rows (-1: every row its own value); null: as many as the rows
     * @param mcv         the most common values with their fractions of all rows, in order
     * @param withheld    fractions of most common values whose values were withheld: each gets a generated value
     * @param histogram   bounds of equal-frequency buckets over the other values (numbers, dates, timestamps), ascending
     * @param width       average characters of a text value; null: the generator's own
     * @param correlation how far the rows' order follows their values' order, -1..1: from 0.9 (or below -0.9)
     *                    the rows come in that order (or its reverse); else in a shuffled order
     */
    record Stats(
            Double nulls,
            Double distinct,
            Map<String, Double> mcv,
            List<Double> withheld,
            List<String> histogram,
            Double width,
            Double correlation)
            implements ColumnRule {

        public Stats {
            mcv = mcv == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mcv));
            withheld = withheld == null ? List.of() : List.copyOf(withheld);
            histogram = histogram == null ? List.of() : List.copyOf(histogram);
        }

        @Override
        public ColumnContext.Planned plan(ColumnContext column) {
            if (column.reference().isPresent() || column.rowUnique()) {
                return FROM_TYPE.plan(
                        column); // a foreign key keeps pointing at loaded rows, a key stays unique
            }
            Map<String, Double> written = new LinkedHashMap<>();
            mcv.forEach((value, fraction) -> written.put(written(value, column), fraction));
            return StatsValues.plan(
                    new Stats(nulls, distinct, written, withheld, histogram, width, correlation),
                    column);
        }

        /** Whether a column of {@code type} takes a histogram: numbers, dates and timestamps; other values are generated. */
        public static boolean takesHistogram(ColumnType type) {
            return StatsValues.ranged(type);
        }

        /** Whether {@code bound} is a histogram bound Parity reads: a number, a date or a timestamp (not NaN, infinity or a BC date). */
        public static boolean readableBound(String bound) {
            return Bound.parse(bound).isPresent();
        }

        /** The fraction of rows the most common values take, withheld ones included. */
        double commonFraction() {
            return mcv.values().stream().mapToDouble(Double::doubleValue).sum()
                    + withheld.stream().mapToDouble(Double::doubleValue).sum();
        }

        @Override
        public boolean canBeUnique() {
            return true;
        }
    }

    /** YAML's booleans (true, false, yes, no, on, off) become a boolean column's own; other values and columns keep them as written. */
    private static String written(String value, ColumnContext column) {
        return written(value, column.info().type(), column.syntax());
    }

    static String written(String value, ColumnType type, dev.parity.engine.ValueSyntax syntax) {
        if (type.kind() != ColumnType.Kind.BOOLEAN) {
            return value;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> syntax.bool(true);
            case "false", "no", "off" -> syntax.bool(false);
            default -> value;
        };
    }

    static ColumnRule expression(String expression) {
        return new Expression(expression);
    }

    static ColumnRule values(List<String> values) {
        return new Weighted(values, List.of());
    }

    static ColumnRule values(List<String> values, List<Double> weights) {
        return new Weighted(values, weights);
    }

    /** A reference written as {@code table.column}, as in YAML's {@code ref: customers.id}. */
    static ColumnRule ref(String tableDotColumn, Skew skew) {
        int dot = tableDotColumn.lastIndexOf('.');
        return dot < 0
                ? new Ref(tableDotColumn, "", skew)
                : new Ref(
                        tableDotColumn.substring(0, dot), tableDotColumn.substring(dot + 1), skew);
    }

    /** {@code between: [from, to]}, both included. */
    static ColumnRule between(String from, String to) {
        return new Between(from, to);
    }

    static ColumnRule constant(String value) {
        return new Constant(value);
    }

    static ColumnRule nullValue() {
        return new Constant(null);
    }
}
