package dev.parity.data;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What a dataset says about one column; every column without a rule gets values chosen by its type, its
 * constraints and its name.
 */
@API(status = API.Status.INTERNAL)
public sealed interface ColumnRule {

    /** A Datafaker expression such as {@code #{Internet.emailAddress}}; values come from a pool of its results. */
    record Expression(String expression) implements ColumnRule {
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
    }

    /** Values of {@code table.column}, of rows that exist or are loaded before this table. */
    record Ref(String table, String column, Skew skew) implements ColumnRule {
    }

    /** The same value in every row; {@code null} for SQL NULL. */
    record Constant(String value) implements ColumnRule {
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
