package dev.parity.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A parsed YAML value that remembers where it was written, so every error can name its line.
 * Parsed once from SnakeYAML's node graph; profiles that {@code extends} others are merged on this tree.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Location location();

    /** What a user would call this kind of value, for "expected a list, found a text" messages. */
    String kind();

    /** A plain value. {@code type} is YAML's resolved type: str, int, float, bool or null. */
    record Scalar(String text, String type, Location location) implements YamlNode {
        @Override
        public String kind() {
            switch (type) {
                case "int":
                case "float":
                    return "a number (" + text + ")";
                case "bool":
                    return "a boolean (" + text + ")";
                case "null":
                    return "nothing (an empty value)";
                default:
                    return "a text ('" + text + "')";
            }
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping with string keys in file order; {@code keyLocations} tells where each key was written. */
    record Mapping(
            Map<String, YamlNode> entries, Map<String, Location> keyLocations, Location location)
            implements YamlNode {

        @Override
        public String kind() {
            return "a mapping";
        }

        /** This mapping with {@code override}'s entries laid over it; nested mappings merge key by key. */
        public Mapping overriddenBy(Mapping override) {
            Map<String, YamlNode> entries = new LinkedHashMap<>(this.entries);
            Map<String, Location> keys = new LinkedHashMap<>(this.keyLocations);
            override.entries.forEach(
                    (key, value) -> {
                        YamlNode base = entries.get(key);
                        entries.put(
                                key,
                                base instanceof Mapping && value instanceof Mapping
                                        ? ((Mapping) base).overriddenBy((Mapping) value)
                                        : value);
                        keys.put(key, override.keyLocations.get(key));
                    });
            return new Mapping(entries, keys, override.location);
        }
    }
}
