package dev.parity.network;

import dev.parity.database.LeftoverGuard;
import dev.parity.engine.support.PublishedPorts;
import eu.rekawek.toxiproxy.Proxy;
import java.util.BitSet;
import java.util.stream.IntStream;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Toxiproxy in a container on the database's Docker network; it reaches the database by its alias. The
 * container exposes {@value #PORTS} proxy ports, handed out to concurrent classes and given back when
 * they end. Not more: Docker starts a userland proxy process or two per published port, about 20 ms each,
 * and the container starts beside the database, competing with it for the machine (Testcontainers' own
 * default of 32 ports took a second on a two-core machine, 16 take 0.7 s).
 */
final class ContainerToxiproxyServer extends ToxiproxyServer {

    private static final int CONTROL_PORT = 8474;
    private static final int FIRST_PORT = 8666;
    static final int PORTS = 16;

    private final ToxiproxyContainer container;
    private final BitSet used = new BitSet(PORTS);

    ContainerToxiproxyServer(ToxiproxyContainer container, String upstream) {
        super(container.getHost(), container.getControlPort(), upstream);
        this.container = container;
    }

    static ToxiproxyContainer container(String image, Network network) {
        // asCompatibleSubstituteFor: a mirror's or a rebuilt image is still Toxiproxy to
        // Testcontainers
        ToxiproxyContainer container =
                new ToxiproxyContainer(
                                DockerImageName.parse(image)
                                        .asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy"))
                        .withNetwork(network);
        container.setExposedPorts(
                IntStream.concat(
                                IntStream.of(CONTROL_PORT),
                                IntStream.range(FIRST_PORT, FIRST_PORT + PORTS))
                        .boxed()
                        .toList());
        return PublishedPorts.onBindAddress(container);
    }

    @Override
    protected synchronized String listenAddress() {
        int free = used.nextClearBit(0);
        if (free >= PORTS) {
            throw new IllegalStateException(
                    "all "
                            + PORTS
                            + " proxy ports of the Toxiproxy container are in use: more than "
                            + PORTS
                            + " classes of one environment run at once. Lower junit.jupiter.execution.parallel parallelism.");
        }
        used.set(free);
        return "0.0.0.0:" + (FIRST_PORT + free);
    }

    @Override
    protected Endpoint endpointFor(Proxy proxy) {
        return new Endpoint(container.getHost(), container.getMappedPort(port(proxy)));
    }

    @Override
    protected synchronized void released(Proxy proxy) {
        used.clear(port(proxy) - FIRST_PORT);
    }

    private static int port(Proxy proxy) {
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    @Override
    public void close() {
        LeftoverGuard.close(container);
    }
}
