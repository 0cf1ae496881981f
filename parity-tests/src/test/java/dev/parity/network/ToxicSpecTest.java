package dev.parity.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is wrong with a toxic: its type, stream, toxicity and attributes, each with a fix. */
class ToxicSpecTest {

    private static final String TYPES =
            "Known types: latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data, down.";

    @Test
    void validToxicsHaveNoProblems() {
        assertThat(
                        new ToxicSpec("latency", "both", 0.05, Map.of("latency", 40L, "jitter", 0L))
                                .problems())
                .isEmpty();
        assertThat(new ToxicSpec("down", "downstream", 1, Map.of()).problems()).isEmpty();
        assertThat(new ToxicSpec("slicer", "upstream", 0, Map.of("average_size", 10L)).problems())
                .isEmpty();
    }

    @Test
    void anUnknownTypeIsTheOnlyProblemReported() {
        assertThat(new ToxicSpec("latncy", "sideways", 7, Map.of("x", -1L)).problems())
                .containsExactly("unknown toxic type 'latncy'. Did you mean 'latency'? " + TYPES);
        assertThat(new ToxicSpec("packet_loss", "both", 1, Map.of()).problems())
                .containsExactly("unknown toxic type 'packet_loss'. " + TYPES);
    }

    @Test
    void theStreamIsUpstreamDownstreamOrBoth() {
        assertThat(new ToxicSpec("timeout", "upstrem", 1, Map.of()).problems())
                .containsExactly(
                        "unknown stream 'upstrem' for a timeout toxic. Did you mean 'upstream'? Use upstream, downstream or both.");
        assertThat(new ToxicSpec("timeout", "sideways", 1, Map.of()).problems())
                .containsExactly(
                        "unknown stream 'sideways' for a timeout toxic. Use upstream, downstream or both.");
    }

    @Test
    void toxicityIsAShareFromZeroToOne() {
        for (double toxicity : new double[] {-0.1, 1.01, Double.NaN}) {
            assertThat(new ToxicSpec("latency", "both", toxicity, Map.of()).problems())
                    .containsExactly(
                            "toxicity "
                                    + toxicity
                                    + " of a latency toxic is outside 0..1. Use a share such as 0.05 for 5% of connections.");
        }
    }

    @Test
    void attributesMustBeTheTypesAndNotNegative() {
        Map<String, Long> attributes = new LinkedHashMap<>();
        attributes.put("latncy", 40L);
        attributes.put("jitter", -5L);
        attributes.put("rate", 1L);
        assertThat(new ToxicSpec("latency", "both", 1, attributes).problems())
                .containsExactly(
                        "a latency toxic has no attribute 'latncy'. Did you mean 'latency'? Its attributes: latency, jitter.",
                        "attribute 'jitter' of a latency toxic is negative (-5). Use 0 or more.",
                        "a latency toxic has no attribute 'rate'. Its attributes: latency, jitter.");
        assertThat(new ToxicSpec("down", "downstream", 1, Map.of("timeout", 1L)).problems())
                .containsExactly("a down toxic has no attribute 'timeout'. It takes none.");
    }

    @Test
    void aDownToxicTakesNoStreamOrToxicityWhichItWouldIgnore() {
        String fix = " Remove them; for a share of connections, use reset_peer with a toxicity.";
        assertThat(new ToxicSpec("down", "upstream", 1, Map.of()).problems())
                .containsExactly(
                        "a down toxic refuses every connection in both directions, so it takes no stream or toxicity (it has stream upstream, toxicity 1.0)."
                                + fix);
        assertThat(new ToxicSpec("down", "downstream", 0.5, Map.of()).problems())
                .containsExactly(
                        "a down toxic refuses every connection in both directions, so it takes no stream or toxicity (it has stream downstream, toxicity 0.5)."
                                + fix);
    }

    @Test
    void everyProblemIsReportedTogether() {
        assertThat(new ToxicSpec("bandwidth", "sideways", 2, Map.of("rate", -1L)).problems())
                .hasSize(3);
    }
}
