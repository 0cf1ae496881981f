package dev.parity.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one way of meeting a table's CHECKs asks of one column: whether it is NULL, the limits of its values
 * (ranges, lists, lengths, dates), values it must not take, a LIKE pattern or a regular expression it must
 * match. Two columns compared with each other are a {@link Relation}, kept by the way itself.
 *
 * @param excluded values it must not take ({@code <>}, {@code NOT IN}), in the engine's text form
 * @param like     a LIKE pattern it matches, or null
 * @param regex    a regular expression it matches, or null
 */
record ColumnDomain(
        Nullness nullness, ColumnLimits limits, List<String> excluded, String like, String regex) {

    static final ColumnDomain FREE =
            new ColumnDomain(Nullness.FREE, ColumnLimits.NONE, List.of(), null, null);

    enum Nullness {
        FREE,
        NULL,
        NOT_NULL
    }

    ColumnDomain {
        excluded = List.copyOf(excluded);
    }

    /** Whether it asks anything of the values themselves, beyond NULL or not. */
    boolean shapesValues() {
        return !limits.equals(ColumnLimits.NONE)
                || !excluded.isEmpty()
                || like != null
                || regex != null;
    }

    /**
     * Two columns compared in one row: {@code column op other}.
     *
     * @param op {@code >}, {@code >=}, {@code <}, {@code <=} or {@code =}
     */
    record Relation(String column, String op, String other) {

        /** The same relation seen from {@code other}: {@code a > b} is {@code b < a}. */
        Relation reversed() {
            String flipped =
                    switch (op) {
                        case ">" -> "<";
                        case ">=" -> "<=";
                        case "<" -> ">";
                        case "<=" -> ">=";
                        default -> op;
                    };
            return new Relation(other, flipped, column);
        }
    }

    /** A column's domain put together atom by atom; contradictions make it {@link #infeasible()}. */
    static final class Builder {
        private Nullness nullness = Nullness.FREE;
        private ColumnLimits limits = ColumnLimits.NONE;
        private final Set<String> excluded = new LinkedHashSet<>();
        private String like;
        private String regex;
        private boolean infeasible;
        private boolean nullnessConflict;

        void nullness(Nullness wanted) {
            if (nullness != Nullness.FREE && nullness != wanted) {
                nullnessConflict = true;
            }
            nullness = wanted;
        }

        void limits(ColumnLimits more) {
            limits = limits.and(more);
            infeasible |= limits.empty();
        }

        void exclude(String value) {
            excluded.add(value);
        }

        /** A pattern to match; of two, the first shapes the values and verification judges the second. */
        void like(String pattern) {
            like = like == null ? pattern : like;
        }

        void regex(String pattern) {
            regex = regex == null ? pattern : regex;
        }

        boolean infeasible() {
            if (nullness != Nullness.NULL
                    && limits.allowed() != null
                    && !excluded.isEmpty()
                    && excluded.containsAll(limits.allowed())) {
                return true;
            }
            // a value's atom is UNKNOWN on NULL, which a CHECK lets through: a NULL asked for wins
            // over values asked for
            return nullnessConflict || infeasible && nullness != Nullness.NULL;
        }

        ColumnDomain build() {
            if (nullness == Nullness.NULL) {
                return new ColumnDomain(Nullness.NULL, ColumnLimits.NONE, List.of(), null, null);
            }
            List<String> kept = new ArrayList<>(excluded);
            ColumnLimits built = limits;
            if (built.allowed() != null && !kept.isEmpty()) {
                built =
                        built.withAllowed(
                                built.allowed().stream()
                                        .filter(v -> !excluded.contains(v))
                                        .toList());
                kept.clear();
            }
            return new ColumnDomain(nullness, built, kept, like, regex);
        }
    }
}
