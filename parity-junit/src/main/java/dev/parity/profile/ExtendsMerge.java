package dev.parity.profile;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges each profile with the profiles it {@code extends}, parent first: mappings merge key by key,
 * lists and plain values are replaced. An unknown parent or a cycle is a problem, reported once.
 */
final class ExtendsMerge {

    private final Map<String, YamlNode.Mapping> raw;
    private final Map<String, YamlNode.Mapping> merged = new LinkedHashMap<>();
    private final Set<String> reportedCycles = new LinkedHashSet<>();
    private final List<Problem> problems;

    ExtendsMerge(Map<String, YamlNode.Mapping> raw, List<Problem> problems) {
        this.raw = raw;
        this.problems = problems;
    }

    /** Every profile merged with its ancestors, in file order. */
    Map<String, YamlNode.Mapping> mergeAll() {
        raw.keySet().forEach(name -> merge(name, new ArrayList<>()));
        return merged;
    }

    private void merge(String name, List<String> chain) {
        if (merged.containsKey(name)) {
            return;
        }
        YamlNode.Mapping body = raw.get(name);
        YamlNode parentNode = body.entries().get("extends");
        if (!(parentNode instanceof YamlNode.Scalar parentScalar)
                || !parentScalar.type().equals("str")) {
            merged.put(name, body); // no extends, or one already reported as malformed
            return;
        }
        String parent = parentScalar.text().strip();
        chain.add(name);
        if (chain.contains(parent)) {
            List<String> cycle =
                    new ArrayList<>(chain.subList(chain.indexOf(parent), chain.size()));
            cycle.add(parent);
            if (reportedCycles.add(new TreeSet<>(cycle).toString())) {
                problems.add(
                        new Problem(
                                parentNode.location(),
                                "'extends' makes a cycle: " + String.join(" -> ", cycle),
                                "A profile cannot inherit from itself; remove one of these 'extends'."));
            }
            merged.put(name, body);
            return;
        }
        if (!raw.containsKey(parent)) {
            problems.add(
                    new Problem(
                            parentNode.location(),
                            "profile '" + name + "' extends '" + parent + "', which is not defined",
                            Suggestions.didYouMean(parent, raw.keySet())
                                    + "Known profiles: "
                                    + String.join(", ", raw.keySet())
                                    + "."));
            merged.put(name, body);
            return;
        }
        merge(parent, chain);
        Map<String, YamlNode> own = new LinkedHashMap<>(body.entries());
        Map<String, Location> ownKeys = new LinkedHashMap<>(body.keyLocations());
        own.remove("extends");
        ownKeys.remove("extends");
        merged.put(
                name,
                merged.get(parent)
                        .overriddenBy(new YamlNode.Mapping(own, ownKeys, body.location())));
    }
}
