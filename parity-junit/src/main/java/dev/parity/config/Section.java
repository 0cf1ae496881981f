package dev.parity.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Typed, validating reads from one YAML mapping. Every problem is recorded with its line and a fix, and
 * reading goes on, so that one pass reports everything that is wrong.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Section {

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final YamlNode.Mapping mapping;
    private final String path;
    private final List<Problem> problems;

    /** Reads {@code mapping} (found at {@code path}), reporting keys that are not {@code known}. */
    public Section(
            YamlNode.Mapping mapping, String path, List<String> known, List<Problem> problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
        mapping.entries().keySet().stream()
                .filter(key -> !known.contains(key))
                .forEach(
                        key ->
                                problems.add(
                                        new Problem(
                                                mapping.keyLocations().get(key),
                                                "unknown key '" + key + "' in " + path,
                                                Suggestions.didYouMean(key, known)
                                                        + "Known keys here: "
                                                        + String.join(", ", known)
                                                        + ".")));
    }

    /** A section for a mapping that may be absent or empty ({@code key:} with nothing after it). */
    public static Optional<YamlNode.Mapping> asMapping(
            YamlNode node, String path, String example, List<Problem> problems) {
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(
                new Problem(
                        node.location(),
                        path + " must be a mapping of keys to values, but is " + node.kind(),
                        "Write it as, for example:\n" + example));
        return Optional.empty();
    }

    public Optional<YamlNode.Mapping> mapping(String key, String example) {
        return asMapping(mapping.entries().get(key), path + "." + key, example, problems);
    }

    public Optional<String> text(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar scalar
                && scalar.type().equals("str")
                && !scalar.text().isBlank()) {
            return Optional.of(scalar.text().strip());
        }
        problems.add(
                new Problem(
                        node.location(),
                        "'" + key + "' in " + path + " must be a text, but is " + node.kind(),
                        "Write it as, for example: "
                                + key
                                + ": "
                                + example
                                + (node instanceof YamlNode.Scalar
                                        ? " (quote it if YAML reads it as something else: "
                                                + key
                                                + ": \""
                                                + example
                                                + "\")"
                                        : "")));
        return Optional.empty();
    }

    /** {@code true} or {@code false} (YAML's yes, on, no and off too). */
    public Optional<Boolean> bool(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("bool")) {
            return Optional.of(
                    List.of("true", "yes", "on")
                            .contains(scalar.text().toLowerCase(java.util.Locale.ROOT)));
        }
        problems.add(
                new Problem(
                        node.location(),
                        "'"
                                + key
                                + "' in "
                                + path
                                + " must be true or false, but is "
                                + node.kind(),
                        "Write it as, for example: " + key + ": " + example));
        return Optional.empty();
    }

    /** A whole number. */
    public Optional<Long> integer(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("int")) {
            try {
                return Optional.of(Long.decode(scalar.text().replace("_", "")));
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        problems.add(
                new Problem(
                        node.location(),
                        "'"
                                + key
                                + "' in "
                                + path
                                + " must be a whole number, but is "
                                + node.kind(),
                        "Write it as, for example: " + key + ": " + example));
        return Optional.empty();
    }

    /** A number, whole or not. */
    public Optional<Double> number(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return Optional.empty();
        }
        Optional<Double> number = finiteNumber(node);
        if (number.isPresent()) {
            return number;
        }
        boolean yamlNumber =
                node instanceof YamlNode.Scalar scalar
                        && (scalar.type().equals("int") || scalar.type().equals("float"));
        String expected = yamlNumber ? "a finite decimal number" : "a number";
        problems.add(
                new Problem(
                        node.location(),
                        "'"
                                + key
                                + "' in "
                                + path
                                + " must be "
                                + expected
                                + ", but is "
                                + node.kind(),
                        "Write it as, for example: " + key + ": " + example));
        return Optional.empty();
    }

    /**
     * The number a YAML int or float stands for, if it is a finite decimal: YAML also reads {@code .nan},
     * {@code .inf}, {@code 0x1F} and {@code 1:30} as numbers, which no fraction, share or weight means.
     */
    public static Optional<Double> finiteNumber(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.type().equals("int") || scalar.type().equals("float"))) {
            try {
                double number = Double.parseDouble(scalar.text().replace("_", ""));
                return Double.isFinite(number) ? Optional.of(number) : Optional.empty();
            } catch (NumberFormatException notDecimal) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The items of a list, each a mapping; other items are reported. */
    public List<YamlNode.Mapping> mappings(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'" + key + "' in " + path + " must be a list, but is " + node.kind(),
                            "Write it as, for example:\n" + example));
            return List.of();
        }
        List<YamlNode.Mapping> items = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Mapping itemMapping) {
                items.add(itemMapping);
            } else {
                problems.add(
                        new Problem(
                                item.location(),
                                "each item of '"
                                        + key
                                        + "' in "
                                        + path
                                        + " must be a mapping, but one is "
                                        + item.kind(),
                                "Write it as, for example:\n" + example));
            }
        }
        return items;
    }

    public String path() {
        return path;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** An ISO-8601 instant, which YAML may read as a timestamp rather than a text. */
    public Optional<String> instant(String key, String example) {
        YamlNode node = mapping.entries().get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.type().equals("timestamp")) {
            return Optional.of(scalar.text().strip());
        }
        return text(key, example);
    }

    /** A list of texts; each item is passed to {@code check}, which may report a problem for it. */
    public List<String> textList(String key, String example, ItemCheck check) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'" + key + "' in " + path + " must be a list, but is " + node.kind(),
                            "Write it as a list, for example: " + key + ": [" + example + "]"));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar scalar
                    && scalar.type().equals("str")
                    && !scalar.text().isBlank()) {
                String value = scalar.text().strip();
                check.check(value, item.location(), problems);
                values.add(value);
            } else {
                problems.add(
                        new Problem(
                                item.location(),
                                "each item of '"
                                        + key
                                        + "' in "
                                        + path
                                        + " must be a text, but one is "
                                        + item.kind(),
                                "Write it as, for example: " + key + ": [" + example + "]"));
            }
        }
        return values;
    }

    /** A mapping of server setting names to plain values, in file order. */
    public Map<String, String> settings(String key, String example) {
        Map<String, String> settings = new LinkedHashMap<>();
        mapping(key, example)
                .ifPresent(
                        section ->
                                section.entries()
                                        .forEach(
                                                (name, value) -> {
                                                    Location at = section.keyLocations().get(name);
                                                    if (!SETTING_NAME.matcher(name).matches()) {
                                                        problems.add(
                                                                new Problem(
                                                                        at,
                                                                        "'"
                                                                                + name
                                                                                + "' in "
                                                                                + path
                                                                                + "."
                                                                                + key
                                                                                + " is not a valid setting name",
                                                                        "Use the server's parameter name, letters, digits, '_' and '.', e.g. max_connections."));
                                                    } else if (value
                                                                    instanceof
                                                                    YamlNode.Scalar scalar
                                                            && !scalar.type().equals("null")) {
                                                        settings.put(name, scalar.text());
                                                    } else {
                                                        problems.add(
                                                                new Problem(
                                                                        value.location(),
                                                                        "setting '"
                                                                                + name
                                                                                + "' in "
                                                                                + path
                                                                                + "."
                                                                                + key
                                                                                + " must be a plain value, but is "
                                                                                + value.kind(),
                                                                        "Write it as, for example:\n"
                                                                                + example));
                                                    }
                                                }));
        return settings;
    }

    /** The node under {@code key}, or null. */
    public YamlNode valueNode(String key) {
        return mapping.entries().get(key);
    }

    /** Where {@code key} itself was written, if it was. */
    public Optional<Location> keyLocation(String key) {
        return Optional.ofNullable(mapping.keyLocations().get(key));
    }

    /** Where the value of {@code key} was written (the mapping itself if the key is absent). */
    public Location valueLocation(String key) {
        YamlNode node = mapping.entries().get(key);
        return node != null ? node.location() : mapping.location();
    }

    public static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.type().equals("null");
    }

    @FunctionalInterface
    public interface ItemCheck {
        ItemCheck NONE = (value, at, problems) -> {};

        void check(String value, Location at, List<Problem> problems);
    }
}
