package dev.parity.network;

import dev.parity.config.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One Toxiproxy toxic, as a profile or an annotation declares it.
 *
 * @param type       latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data, or down
 * @param stream     upstream, downstream or both (both: two toxics, one per direction)
 * @param toxicity   the share of connections it applies to, 0..1
 * @param attributes the type's attributes, e.g. latency and jitter in milliseconds
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ToxicSpec(String type, String stream, double toxicity, Map<String, Long> attributes) {

    /** Each type and the attributes it takes (the first ones are required). */
    public static final Map<String, List<String>> TYPES = types();

    public static final List<String> STREAMS = List.of("upstream", "downstream", "both");

    public ToxicSpec {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static Map<String, List<String>> types() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("latency", List.of("latency", "jitter"));
        types.put("bandwidth", List.of("rate"));
        types.put("slow_close", List.of("delay"));
        types.put("timeout", List.of("timeout"));
        types.put("reset_peer", List.of("timeout"));
        types.put("slicer", List.of("average_size", "size_variation", "delay"));
        types.put("limit_data", List.of("bytes"));
        types.put("down", List.of());
        return java.util.Collections.unmodifiableMap(types);
    }

    /** What is wrong with this toxic, each with its fix; empty if it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<String> known = TYPES.get(type);
        if (known == null) {
            problems.add(
                    "unknown toxic type '"
                            + type
                            + "'. "
                            + Suggestions.didYouMean(type, TYPES.keySet())
                            + "Known types: "
                            + String.join(", ", TYPES.keySet())
                            + ".");
            return problems;
        }
        if (!STREAMS.contains(stream)) {
            problems.add(
                    "unknown stream '"
                            + stream
                            + "' for a "
                            + type
                            + " toxic. "
                            + Suggestions.didYouMean(stream, STREAMS)
                            + "Use upstream, downstream or both.");
        } else if (type.equals("down") && (!stream.equals("downstream") || toxicity != 1.0)) {
            // down disables the whole proxy: a stream or a share of connections would be ignored
            problems.add(
                    "a down toxic refuses every connection in both directions, so it takes no stream or toxicity (it has stream "
                            + stream
                            + ", toxicity "
                            + toxicity
                            + "). Remove them; for a share of connections, use reset_peer with a toxicity.");
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            problems.add(
                    "toxicity "
                            + toxicity
                            + " of a "
                            + type
                            + " toxic is outside 0..1. Use a share such as 0.05 for 5% of connections.");
        }
        attributes.forEach(
                (name, value) -> {
                    if (!known.contains(name)) {
                        problems.add(
                                "a "
                                        + type
                                        + " toxic has no attribute '"
                                        + name
                                        + "'. "
                                        + Suggestions.didYouMean(name, known)
                                        + (known.isEmpty()
                                                ? "It takes none."
                                                : "Its attributes: "
                                                        + String.join(", ", known)
                                                        + "."));
                    } else if (value < 0) {
                        problems.add(
                                "attribute '"
                                        + name
                                        + "' of a "
                                        + type
                                        + " toxic is negative ("
                                        + value
                                        + "). Use 0 or more.");
                    }
                });
        return problems;
    }
}
