package dev.parity.engine.mariadb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A JSON_HB histogram of {@code mysql.column_stats} (MariaDB 10.8 and later): equal-height buckets, each with its
 * {@code start}, its {@code size} (a fraction of the non-NULL rows) and its distinct values ({@code ndv}); the last
 * with its {@code end}. A bucket of one value is a popular value with its exact frequency: PostgreSQL's most common
 * values. The older binary histograms (SINGLE_PREC_HB, DOUBLE_PREC_HB) are not read. JSON is YAML, so SnakeYAML reads it.
 *
 * @param bounds       every bucket's start and the last one's end, ascending
 * @param popular      the values of one-value buckets, most common first
 * @param popularShare their fractions of the non-NULL rows
 */
record MariaDbHistogram(List<String> bounds, List<String> popular, List<Double> popularShare) {

    /** The histogram {@code json} holds, or empty when it is none Parity reads. */
    static Optional<MariaDbHistogram> parse(String json) {
        if (json == null || !json.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
            if (!(root instanceof Map<?, ?> document)
                    || !(document.get("histogram_hb") instanceof List<?> buckets)
                    || buckets.isEmpty()) {
                return Optional.empty();
            }
            List<String> bounds = new ArrayList<>();
            List<Map.Entry<String, Double>> popular = new ArrayList<>();
            for (Object item : buckets) {
                if (!(item instanceof Map<?, ?> bucket)
                        || bucket.get("start") == null
                        || !(bucket.get("size") instanceof Number size)) {
                    return Optional.empty();
                }
                String start = bucket.get("start").toString();
                bounds.add(start);
                if (bucket.get("ndv") instanceof Number ndv && ndv.longValue() == 1) {
                    popular.add(Map.entry(start, size.doubleValue()));
                }
                if (bucket.get("end") != null) {
                    bounds.add(bucket.get("end").toString());
                }
            }
            popular.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
            return Optional.of(
                    new MariaDbHistogram(
                            List.copyOf(bounds),
                            popular.stream().map(Map.Entry::getKey).toList(),
                            popular.stream().map(Map.Entry::getValue).toList()));
        } catch (RuntimeException unreadable) {
            return Optional
                    .empty(); // a format of a later release: the lowest and highest values still
            // tell the range
        }
    }
}
