package dev.parity.data;

import java.util.List;

/**
 * How one column's values are made, before mess.
 *
 * @param generator the clean values
 * @param extremes  the column's limits, for the {@code extremes} knob; empty when it has none
 * @param text      free text: unicode, whitespace and near-duplicate mess may apply
 */
record ColumnValues(ValueGenerator generator, List<String> extremes, boolean text) {

    static ColumnValues of(ValueGenerator generator) {
        return new ColumnValues(generator, List.of(), false);
    }
}
