package dev.parity.bench;

import java.util.Collections;
import java.util.List;

/** Middle values of repeated measurements, which one busy moment of a shared machine does not move. */
final class Medians {

    private Medians() {}

    /** The median; of an even count, the mean of the two middle values. */
    static long of(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static long min(List<Long> values) {
        return Collections.min(values);
    }

    static long max(List<Long> values) {
        return Collections.max(values);
    }
}
