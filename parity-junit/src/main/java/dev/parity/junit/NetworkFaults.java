package dev.parity.junit;

import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One test's network faults: toxics on its class's Toxiproxy proxy, added as the test asks and put back by
 * {@link #restore()} to exactly what the test started with ({@code baseline}: the profile's, the class's and the
 * method's toxics). The proxy is the class's: the end of the test leaves it to the next test's reset.
 */
final class NetworkFaults implements FaultBook.Side {

    private final ProxyEndpoint endpoint;
    private final List<ToxicSpec> baseline;
    private final FaultBook book;
    private final NetworkProxy view;

    NetworkFaults(ProxyEndpoint endpoint, List<ToxicSpec> baseline, FaultBook book) {
        this.endpoint = endpoint;
        this.baseline = List.copyOf(baseline);
        this.book = book;
        Proxy proxy = endpoint.proxy();
        this.view =
                new NetworkProxy(
                        proxy.getName(),
                        endpoint.host(),
                        endpoint.port(),
                        proxy.getUpstream(),
                        proxy);
    }

    void latency(Duration latency) {
        add(
                "latency(" + latency.toMillis() + " ms)",
                "latency",
                Map.of("latency", latency.toMillis()));
    }

    void bandwidth(long kilobytesPerSecond) {
        add(
                "bandwidth(" + kilobytesPerSecond + " KB/s)",
                "bandwidth",
                Map.of("rate", kilobytesPerSecond));
    }

    void timeout(Duration timeout) {
        add(
                "timeout(" + timeout.toMillis() + " ms)",
                "timeout",
                Map.of("timeout", timeout.toMillis()));
    }

    void resetPeer(Duration after) {
        add(
                "resetPeer(" + after.toMillis() + " ms)",
                "reset_peer",
                Map.of("timeout", after.toMillis()));
    }

    void limitData(long bytes) {
        add("limitData(" + bytes + " bytes)", "limit_data", Map.of("bytes", bytes));
    }

    void cut() {
        add("cut()", "down", Map.of());
    }

    /** A toxic on the data flowing from the database to the test, as Toxiproxy does by default. */
    private synchronized void add(String call, String type, Map<String, Long> attributes) {
        ProxyToxics.add(endpoint.proxy(), new ToxicSpec(type, "downstream", 1.0, attributes));
        book.applied(call);
    }

    /**
     * Runs {@code outage} with the proxy refusing every connection, as a server that is down refuses; then enabled
     * again, unless the test had cut it. For a fault of the server's that takes the network down with it (a failover).
     */
    synchronized void refusingConnections(Outage outage) throws IOException, InterruptedException {
        Proxy proxy = endpoint.proxy();
        boolean enabled = proxy.isEnabled();
        proxy.disable();
        outage.run();
        if (enabled) {
            proxy.enable();
        }
    }

    /** What runs while the proxy refuses connections. */
    @FunctionalInterface
    interface Outage {
        void run() throws IOException, InterruptedException;
    }

    /** The proxy, as the public API shows it. */
    NetworkProxy proxy() {
        return view;
    }

    @Override
    public synchronized void restore() {
        ProxyToxics.reset(endpoint.proxy(), baseline);
    }

    /** Toxics are not counted: Toxiproxy does not say how often one acted. */
    @Override
    public List<String> fired() {
        return List.of();
    }

    /** Nothing held: the proxy is the class's, and the next test's reset puts it back. */
    @Override
    public void close() {}
}
