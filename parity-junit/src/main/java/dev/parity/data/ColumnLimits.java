package dev.parity.data;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the CHECK constraints Parity reads allow for one column (or, for a way of meeting a CHECK, what that
 * way allows).
 *
 * @param min          lowest number allowed, or null
 * @param minExclusive {@code min} itself not allowed
 * @param max          highest number allowed, or null
 * @param maxExclusive {@code max} itself not allowed
 * @param allowed      the only values allowed ({@code col in (...)}), or null
 * @param minLength    fewest characters, 0 when free
 * @param maxLength    most characters, or -1 when free
 * @param earliest     the earliest date or timestamp allowed (inclusive), or null
 * @param latest       the latest date or timestamp allowed (inclusive), or null
 */
record ColumnLimits(
        BigDecimal min,
        boolean minExclusive,
        BigDecimal max,
        boolean maxExclusive,
        List<String> allowed,
        int minLength,
        int maxLength,
        LocalDateTime earliest,
        LocalDateTime latest) {

    static final ColumnLimits NONE = new ColumnLimits(null, false, null, false, null, 0, -1);

    ColumnLimits(
            BigDecimal min,
            boolean minExclusive,
            BigDecimal max,
            boolean maxExclusive,
            List<String> allowed,
            int minLength,
            int maxLength) {
        this(min, minExclusive, max, maxExclusive, allowed, minLength, maxLength, null, null);
    }

    /** Whether {@code value} is within {@code min} and {@code max} (the other limits are not asked). */
    boolean inRange(BigDecimal value) {
        return (min == null
                        || (minExclusive ? value.compareTo(min) > 0 : value.compareTo(min) >= 0))
                && (max == null
                        || (maxExclusive ? value.compareTo(max) < 0 : value.compareTo(max) <= 0));
    }

    boolean hasRange() {
        return min != null || max != null;
    }

    ColumnLimits withMin(BigDecimal value, boolean exclusive) {
        if (min != null
                && (min.compareTo(value) > 0 || min.compareTo(value) == 0 && minExclusive)) {
            return this;
        }
        return new ColumnLimits(
                value,
                exclusive,
                max,
                maxExclusive,
                allowed,
                minLength,
                maxLength,
                earliest,
                latest);
    }

    ColumnLimits withMax(BigDecimal value, boolean exclusive) {
        if (max != null
                && (max.compareTo(value) < 0 || max.compareTo(value) == 0 && maxExclusive)) {
            return this;
        }
        return new ColumnLimits(
                min,
                minExclusive,
                value,
                exclusive,
                allowed,
                minLength,
                maxLength,
                earliest,
                latest);
    }

    /** Only {@code values}, or those of them already allowed. */
    ColumnLimits withAllowed(List<String> values) {
        List<String> kept =
                allowed == null ? values : values.stream().filter(allowed::contains).toList();
        return new ColumnLimits(
                min,
                minExclusive,
                max,
                maxExclusive,
                List.copyOf(kept),
                minLength,
                maxLength,
                earliest,
                latest);
    }

    ColumnLimits withMinLength(int length) {
        return new ColumnLimits(
                min,
                minExclusive,
                max,
                maxExclusive,
                allowed,
                Math.max(minLength, length),
                maxLength,
                earliest,
                latest);
    }

    ColumnLimits withMaxLength(int length) {
        return new ColumnLimits(
                min,
                minExclusive,
                max,
                maxExclusive,
                allowed,
                minLength,
                maxLength < 0 ? length : Math.min(maxLength, length),
                earliest,
                latest);
    }

    ColumnLimits withEarliest(LocalDateTime at) {
        return earliest != null && !at.isAfter(earliest)
                ? this
                : new ColumnLimits(
                        min,
                        minExclusive,
                        max,
                        maxExclusive,
                        allowed,
                        minLength,
                        maxLength,
                        at,
                        latest);
    }

    ColumnLimits withLatest(LocalDateTime at) {
        return latest != null && !at.isBefore(latest)
                ? this
                : new ColumnLimits(
                        min,
                        minExclusive,
                        max,
                        maxExclusive,
                        allowed,
                        minLength,
                        maxLength,
                        earliest,
                        at);
    }

    /** Both limits at once: each value within both. */
    ColumnLimits and(ColumnLimits other) {
        ColumnLimits merged = this;
        if (other.min != null) {
            merged = merged.withMin(other.min, other.minExclusive);
        }
        if (other.max != null) {
            merged = merged.withMax(other.max, other.maxExclusive);
        }
        if (other.allowed != null) {
            merged = merged.withAllowed(other.allowed);
        }
        merged = merged.withMinLength(other.minLength);
        if (other.maxLength >= 0) {
            merged = merged.withMaxLength(other.maxLength);
        }
        if (other.earliest != null) {
            merged = merged.withEarliest(other.earliest);
        }
        if (other.latest != null) {
            merged = merged.withLatest(other.latest);
        }
        return merged;
    }

    /** Whether no value can meet them: an empty list, or bounds that cross. */
    boolean empty() {
        if (allowed != null && allowed.isEmpty()) {
            return true;
        }
        if (min != null
                && max != null
                && (min.compareTo(max) > 0
                        || min.compareTo(max) == 0 && (minExclusive || maxExclusive))) {
            return true;
        }
        if (maxLength >= 0 && minLength > maxLength) {
            return true;
        }
        return earliest != null && latest != null && earliest.isAfter(latest);
    }
}
