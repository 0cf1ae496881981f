package dev.parity.network;

import dev.parity.profile.NetworkSpec;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.parity.database.LeftoverGuard;
import org.apiguardian.api.API;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/** Starts (or connects to) the Toxiproxy server a profile asks for. */
@API(status = API.Status.INTERNAL)
public final class ToxiproxyServers {

    /** The database's name on the Docker network the container provider shares with it. */
    public static final String DATABASE_ALIAS = "db";

    private ToxiproxyServers() {
    }

    /** A Docker network for the database and its Toxiproxy container, or none for the other providers. */
    public static Optional<Network> networkFor(NetworkSpec spec) {
        return spec.provider().equals("container") ? Optional.of(Network.newNetwork()) : Optional.empty();
    }

    /**
     * @param databasePort  the database's port inside its container (container provider)
     * @param databaseHost  the database's host as this machine sees it (process and external providers)
     * @param publishedPort the database's port as this machine sees it
     * @throws NetworkStartException saying what is missing and how to fix it
     */
    public static ToxiproxyServer start(NetworkSpec spec, Optional<Network> network, int databasePort,
                                        String databaseHost, int publishedPort, String label) {
        switch (spec.provider()) {
            case "container": {
                ToxiproxyContainer container = ContainerToxiproxyServer.container(network.orElseThrow())
                        .withLabel("dev.parity", "true").withLabel("dev.parity.profile", label);
                LeftoverGuard.remember(container);
                try {
                    container.start();
                } catch (RuntimeException e) {
                    LeftoverGuard.close(container);
                    throw new NetworkStartException("the Toxiproxy container (" + ContainerToxiproxyServer.IMAGE + ") did not start: "
                            + e.getMessage() + ". Check that the image is available, or use network.provider: process.", e);
                }
                return new ContainerToxiproxyServer(container, DATABASE_ALIAS + ":" + databasePort); // closing it forgets the container
            }
            case "process":
                return startProcess(spec, databaseHost + ":" + publishedPort);
            default:
                LocalToxiproxyServer external = new LocalToxiproxyServer(spec.host(), spec.port(), databaseHost + ":" + publishedPort, null);
                requireReachable(external.client(), "the external Toxiproxy server at " + spec.host() + ":" + spec.port(),
                        "Start it (toxiproxy-server -host 0.0.0.0) or fix network.host and network.port.");
                return external;
        }
    }

    private static ToxiproxyServer startProcess(NetworkSpec spec, String upstream) {
        Path binary = binary(spec.binary());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new NetworkStartException("no free port for toxiproxy-server: " + e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "-host", "127.0.0.1", "-port", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new NetworkStartException("could not run " + binary + ": " + e.getMessage() + ". Check that it is executable.", e);
        }
        LocalToxiproxyServer server = new LocalToxiproxyServer("127.0.0.1", port, upstream, process);
        LeftoverGuard.remember(server);
        try {
            requireReachable(server.client(), "toxiproxy-server (" + binary + ", port " + port + ")",
                    "Check that the binary is a Toxiproxy 2.x server.");
        } catch (NetworkStartException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Path binary(String configured) {
        if (!configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new NetworkStartException("network.binary names " + configured + ", which is not an executable file. "
                        + "Fix the path, or remove it to find toxiproxy-server on PATH.", null);
            }
            return path;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "toxiproxy-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new NetworkStartException("network.provider is process, but there is no toxiproxy-server on PATH. Install it "
                + "(go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0, or a release binary), set network.binary "
                + "to its path, or use network.provider: container.", null);
    }

    private static void requireReachable(ToxiproxyClient client, String what, String fix) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                client.version();
                return;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new NetworkStartException(what + " does not answer (" + (last != null ? last.getMessage() : "interrupted") + "). " + fix, last);
    }

}
