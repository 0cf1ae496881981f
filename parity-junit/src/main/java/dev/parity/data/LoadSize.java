package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.Setting;
import dev.parity.engine.RowSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a load would write, estimated from a sample of each table's rows before any is written, and refused
 * above a ceiling: {@code rows: 1000000000000} is a typo that would otherwise load for weeks.
 */
final class LoadSize {

    /** The ceiling's system property, in bytes. */
    static final String MAX_BYTES = "parity.data.maxBytes";
    static final long DEFAULT_MAX_BYTES = 20L << 30;
    private static final int SAMPLE_ROWS = 200;

    private LoadSize() {
    }

    /** Bytes of the text the bulk loader would send for {@code plan}: its sampled rows' average width times its rows. */
    static long estimate(TablePlan plan) {
        if (plan.rows() == 0 || plan.columns().isEmpty()) {
            return 0;
        }
        RowSource.Cursor cursor = plan.cursor();
        long sample = Math.min(SAMPLE_ROWS, plan.rows());
        long bytes = 0;
        for (long row = 0; row < sample; row++) {
            for (int column = 0; column < plan.width(); column++) {
                String value = cursor.value(row, column);
                bytes += 1 + (value == null ? 2 : value.length());
            }
        }
        return Math.multiplyHigh(bytes, plan.rows()) != 0 ? Long.MAX_VALUE : bytes * plan.rows() / sample;
    }

    /** A problem when the plans together would write more than the ceiling, named at the largest table's dataset. */
    static Optional<Problem> check(List<TablePlan> plans, long maxBytes) {
        long total = 0;
        TablePlan largest = null;
        long largestBytes = -1;
        for (TablePlan plan : plans) {
            long bytes = estimate(plan);
            total = total + bytes < 0 ? Long.MAX_VALUE : total + bytes;
            if (bytes > largestBytes) {
                largest = plan;
                largestBytes = bytes;
            }
        }
        if (total <= maxBytes || largest == null) {
            return Optional.empty();
        }
        return Optional.of(new Problem(largest.origin(), String.format(Locale.ROOT, "the datasets would write about %s (table '%s' alone: "
                        + "%,d rows of about %,d bytes, %s), more than the ceiling of %s", size(total), largest.table().name(), largest.rows(),
                largestBytes / largest.rows(), size(largestBytes), size(maxBytes)),
                "Ask for fewer rows, or raise the ceiling with -D" + MAX_BYTES + "=<bytes> if the database's disk holds that much."));
    }

    /** {@value #MAX_BYTES}, read strictly: {@code Long.getLong} would take {@code 50GB} for the default. */
    static long maxBytes() {
        return Setting.systemProperty(MAX_BYTES).atLeast(1, DEFAULT_MAX_BYTES, "bytes", 50L << 30);
    }

    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
