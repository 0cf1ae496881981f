package dev.parity.network;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import dev.parity.config.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A profile's network section read from YAML: provider, server, toxics, and every problem with its line. */
class NetworkSectionTest {

    private final List<Problem> problems = new ArrayList<>();

    private NetworkSpec read(String yaml) {
        return NetworkSection.read(profile(yaml, problems), problems);
    }

    @Test
    void noNetworkIsTheDefaultContainer() {
        assertThat(read("timezone: UTC")).isEqualTo(NetworkSpec.DEFAULT);
        assertThat(read("network:")).isEqualTo(NetworkSpec.DEFAULT);
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheServerAndItsToxics() {
        NetworkSpec spec =
                read(
                        """
                network:
                  provider: external
                  host: toxi.local
                  port: 18474
                  toxics:
                    - type: latency
                      stream: upstream
                      toxicity: 0.5
                      attributes: {latency: 40, jitter: 10}
                    - type: down
                """);
        assertThat(problems).isEmpty();
        assertThat(spec)
                .isEqualTo(
                        new NetworkSpec(
                                "external",
                                "toxi.local",
                                18474,
                                "",
                                NetworkSpec.DEFAULT_IMAGE,
                                List.of(
                                        new ToxicSpec(
                                                "latency",
                                                "upstream",
                                                0.5,
                                                Map.of("latency", 40L, "jitter", 10L)),
                                        new ToxicSpec("down", "downstream", 1.0, Map.of()))));
    }

    @Test
    void theProcessProviderTakesABinary() {
        assertThat(read("network: {provider: process, binary: /opt/toxiproxy-server}"))
                .isEqualTo(
                        new NetworkSpec(
                                "process",
                                "localhost",
                                8474,
                                "/opt/toxiproxy-server",
                                NetworkSpec.DEFAULT_IMAGE,
                                List.of()));
        assertThat(problems).isEmpty();
    }

    @Test
    void theContainerProviderTakesAnImageAndNoOtherProviderDoes() {
        assertThat(read("network: {image: mirror.example.com/shopify/toxiproxy:2.12.0}").image())
                .isEqualTo("mirror.example.com/shopify/toxiproxy:2.12.0");
        assertThat(problems).isEmpty();

        readWhole(
                """
                network:
                  provider: process
                  image: mirror.example.com/shopify/toxiproxy:2.12.0
                """);
        assertThat(described(problems))
                .containsExactly(
                        "3: 'image' in profile 'p' > network is read by the container provider only, "
                                + "but the provider is process. Remove it, or set provider: container.");
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        read(
                """
                network:
                  provider: contaner
                  port: 70000
                  toxics:
                    - type: latncy
                    - stream: both
                    - type: timeout
                      stream: sideways
                      toxicity: 1.5
                      attributes: {timeout: -1, jitter: 5}
                    - type: latency
                      attributes: {latency: fast}
                    - latency
                  proxy: x
                """);
        String toxics = "in profile 'p' > network > toxics: ";
        assertThat(described(problems))
                .containsExactly(
                        "14: unknown key 'proxy' in profile 'p' > network. Known keys here: provider, image, host, port, binary, toxics.",
                        "2: unknown network provider 'contaner' in profile 'p'. Did you mean 'container'? Use container (Docker), process"
                                + " (a toxiproxy-server on this machine) or external (host and port of a running server).",
                        "3: port 70000 in profile 'p' > network is not a TCP port. Use the Toxiproxy API port, 8474 unless the server was started with another.",
                        "13: each item of 'toxics' in profile 'p' > network must be a mapping, but one is a text ('latency'). Write it as, for example:\n"
                                + "toxics:\n  - type: latency\n    stream: both\n    attributes: {latency: 40, jitter: 10}",
                        "5: "
                                + toxics
                                + "unknown toxic type 'latncy'. Did you mean 'latency'? Known types: latency, bandwidth, slow_close, timeout,"
                                + " reset_peer, slicer, limit_data, down.",
                        "6: a toxic in profile 'p' has no type. Add one, for example: type: latency",
                        "7: "
                                + toxics
                                + "unknown stream 'sideways' for a timeout toxic. Use upstream, downstream or both.",
                        "7: "
                                + toxics
                                + "toxicity 1.5 of a timeout toxic is outside 0..1. Use a share such as 0.05 for 5% of connections.",
                        "7: "
                                + toxics
                                + "attribute 'timeout' of a timeout toxic is negative (-1). Use 0 or more.",
                        "7: "
                                + toxics
                                + "a timeout toxic has no attribute 'jitter'. Its attributes: timeout.",
                        "12: 'latency' in profile 'p' > network > toxics > attributes must be a whole number, but is a text ('fast')."
                                + " Write it as, for example: latency: 100");
    }

    /** The whole profile: what read() reports, and then the keys its provider does not read. */
    private NetworkSpec readWhole(String yaml) {
        Section profile = profile(yaml, problems);
        NetworkSpec spec = NetworkSection.read(profile, problems);
        NetworkSection.checkCombination(spec, profile, problems);
        return spec;
    }

    @Test
    void keysAnotherProviderReadsAreErrorsNotIgnored() {
        readWhole(
                """
                network:
                  binary: /opt/toxiproxy-server
                  host: toxi.local
                  port: 18474
                """);
        assertThat(described(problems))
                .containsExactly(
                        "2: 'binary' in profile 'p' > network is read by the process provider only, but the provider is container."
                                + " Remove it, or set provider: process.",
                        "3: 'host' in profile 'p' > network is read by the external provider only, but the provider is container."
                                + " Remove it, or set provider: external.",
                        "4: 'port' in profile 'p' > network is read by the external provider only, but the provider is container."
                                + " Remove it, or set provider: external.");
        problems.clear();
        readWhole("network: {provider: external, host: toxi.local, binary: /opt/toxiproxy-server}");
        assertThat(described(problems))
                .containsExactly(
                        "1: 'binary' in profile 'p' > network is read by the process provider only,"
                                + " but the provider is external. Remove it, or set provider: process.");
        problems.clear();
        readWhole("network: {provider: process, port: 8474}");
        assertThat(described(problems))
                .containsExactly(
                        "1: 'port' in profile 'p' > network is read by the external provider only,"
                                + " but the provider is process. Remove it, or set provider: external.");
    }

    @Test
    void eachProviderReadsItsOwnKeys() {
        readWhole("network: {provider: external, host: toxi.local, port: 18474}");
        readWhole("network: {provider: process, binary: /opt/toxiproxy-server}");
        readWhole(
                "network: {provider: container, toxics: [{type: latency, attributes: {latency: 5}}]}");
        assertThat(problems).isEmpty();
    }

    @Test
    void aToxicityThatIsNoFiniteNumberIsReportedNotThrown() {
        read(
                """
                network:
                  toxics:
                    - type: reset_peer
                      toxicity: .nan
                    - type: reset_peer
                      toxicity: 0x1
                """);
        assertThat(described(problems))
                .containsExactly(
                        "4: 'toxicity' in profile 'p' > network > toxics must be a finite decimal number, but is a number (.nan). Write it as, for example: toxicity: 0.05",
                        "6: 'toxicity' in profile 'p' > network > toxics must be a finite decimal number, but is a number (0x1). Write it as, for example: toxicity: 0.05");
    }

    @Test
    void aNetworkThatIsNoMappingIsReported() {
        assertThat(read("network: toxiproxy")).isEqualTo(NetworkSpec.DEFAULT);
        assertThat(described(problems))
                .containsExactly(
                        "1: profile 'p'.network must be a mapping of keys to values, but is a text ('toxiproxy')."
                                + " Write it as, for example:\nnetwork:\n  provider: container\n  toxics:\n    - type: latency\n      stream: both\n"
                                + "      attributes: {latency: 40, jitter: 10}");
    }
}
