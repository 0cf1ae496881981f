package dev.parity.network;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The Toxiproxy server in front of a profile's database, and the toxics every test starts with.
 *
 * @param provider container (Testcontainers, the default), process (a toxiproxy-server child process)
 *                 or external (a server already running at host:port)
 * @param host     the external server's host
 * @param port     the external server's API port
 * @param binary   the toxiproxy-server binary for the process provider (empty: found on PATH)
 * @param image    the Toxiproxy image for the container provider
 * @param toxics   the profile's toxics
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record NetworkSpec(
        String provider,
        String host,
        int port,
        String binary,
        String image,
        List<ToxicSpec> toxics) {

    public static final List<String> PROVIDERS = List.of("container", "process", "external");

    /** The image the container provider runs unless the profile names another (a mirror, a newer release). */
    public static final String DEFAULT_IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";

    public static final NetworkSpec DEFAULT =
            new NetworkSpec("container", "localhost", 8474, "", DEFAULT_IMAGE, List.of());

    public NetworkSpec {
        toxics = List.copyOf(toxics);
    }

    /** The server alone, without the toxics: what decides whether two profiles can share it. */
    public NetworkSpec server() {
        return new NetworkSpec(provider, host, port, binary, image, List.of());
    }
}
