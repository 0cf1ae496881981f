package dev.parity.network;

import dev.parity.database.RunOwner;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A running Toxiproxy server in front of one database. Each test class gets a proxy of its own with a
 * unique name, so classes never see each other's toxics and names never clash (no 409s), not even with
 * another run's on a shared server: the name starts with this run's id ({@link StaleProxies#PREFIX}). A
 * class's proxy is deleted when the class is done, which frees its port.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class ToxiproxyServer implements AutoCloseable {

    private static final AtomicLong PROXIES = new AtomicLong();

    private final ToxiproxyClient client;
    private final ToxiproxyApi api;
    private final String upstream;

    /**
     * @param host     where the JVM reaches the server's API
     * @param apiPort  its port
     * @param upstream where the server reaches the database
     */
    protected ToxiproxyServer(String host, int apiPort, String upstream) {
        this.client = new ToxiproxyClient(host, apiPort);
        this.api = new ToxiproxyApi(host, apiPort);
        this.upstream = upstream;
    }

    /** The client for the server's API. */
    public ToxiproxyClient client() {
        return client;
    }

    /** The address to listen on, inside the server. */
    protected abstract String listenAddress();

    /** The host and port the JVM connects to for a proxy that listens on {@code listen}. */
    protected abstract Endpoint endpointFor(Proxy proxy);

    /** Gives back what {@link #listenAddress()} handed out. */
    protected void released(Proxy proxy) {}

    /** A new proxy to the database, named after {@code owner}: enabled, no toxics; {@link ProxyToxics} puts them on. */
    public ProxyEndpoint createProxy(String owner) {
        String name =
                StaleProxies.PREFIX
                        + RunOwner.current().runId()
                        + "-"
                        + owner.replaceAll("[^A-Za-z0-9_.-]", "_")
                        + "-"
                        + PROXIES.incrementAndGet();
        try {
            Proxy proxy = client.createProxy(name, listenAddress(), upstream);
            ProxyToxics.created(proxy, api);
            return new ProxyEndpoint(this, proxy, endpointFor(proxy));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not create Toxiproxy proxy " + name + " to " + upstream, e);
        }
    }

    void delete(Proxy proxy) {
        try {
            proxy.delete();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not delete Toxiproxy proxy " + proxy.getName(), e);
        } finally {
            ProxyToxics.deleted(proxy);
            released(proxy);
        }
    }

    @Override
    public abstract void close();

    /** A host and port as the JVM sees them. */
    public record Endpoint(String host, int port) {}
}
