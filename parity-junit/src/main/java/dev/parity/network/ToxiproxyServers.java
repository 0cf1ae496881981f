package dev.parity.network;

import dev.parity.config.Location;
import dev.parity.database.DatabaseStartException;
import dev.parity.database.LeftoverGuard;
import dev.parity.database.LocalImages;
import dev.parity.database.ParityLabels;
import dev.parity.database.ProcessMarker;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/** Starts (or connects to) the Toxiproxy server a profile asks for. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ToxiproxyServers {

    /** The database's name on the Docker network the container provider shares with it. */
    public static final String DATABASE_ALIAS = "db";

    private ToxiproxyServers() {}

    /** A Docker network for the database and its Toxiproxy container, or none for the other providers. */
    public static Optional<Network> networkFor(NetworkSpec spec) {
        return spec.provider().equals("container")
                ? Optional.of(
                        Network.builder()
                                .createNetworkCmdModifier(
                                        create -> create.withLabels(ParityLabels.owned()))
                                .build())
                : Optional.empty();
    }

    /**
     * Starts what can start before the database does: the container provider's container, in the
     * background, so that the database and its proxy start side by side. {@link Starting#finish} then
     * points the server at the database. The container provider's image is looked for first, in the
     * foreground: a missing one fails before the database starts, within the pull timeout.
     *
     * @param imageAt where the profile wrote the container provider's image (or would have)
     * @throws NetworkStartException if that image is not on this machine and cannot be pulled
     */
    public static Starting begin(
            NetworkSpec spec, Location imageAt, Optional<Network> network, String label) {
        if (spec.provider().equals("container")) {
            try {
                LocalImages.require(
                        spec.image(),
                        imageAt,
                        NetworkSpec.DEFAULT_IMAGE,
                        "set network.image to an image this machine has, or use network.provider: process (a toxiproxy-server on PATH)");
            } catch (DatabaseStartException e) {
                throw new NetworkStartException(e.getMessage(), e.getCause());
            }
        }
        return new Starting(spec, network, label);
    }

    /** A Toxiproxy server on its way: finish it once the database runs, or close it to stop what started. */
    public static final class Starting implements AutoCloseable {

        /** How long the database's start waits for the Toxiproxy container (its image is here already): it starts in seconds. */
        static final Duration START_WAIT = Duration.ofMinutes(3);

        private final NetworkSpec spec;
        private final CompletableFuture<ToxiproxyContainer> container;
        private volatile long started = System.nanoTime();
        private volatile long ready;

        private Starting(NetworkSpec spec, Optional<Network> network, String label) {
            this.spec = spec;
            if (spec.provider().equals("container")) {
                container = new CompletableFuture<>();
                Thread starter =
                        new Thread(
                                () -> {
                                    try {
                                        container.complete(
                                                startContainer(
                                                        spec.image(),
                                                        network.orElseThrow(),
                                                        label));
                                        ready = System.nanoTime();
                                    } catch (Throwable e) {
                                        container.completeExceptionally(e);
                                    }
                                },
                                "parity-toxiproxy-start");
                starter.setDaemon(true);
                starter.start();
            } else {
                container = null;
            }
        }

        /**
         * The server, in front of the database.
         *
         * @param databasePort  the database's port inside its container (container provider)
         * @param databaseHost  the database's host as this machine sees it (process and external providers)
         * @param publishedPort the database's port as this machine sees it
         * @throws NetworkStartException saying what is missing and how to fix it
         */
        public ToxiproxyServer finish(int databasePort, String databaseHost, int publishedPort) {
            switch (spec.provider()) {
                case "container":
                    return new ContainerToxiproxyServer(
                            awaitContainer(),
                            DATABASE_ALIAS
                                    + ":"
                                    + databasePort); // closing it forgets the container
                case "process":
                    started = System.nanoTime(); // it starts once the database runs: its time is
                    // its own
                    ToxiproxyServer process =
                            startProcess(spec, databaseHost + ":" + publishedPort);
                    ready = System.nanoTime();
                    return process;
                default:
                    started = System.nanoTime();
                    LocalToxiproxyServer external =
                            new LocalToxiproxyServer(
                                    spec.host(),
                                    spec.port(),
                                    databaseHost + ":" + publishedPort,
                                    null,
                                    null);
                    requireReachable(
                            external.client(),
                            "the external Toxiproxy server at " + spec.host() + ":" + spec.port(),
                            "Start it (toxiproxy-server -host 0.0.0.0) or fix network.host and network.port.");
                    StaleProxies.removeFrom(external.client(), spec.host() + ":" + spec.port());
                    ready = System.nanoTime();
                    return external;
            }
        }

        /** How long the server took to start (for the container provider: by itself, beside the database). */
        public Duration took() {
            return Duration.ofNanos(
                    Math.max(0, (ready == 0 ? System.nanoTime() : ready) - started));
        }

        private ToxiproxyContainer awaitContainer() {
            try {
                return container.get(START_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new CompletionException(e.getCause());
            } catch (TimeoutException e) {
                stopWhenStarted();
                throw new NetworkStartException(
                        "the Toxiproxy container ("
                                + spec.image()
                                + ") did not start within "
                                + START_WAIT.toSeconds()
                                + " s. Check that Docker answers (docker ps), or use network.provider: process.",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopWhenStarted();
                throw new NetworkStartException(
                        "interrupted while waiting for the Toxiproxy container ("
                                + spec.image()
                                + ") to start",
                        e);
            }
        }

        /** Stops the container once its start ends, whenever that is, without waiting for it here. */
        private void stopWhenStarted() {
            container.thenAccept(LeftoverGuard::close);
        }

        /** Stops a container started for a database that then failed; nothing for the other providers. */
        @Override
        public void close() {
            if (container != null) {
                try {
                    container.get(
                            START_WAIT.toNanos(),
                            TimeUnit.NANOSECONDS); // a start under way ends, so that it is stopped
                    // here
                } catch (ExecutionException startFailed) {
                    // it stopped itself: nothing is running
                } catch (TimeoutException stillStarting) {
                    // stopped below when its start ends
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stopWhenStarted();
            }
        }
    }

    private static ToxiproxyContainer startContainer(String image, Network network, String label) {
        ToxiproxyContainer container =
                ContainerToxiproxyServer.container(image, network)
                        .withLabels(ParityLabels.forProfile(label));
        LeftoverGuard.remember(container);
        try {
            container.start();
        } catch (RuntimeException e) {
            LeftoverGuard.close(container);
            throw new NetworkStartException(
                    "the Toxiproxy container ("
                            + image
                            + ") did not start: "
                            + e.getMessage()
                            + ". Check that the image is available, or use network.provider: process.",
                    e);
        }
        return container;
    }

    private static ToxiproxyServer startProcess(NetworkSpec spec, String upstream) {
        Path binary = binary(spec.binary());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new NetworkStartException(
                    "no free port for toxiproxy-server: " + e.getMessage(), e);
        }
        Process process;
        try {
            process =
                    new ProcessBuilder(
                                    binary.toString(),
                                    "-host",
                                    "127.0.0.1",
                                    "-port",
                                    String.valueOf(port))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
        } catch (IOException e) {
            throw new NetworkStartException(
                    "could not run "
                            + binary
                            + ": "
                            + e.getMessage()
                            + ". Check that it is executable.",
                    e);
        }
        // a kill -9 of this JVM leaves the process running: the marker lets the next run stop it
        LocalToxiproxyServer server =
                new LocalToxiproxyServer(
                        "127.0.0.1", port, upstream, process, ProcessMarker.write(process));
        LeftoverGuard.remember(server);
        try {
            requireReachable(
                    server.client(),
                    "toxiproxy-server (" + binary + ", port " + port + ")",
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
                throw new NetworkStartException(
                        "network.binary names "
                                + configured
                                + ", which is not an executable file. "
                                + "Fix the path, or remove it to find toxiproxy-server on PATH.",
                        null);
            }
            return path;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "toxiproxy-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new NetworkStartException(
                "network.provider is process, but there is no toxiproxy-server on PATH. Install it "
                        + "(go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0, or a release binary), set network.binary "
                        + "to its path, or use network.provider: container.",
                null);
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
        throw new NetworkStartException(
                what
                        + " does not answer ("
                        + (last != null ? last.getMessage() : "interrupted")
                        + "). "
                        + fix,
                last);
    }
}
