package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The process provider runs toxiproxy-server from PATH and stops it; bad toxics fail before anything starts. */
@NeedsDocker
class NetworkProvidersTest {

    private static final Map<String, Object> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    @ProdLike
    static class ThroughAProcess {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                SEEN.put("roundTrip", NetworkLatencyTest.roundTripMillis(connection));
            }
            SEEN.put("url", environment.jdbcUrl());
            SEEN.put("servers", toxiproxyServers());
        }
    }

    private static List<Long> toxiproxyServers() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").endsWith("toxiproxy-server"))
                .map(ProcessHandle::pid)
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void processProviderRunsTheServerFromPathAndStopsItAtTheEnd(TestEngine engine) {
        Kit.run(Map.of("parity.config", engine.file("process-network")), ThroughAProcess.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat((String) SEEN.get("url"))
                .startsWith(
                        "jdbc:"
                                + (engine == TestEngine.MARIADB ? "mariadb" : "postgresql")
                                + "://127.0.0.1:");
        // the best of three round trips: the toxic adds at least its 100 ms, a loaded machine more,
        // never less
        assertThat((Long) SEEN.get("roundTrip"))
                .as("the profile's 100 ms latency applies")
                .isGreaterThanOrEqualTo(100L);
        assertThat((List<?>) SEEN.get("servers")).hasSize(1);
        assertThat(toxiproxyServers()).as("stopped with the environment").isEmpty();
    }

    /** A toxiproxy-server that Parity did not start, as on a shared CI host; Parity must leave it running. */
    @Test
    void externalProviderUsesARunningServerAndLeavesItRunning(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server =
                new ProcessBuilder(
                                "toxiproxy-server",
                                "-host",
                                "127.0.0.1",
                                "-port",
                                String.valueOf(port))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        try {
            eu.rekawek.toxiproxy.ToxiproxyClient client =
                    new eu.rekawek.toxiproxy.ToxiproxyClient("127.0.0.1", port);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try {
                    client.version();
                    break;
                } catch (java.io.IOException notYet) {
                    assertThat(System.nanoTime())
                            .as("toxiproxy-server answers within 10 s")
                            .isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            java.nio.file.Path profile =
                    java.nio.file.Files.writeString(
                            dir.resolve("external.yml"),
                            "profiles:\n  default:\n    database:\n      image: postgres:15\n    network:\n      provider: external\n"
                                    + "      host: 127.0.0.1\n      port: "
                                    + port
                                    + "\n");
            Kit.run(Map.of("parity.config", profile.toString()), ThroughAProcess.class)
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            assertThat((String) SEEN.get("url")).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(server.isAlive()).isTrue();
            assertThat(client.getProxies())
                    .as("the class's proxy was deleted when the class ended")
                    .isEmpty();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void badToxicsAreReportedWithTheirLines() {
        Throwable failure =
                Kit.onlyContainerFailure(
                        Kit.run(
                                Map.of("parity.config", "profiles/bad-toxics.yml"),
                                ThroughAProcess.class));

        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        "profiles/bad-toxics.yml has 6 problems:\n"
                                + "  - line 4: unknown network provider 'contaner' in profile 'default'. Did you mean 'container'? "
                                + "Use container (Docker), process (a toxiproxy-server on this machine) or external (host and port of a running server).\n"
                                + "  - line 6: in profile 'default' > network > toxics: unknown toxic type 'latncy'. Did you mean 'latency'? "
                                + "Known types: latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data, down.\n"
                                + "  - line 8: in profile 'default' > network > toxics: unknown stream 'sideways' for a latency toxic. Use upstream, downstream or both.\n"
                                + "  - line 8: in profile 'default' > network > toxics: toxicity 1.5 of a latency toxic is outside 0..1. "
                                + "Use a share such as 0.05 for 5% of connections.\n"
                                + "  - line 8: in profile 'default' > network > toxics: attribute 'latency' of a latency toxic is negative (-5). Use 0 or more.\n"
                                + "  - line 8: in profile 'default' > network > toxics: a latency toxic has no attribute 'jiter'. Did you mean 'jitter'? "
                                + "Its attributes: latency, jitter.");
    }
}
