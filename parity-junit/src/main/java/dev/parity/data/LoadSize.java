package dev.parity.data;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.FreeDisk;
import dev.parity.engine.RowSource;
import dev.parity.settings.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a load would write, estimated from a sample of each table's rows before any is written, and refused
 * above a ceiling or the database's free disk: {@code rows: 1000000000000} is a typo that would otherwise
 * load for weeks, and a load that fills Docker's disk fails late and takes other containers with it.
 */
final class LoadSize {

    private static final int SAMPLE_ROWS = 200;

    /** Below this, the disk is not asked: asking costs a {@code docker exec}, and no disk in use is this full. */
    static final long ASK_DISK_ABOVE = 64L << 20;

    private LoadSize() {}

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
        return Math.multiplyHigh(bytes, plan.rows()) != 0
                ? Long.MAX_VALUE
                : bytes * plan.rows() / sample;
    }

    /**
     * A problem when the plans together would write more than the ceiling, or than the database's disk has
     * free (the text a bulk load sends: what the tables take on disk, with their indexes, is more), named at
     * the largest table's dataset.
     */
    static Optional<Problem> check(
            List<TablePlan> plans, long maxBytes, Supplier<Optional<FreeDisk>> freeDisk) {
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
        if (largest == null || total <= Math.min(maxBytes, ASK_DISK_ABOVE)) {
            return Optional.empty();
        }
        String estimate =
                String.format(
                        Locale.ROOT,
                        "the datasets would write about %s (table '%s' alone: %,d rows of about %,d bytes, %s)",
                        size(total),
                        largest.table().name(),
                        largest.rows(),
                        largestBytes / largest.rows(),
                        size(largestBytes));
        if (total > maxBytes) {
            return Optional.of(
                    new Problem(
                            largest.origin(),
                            estimate + ", more than the ceiling of " + size(maxBytes),
                            "Ask for fewer rows, or raise the ceiling with -D"
                                    + Settings.DATA_MAX_BYTES.name()
                                    + "=<bytes> if the database's disk holds that much."));
        }
        long estimated = total;
        Location at = largest.origin();
        return freeDisk.get()
                .filter(disk -> estimated > disk.bytes())
                .map(
                        disk ->
                                new Problem(
                                        at,
                                        estimate
                                                + ", more than the "
                                                + size(disk.bytes())
                                                + " free on the database's disk ("
                                                + disk.directory()
                                                + " in its container)",
                                        "Ask for fewer rows, or free space on the disk Docker keeps containers on ('docker system df' shows what it holds)."));
    }

    /** {@code parity.data.maxBytes} ({@link Settings#DATA_MAX_BYTES}), read strictly: {@code Long.getLong} would take {@code 50GB} for the default. */
    static long maxBytes() {
        return Settings.DATA_MAX_BYTES.getFromSystemProperties();
    }

    static String size(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0
                ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
