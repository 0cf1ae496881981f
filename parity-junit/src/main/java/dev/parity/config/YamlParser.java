package dev.parity.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** SnakeYAML's node graph (which keeps line numbers) turned into {@link YamlNode}s. */
@API(status = API.Status.INTERNAL)
public final class YamlParser {

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
            throw new ProblemException(new Problem(at(mark), "malformed YAML: " + problem.strip()
                    + (e.getContext() != null ? " (" + e.getContext().strip() + ")" : ""),
                    "Check the indentation (spaces only, no tabs) and quote values that contain ': ' or start with '{', '[', '*' or '&'."),
                    e);
        } catch (YAMLException e) {
            throw new ProblemException(new Problem(Location.of(file), "malformed YAML: " + e.getMessage(),
                    "Check that the file is valid YAML in UTF-8."), e);
        }
        if (root == null) {
            return new YamlNode.Mapping(Map.of(), Map.of(), new Location(file, 1));
        }
        List<Problem> problems = new ArrayList<>();
        YamlNode tree = convert(root, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        return tree;
    }

    private YamlNode convert(Node node, List<Problem> problems) {
        Location location = at(node.getStartMark());
        if (node instanceof ScalarNode) {
            ScalarNode scalar = (ScalarNode) node;
            return new YamlNode.Scalar(scalar.getValue(), scalar.getTag().getValue().replace("tag:yaml.org,2002:", ""), location);
        }
        if (node instanceof SequenceNode) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : ((SequenceNode) node).getValue()) {
                items.add(convert(item, problems));
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
                problems.add(new Problem(keyAt, "a key must be a plain name, not " + convert(keyNode, problems).kind(),
                        "Write keys as plain words, like 'image:'."));
                continue;
            }
            String key = ((ScalarNode) keyNode).getValue();
            if (entries.containsKey(key)) {
                problems.add(new Problem(keyAt, "key '" + key + "' appears twice in the same mapping (first at line "
                        + keys.get(key).line() + ")", "Remove one of them; YAML keeps only one."));
                continue;
            }
            entries.put(key, convert(tuple.getValueNode(), problems));
            keys.put(key, keyAt);
        }
        return new YamlNode.Mapping(entries, keys, location);
    }

    private Location at(Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1);
    }
}
