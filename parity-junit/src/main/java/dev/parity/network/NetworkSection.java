package dev.parity.network;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.Suggestions;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** Reads a profile's {@code network:} section into a {@link NetworkSpec}, reporting every problem with its line. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NetworkSection {

    public static final List<String> KEYS =
            List.of("provider", "image", "host", "port", "binary", "toxics");
    public static final List<String> TOXIC_KEYS =
            List.of("type", "stream", "toxicity", "attributes");
    private static final String TOXICS_EXAMPLE =
            "toxics:\n  - type: latency\n    stream: both\n    attributes: {latency: 40, jitter: 10}";

    private NetworkSection() {}

    public static NetworkSpec read(Section profile, List<Problem> problems) {
        String path = profile.path();
        Optional<YamlNode.Mapping> node =
                profile.mapping(
                        "network",
                        "network:\n  provider: container\n"
                                + TOXICS_EXAMPLE.replaceAll("(?m)^", "  "));
        if (node.isEmpty()) {
            return NetworkSpec.DEFAULT;
        }
        Section network = new Section(node.get(), path + " > network", KEYS, problems);
        String provider = network.text("provider", "container").orElse("container");
        if (!NetworkSpec.PROVIDERS.contains(provider)) {
            problems.add(
                    new Problem(
                            network.valueLocation("provider"),
                            "unknown network provider '" + provider + "' in " + path,
                            Suggestions.didYouMean(provider, NetworkSpec.PROVIDERS)
                                    + "Use container (Docker), process (a toxiproxy-server on this machine) or external (host and port of a running server)."));
        }
        String host = network.text("host", "localhost").orElse("localhost");
        long port = network.integer("port", "8474").orElse(8474L);
        if (port < 1 || port > 65535) {
            problems.add(
                    new Problem(
                            network.valueLocation("port"),
                            "port " + port + " in " + path + " > network is not a TCP port",
                            "Use the Toxiproxy API port, 8474 unless the server was started with another."));
        }
        String binary = network.text("binary", "/usr/local/bin/toxiproxy-server").orElse("");
        String image =
                network.text("image", NetworkSpec.DEFAULT_IMAGE).orElse(NetworkSpec.DEFAULT_IMAGE);
        List<ToxicSpec> toxics = new ArrayList<>();
        for (YamlNode.Mapping item : network.mappings("toxics", TOXICS_EXAMPLE)) {
            Section toxic = new Section(item, path + " > network > toxics", TOXIC_KEYS, problems);
            String type = toxic.text("type", "latency").orElse(null);
            if (type == null) {
                problems.add(
                        new Problem(
                                item.location(),
                                "a toxic in " + path + " has no type",
                                "Add one, for example: type: latency"));
                continue;
            }
            Map<String, Long> attributes = new LinkedHashMap<>();
            toxic.mapping("attributes", "attributes: {latency: 40, jitter: 10}")
                    .ifPresent(
                            map -> {
                                Section values =
                                        new Section(
                                                map,
                                                path + " > network > toxics > attributes",
                                                List.copyOf(map.entries().keySet()),
                                                problems);
                                map.entries()
                                        .keySet()
                                        .forEach(
                                                name ->
                                                        values.integer(name, "100")
                                                                .ifPresent(
                                                                        v ->
                                                                                attributes.put(
                                                                                        name, v)));
                            });
            ToxicSpec spec =
                    new ToxicSpec(
                            type,
                            toxic.text("stream", "downstream").orElse("downstream"),
                            toxic.number("toxicity", "0.05").orElse(1.0),
                            attributes);
            spec.problems()
                    .forEach(
                            problem ->
                                    problems.add(
                                            new Problem(
                                                    item.location(),
                                                    "in "
                                                            + path
                                                            + " > network > toxics: "
                                                            + problem,
                                                    "")));
            toxics.add(spec);
        }
        return new NetworkSpec(provider, host, (int) port, binary, image, toxics);
    }

    /** Where the merged {@code profile} wrote its Toxiproxy image (its network section, or itself, if it left it to the default). */
    public static Location imageOrigin(Section profile) {
        return profile.valueNode("network") instanceof YamlNode.Mapping network
                ? new Section(network, profile.path() + " > network", KEYS, new ArrayList<>())
                        .valueLocation("image")
                : profile.valueLocation("network");
    }

    /**
     * Keys that one provider reads, written for another: the container provider never looks at a host, so
     * it would be ignored without a word. Checked on the whole profile, whose provider may be inherited.
     */
    public static void checkCombination(NetworkSpec spec, Section profile, List<Problem> problems) {
        if (!NetworkSpec.PROVIDERS.contains(spec.provider())) {
            return; // reported as unknown
        }
        List<Problem> reportedByRead = new ArrayList<>();
        Section.asMapping(profile.valueNode("network"), "network", "", reportedByRead)
                .map(node -> new Section(node, profile.path() + " > network", KEYS, reportedByRead))
                .ifPresent(
                        network -> {
                            onlyFor("image", "container", spec.provider(), network, problems);
                            onlyFor("binary", "process", spec.provider(), network, problems);
                            onlyFor("host", "external", spec.provider(), network, problems);
                            onlyFor("port", "external", spec.provider(), network, problems);
                        });
    }

    private static void onlyFor(
            String key, String reader, String provider, Section network, List<Problem> problems) {
        YamlNode node = network.valueNode(key);
        if (!provider.equals(reader) && node != null && !Section.isNull(node)) {
            problems.add(
                    new Problem(
                            node.location(),
                            "'"
                                    + key
                                    + "' in "
                                    + network.path()
                                    + " is read by the "
                                    + reader
                                    + " provider only, but the provider is "
                                    + provider,
                            "Remove it, or set provider: " + reader + "."));
        }
    }
}
