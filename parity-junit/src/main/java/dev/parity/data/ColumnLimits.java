package dev.parity.data;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the CHECK constraints Parity could read allow for one column.
 *
 * @param min          lowest number allowed, or null
 * @param minExclusive {@code min} itself not allowed
 * @param max          highest number allowed, or null
 * @param maxExclusive {@code max} itself not allowed
 * @param allowed      the only values allowed ({@code col in (...)}), or null
 * @param minLength    fewest characters, 0 when free
 * @param maxLength    most characters, or -1 when free
 */
record ColumnLimits(BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive, List<String> allowed,
                    int minLength, int maxLength) {

    static final ColumnLimits NONE = new ColumnLimits(null, false, null, false, null, 0, -1);

    boolean hasRange() {
        return min != null || max != null;
    }

    ColumnLimits withMin(BigDecimal value, boolean exclusive) {
        if (min != null && (min.compareTo(value) > 0 || min.compareTo(value) == 0 && minExclusive)) {
            return this;
        }
        return new ColumnLimits(value, exclusive, max, maxExclusive, allowed, minLength, maxLength);
    }

    ColumnLimits withMax(BigDecimal value, boolean exclusive) {
        if (max != null && (max.compareTo(value) < 0 || max.compareTo(value) == 0 && maxExclusive)) {
            return this;
        }
        return new ColumnLimits(min, minExclusive, value, exclusive, allowed, minLength, maxLength);
    }

    ColumnLimits withAllowed(List<String> values) {
        return new ColumnLimits(min, minExclusive, max, maxExclusive, List.copyOf(values), minLength, maxLength);
    }

    ColumnLimits withMinLength(int length) {
        return new ColumnLimits(min, minExclusive, max, maxExclusive, allowed, Math.max(minLength, length), maxLength);
    }

    ColumnLimits withMaxLength(int length) {
        return new ColumnLimits(min, minExclusive, max, maxExclusive, allowed, minLength, maxLength < 0 ? length : Math.min(maxLength, length));
    }
}
