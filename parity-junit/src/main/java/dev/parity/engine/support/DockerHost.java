package dev.parity.engine.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

/** Where the Docker daemon runs, as far as this JVM can tell. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DockerHost {

    private DockerHost() {}

    /**
     * Whether Docker is reached on this machine (a socket, or loopback): then its containers can bind-mount this
     * machine's files. A remote daemon cannot, and neither can one behind an SSH tunnel to loopback; whoever relies on
     * a mount checks in the container that the file arrived.
     */
    public static boolean isThisMachine() {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
