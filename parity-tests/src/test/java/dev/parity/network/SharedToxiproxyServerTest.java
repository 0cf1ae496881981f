package dev.parity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.Location;
import dev.parity.junit.ChildRun;
import dev.parity.testing.NeedsDocker;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two runs (two JVMs) on one external toxiproxy-server, each with a class of the same name in the same
 * profile: both get their proxy, and the proxy of a run killed with {@code kill -9} is deleted when the
 * next run connects, while a live run's and anyone else's stay. Needs toxiproxy-server on PATH, as the
 * process provider's tests do; no Docker.
 */
@NeedsDocker
class SharedToxiproxyServerTest {

    private static final String CLASS = "default-SharedServerTest";

    private Process server;
    private int port;
    private ToxiproxyClient client;

    /** The other run: connects as the external provider does, creates its class's proxy and waits. */
    public static void main(String[] args) throws InterruptedException {
        ToxiproxyServer shared = connect(Integer.parseInt(args[0]));
        shared.createProxy(CLASS);
        System.out.println(ChildRun.READY);
        Thread.sleep(Long.MAX_VALUE); // a live run, until it is killed
    }

    @BeforeEach
    void startServer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server =
                new ProcessBuilder(
                                "toxiproxy-server",
                                "-host",
                                "127.0.0.1",
                                "-port",
                                String.valueOf(port))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        client = new ToxiproxyClient("127.0.0.1", port);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                client.version();
                return;
            } catch (IOException notYet) {
                assertThat(System.nanoTime())
                        .as("toxiproxy-server answers within 10 s")
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }

    @Test
    void twoRunsCreateTheirProxiesAndADeadRunsProxyIsReplacedByNothingOfOthers() throws Exception {
        try (ChildRun other =
                ChildRun.startAndAwaitReady(
                        SharedToxiproxyServerTest.class, List.of(String.valueOf(port)), 60)) {
            ProxyEndpoint mine =
                    connect(port).createProxy(CLASS); // the same class name: a 409 before run ids

            Proxy theirs =
                    client.getProxies().stream()
                            .filter(p -> !p.getName().equals(mine.proxy().getName()))
                            .findFirst()
                            .orElseThrow();
            assertThat(theirs.getName())
                    .contains("." + other.pid() + ".")
                    .contains("-" + CLASS + "-");
            assertThat(mine.proxy().getName())
                    .contains("." + ProcessHandle.current().pid() + ".")
                    .contains("-" + CLASS + "-");
            // names without the run id, as before, collide on one server
            client.createProxy("parity-" + CLASS + "-1", "127.0.0.1:0", "127.0.0.1:5432");
            assertThatThrownBy(
                            () ->
                                    client.createProxy(
                                            "parity-" + CLASS + "-1",
                                            "127.0.0.1:0",
                                            "127.0.0.1:5432"))
                    .hasMessageContaining("409");
            String foreign =
                    "parity-0123456789ab."
                            + other.pid()
                            + ".1-"
                            + CLASS
                            + "-1"; // another machine's run, same pid

            client.createProxy(foreign, "127.0.0.1:0", "127.0.0.1:5432");

            other.kill();
            connect(port); // the next run connecting

            assertThat(client.getProxies())
                    .extracting(Proxy::getName)
                    .as("the killed run's proxy is gone, nothing else")
                    .containsExactlyInAnyOrder(
                            mine.proxy().getName(), "parity-" + CLASS + "-1", foreign);
            mine.close();
        }
    }

    private static ToxiproxyServer connect(int port) {
        NetworkSpec external =
                new NetworkSpec(
                        "external", "127.0.0.1", port, "", NetworkSpec.DEFAULT_IMAGE, List.of());
        return ToxiproxyServers.begin(external, Location.of("test"), Optional.empty(), "default")
                .finish(0, "127.0.0.1", 5432);
    }
}
