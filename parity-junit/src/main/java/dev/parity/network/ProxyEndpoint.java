package dev.parity.network;

import eu.rekawek.toxiproxy.Proxy;
import org.apiguardian.api.API;

/**
 * One proxy and where the JVM reaches it. Closing it deletes the proxy.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProxyEndpoint implements AutoCloseable {

    private final ToxiproxyServer server;
    private final Proxy proxy;
    private final ToxiproxyServer.Endpoint endpoint;

    ProxyEndpoint(ToxiproxyServer server, Proxy proxy, ToxiproxyServer.Endpoint endpoint) {
        this.server = server;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public Proxy proxy() {
        return proxy;
    }

    public String host() {
        return endpoint.host();
    }

    public int port() {
        return endpoint.port();
    }

    @Override
    public void close() {
        server.delete(proxy);
    }
}
