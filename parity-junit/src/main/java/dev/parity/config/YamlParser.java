package dev.parity.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * SnakeYAML's node graph (which keeps line numbers) turned into {@link YamlNode}s. Aliases are expanded
 * here, so this is where a recursive alias (a cycle in the graph) and an alias bomb (a few bytes that
 * expand to millions of values) are caught: each is a positioned {@link Problem}, never a stack or heap
 * overflow. SnakeYAML's own limits (aliases, nesting, size) are reported as problems too.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class YamlParser {

    /** More values than any profile needs, far fewer than fill a heap: what aliases may expand a document to. */
    static final int MAX_VALUES = 100_000;

    private final String file;

    public YamlParser(String file) {
        this.file = file;
    }

    /** The document's root, or an empty mapping for an empty file. */
    public YamlNode parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ProblemException(
                    new Problem(
                            at(mark),
                            "malformed YAML: "
                                    + problem.strip()
                                    + (e.getContext() != null
                                            ? " (" + e.getContext().strip() + ")"
                                            : ""),
                            "Check the indentation (spaces only, no tabs) and quote values that contain ': ' or start with '{', '[', '*' or '&'."),
                    e);
        } catch (YAMLException e) {
            throw new ProblemException(limitProblem(e), e);
        }
        if (root == null) {
            return new YamlNode.Mapping(Map.of(), Map.of(), new Location(file, 1));
        }
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = new Converter(problems).convert(root, at(root.getStartMark()));
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        return tree;
    }

    /** SnakeYAML's limits, which it reports without a line: what was exceeded, and what to do. */
    private Problem limitProblem(YAMLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("aliases")) {
            return new Problem(
                    Location.of(file),
                    "the YAML uses more aliases (*name) for mappings and lists than allowed: "
                            + message,
                    "Write the repeated values out, or use 'extends:' between profiles instead of aliases.");
        }
        if (message.contains("Nesting Depth")) {
            return new Problem(
                    Location.of(file),
                    "the YAML nests deeper than allowed: " + message,
                    "A profile needs a handful of levels; look for a runaway structure.");
        }
        if (message.contains("exceeds the limit")) {
            return new Problem(
                    Location.of(file),
                    "the YAML file is larger than allowed: " + message,
                    "Split it, or keep only profiles in it: data belongs in datasets or init scripts.");
        }
        return new Problem(
                Location.of(file),
                "malformed YAML: " + message,
                "Check that the file is valid YAML in UTF-8.");
    }

    /** Converts one document, expanding aliases within a budget and refusing cycles. */
    private final class Converter {
        private final List<Problem> problems;
        private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Converter(List<Problem> problems) {
            this.problems = problems;
        }

        /** @param usedAt where the node is used: an alias's use is reported there, not at its anchor */
        YamlNode convert(Node node, Location usedAt) {
            Location location = at(node.getStartMark());
            if (!path.add(node)) {
                problems.add(
                        new Problem(
                                usedAt,
                                "a recursive alias: the value defined at line "
                                        + location.line()
                                        + " contains itself",
                                "An alias (*name) must not be used inside the value its anchor (&name) marks."));
                return new YamlNode.Scalar("", "null", usedAt);
            }
            try {
                if (++values > MAX_VALUES) {
                    throw new ProblemException(
                            new Problem(
                                    usedAt,
                                    "the YAML expands to more than "
                                            + MAX_VALUES
                                            + " values through its aliases (each *name repeats its whole anchor)",
                                    "Write the values out, or use fewer aliases of aliases; a profile needs a few hundred values."));
                }
                return convertNode(node, location);
            } finally {
                path.remove(node);
            }
        }

        private YamlNode convertNode(Node node, Location location) {
            if (node instanceof ScalarNode) {
                ScalarNode scalar = (ScalarNode) node;
                return new YamlNode.Scalar(
                        scalar.getValue(),
                        scalar.getTag().getValue().replace("tag:yaml.org,2002:", ""),
                        location);
            }
            if (node instanceof SequenceNode) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : ((SequenceNode) node).getValue()) {
                    items.add(
                            convert(
                                    item,
                                    at(item.getStartMark()).line() < location.line()
                                            ? location
                                            : at(item.getStartMark())));
                }
                return new YamlNode.Sequence(List.copyOf(items), location);
            }
            MappingNode mapping = (MappingNode) node;
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Location> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Location keyAt = at(keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode)) {
                    problems.add(
                            new Problem(
                                    keyAt,
                                    "a key must be a plain name, not "
                                            + convert(keyNode, keyAt).kind(),
                                    "Write keys as plain words, like 'image:'."));
                    continue;
                }
                String key = ((ScalarNode) keyNode).getValue();
                if (entries.containsKey(key)) {
                    problems.add(
                            new Problem(
                                    keyAt,
                                    "key '"
                                            + key
                                            + "' appears twice in the same mapping (first at line "
                                            + keys.get(key).line()
                                            + ")",
                                    "Remove one of them; YAML keeps only one."));
                    continue;
                }
                entries.put(key, convert(tuple.getValueNode(), keyAt));
                keys.put(key, keyAt);
            }
            return new YamlNode.Mapping(entries, keys, location);
        }
    }

    private Location at(Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1);
    }
}
