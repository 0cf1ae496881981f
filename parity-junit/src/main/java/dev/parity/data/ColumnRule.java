package dev.parity.data;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a dataset says about one column. Each rule decides how its column gets values ({@link #plan}), so
 * a new kind of rule does not compile until it says so; a column nobody wrote a rule for has
 * {@link #FROM_TYPE}: values chosen by its type, its constraints and its name.
 */
@API(status = API.Status.INTERNAL)
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
                return new ColumnContext.Planned(ColumnValues.of(column.reference().get()), Mess.none());
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
            return column.rowUnique() ? column.uniqueValues(base)
                    : new ColumnContext.Planned(new ColumnValues(base, List.of(), column.info().type().isText()), column.mess());
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
            return new ColumnContext.Planned(ColumnValues.of(weighted()), Mess.none().withNulls(column.mess().nulls()));
        }

        private ValueGenerator weighted() {
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
                        return values.get(i);
                    }
                }
                return values.get(values.size() - 1);
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
            return context.reference().map(generator -> new ColumnContext.Planned(ColumnValues.of(generator), Mess.none()))
                    .orElseThrow(() -> new IllegalStateException("a ref without its reference: " + this));
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
            return new ColumnContext.Planned(ColumnValues.of((row, r) -> value), Mess.none());
        }

        @Override
        public boolean canBeUnique() {
            return false;
        }
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
        return dot < 0 ? new Ref(tableDotColumn, "", skew)
                : new Ref(tableDotColumn.substring(0, dot), tableDotColumn.substring(dot + 1), skew);
    }

    static ColumnRule constant(String value) {
        return new Constant(value);
    }

    static ColumnRule nullValue() {
        return new Constant(null);
    }
}
