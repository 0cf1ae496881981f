package dev.parity.bench;

import dev.parity.config.Location;
import dev.parity.data.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@link CommerceLoadBenchmark} loads into {@code bench/commerce.sql}: row counts only, no column
 * rules, so that every key, reference and partition key is Parity's own. About 1.4 million rows at scale 1.
 */
final class CommerceDatasets {

    private static final Map<String, Long> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("categories", 300L);
        ROWS.put("brands", 500L);
        ROWS.put("suppliers", 1_000L);
        ROWS.put("products", 20_000L);
        ROWS.put("warehouses", 20L);
        ROWS.put("inventory", 40_000L);
        ROWS.put("customers", 100_000L);
        ROWS.put("addresses", 150_000L);
        ROWS.put("coupons", 2_000L);
        ROWS.put("orders", 250_000L);
        ROWS.put("order_lines", 400_000L);
        ROWS.put("payment_methods", 8L);
        ROWS.put("payments", 200_000L);
        ROWS.put("shipments", 150_000L);
        ROWS.put("reviews", 80_000L);
        ROWS.put("returns", 20_000L);
    }

    private CommerceDatasets() {}

    /** Every table's dataset, the large ones' rows times {@code scale} (the small lookup tables keep theirs). */
    static List<DatasetSpec> specs(double scale) {
        return ROWS.entrySet().stream()
                .map(
                        e ->
                                DatasetSpec.of(e.getKey(), rows(e.getValue(), scale))
                                        .withOrigin(
                                                Location.of(
                                                        "the commerce benchmark's "
                                                                + e.getKey()
                                                                + " dataset")))
                .toList();
    }

    static long totalRows(double scale) {
        return ROWS.values().stream().mapToLong(rows -> rows(rows, scale)).sum();
    }

    /** A query of one number: the rows of every table. */
    static String countQuery() {
        return "select "
                + String.join(
                        " + ",
                        ROWS.keySet().stream()
                                .map(t -> "(select count(*) from " + t + ")")
                                .toList());
    }

    /** Empties every table (and makes the next run start from a checkpoint, as the first did). */
    static List<String> emptyTables() {
        return List.of("truncate " + String.join(", ", ROWS.keySet()), "checkpoint");
    }

    private static long rows(long rows, double scale) {
        return rows < 1_000 ? rows : Math.round(rows * scale);
    }
}
