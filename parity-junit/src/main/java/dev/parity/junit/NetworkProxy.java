package dev.parity.junit;

import org.apiguardian.api.API;

/**
 * The proxy between a test class and its database, as {@link Faults#proxy()} hands it out: its name, where this
 * JVM reaches it and where it forwards to. Parity's own type, so that a test does not depend on the proxy's
 * client library; the network faults themselves are {@link Faults}' methods and annotations.
 *
 * <p>For anything those do not cover, {@link #unwrap(Class)} hands out the underlying client object.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NetworkProxy {

    private final String name;
    private final String host;
    private final int port;
    private final String upstream;
    private final Object client;

    NetworkProxy(String name, String host, int port, String upstream, Object client) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.upstream = upstream;
        this.client = client;
    }

    /** The proxy's name on its Toxiproxy server: unique to the run and the class, e.g. {@code parity-<run>-payments-OrderTest-3}. */
    public String name() {
        return name;
    }

    /** The host this JVM connects to, to go through the proxy (what {@link ProdEnvironment#jdbcUrl()} names). */
    public String host() {
        return host;
    }

    /** The port this JVM connects to, to go through the proxy. */
    public int port() {
        return port;
    }

    /** Where the proxy forwards to, as its server reaches the database: e.g. {@code db:5432}. */
    public String upstream() {
        return upstream;
    }

    /**
     * An escape hatch: the client library's own object for this proxy, for what {@link Faults} does not cover.
     * Today that is toxiproxy-java's {@code eu.rekawek.toxiproxy.Proxy}:
     * {@code faults.proxy().unwrap(eu.rekawek.toxiproxy.Proxy.class).toxics().slowClose("slow", ToxicDirection.DOWNSTREAM, 500)}.
     * A test that uses it depends on toxiproxy-java and on Parity's choice of client, which is not part of
     * Parity's API and may change in any release. Toxics added through it are removed like Parity's own, by
     * {@link Faults#restore()} and before the next test.
     *
     * <p>Mind the locale: toxiproxy-java reads a toxic's type with the default locale's {@code toUpperCase()}, so
     * under a Turkish pin ({@code tr-TR}, {@code az}) {@code toxics().getAll()} fails with
     * {@code No enum constant ...ToxicType.BANDWİDTH}. {@link Faults}' methods do not use it and work under any locale.
     *
     * @param type the client's type, {@code eu.rekawek.toxiproxy.Proxy.class}
     * @throws IllegalArgumentException if the proxy is not a {@code type}, naming the type it is
     */
    public <T> T unwrap(Class<T> type) {
        if (!type.isInstance(client)) {
            throw new IllegalArgumentException(
                    "the proxy "
                            + name
                            + " unwraps to a "
                            + client.getClass().getName()
                            + ", not a "
                            + type.getName()
                            + ": call unwrap("
                            + client.getClass().getName()
                            + ".class)");
        }
        return type.cast(client);
    }

    @Override
    public String toString() {
        return "NetworkProxy[" + name + " at " + host + ":" + port + " to " + upstream + "]";
    }
}
