package dev.parity.junit;

import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import eu.rekawek.toxiproxy.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/** {@link Faults} on one class's proxy; {@code baseline} is what the current test started with. */
final class ProxyFaults implements Faults {

    private final Proxy proxy;
    private final List<ToxicSpec> baseline;

    ProxyFaults(Proxy proxy, List<ToxicSpec> baseline) {
        this.proxy = proxy;
        this.baseline = List.copyOf(baseline);
    }

    private Faults add(String type, Map<String, Long> attributes) {
        ProxyToxics.add(proxy, new ToxicSpec(type, "downstream", 1.0, attributes));
        return this;
    }

    @Override
    public Faults latency(Duration latency) {
        return add("latency", Map.of("latency", latency.toMillis()));
    }

    @Override
    public Faults bandwidth(long kilobytesPerSecond) {
        return add("bandwidth", Map.of("rate", kilobytesPerSecond));
    }

    @Override
    public Faults timeout(Duration timeout) {
        return add("timeout", Map.of("timeout", timeout.toMillis()));
    }

    @Override
    public Faults resetPeer(Duration after) {
        return add("reset_peer", Map.of("timeout", after.toMillis()));
    }

    @Override
    public Faults limitData(long bytes) {
        return add("limit_data", Map.of("bytes", bytes));
    }

    @Override
    public Faults cut() {
        return add("down", Map.of());
    }

    @Override
    public Faults restore() {
        ProxyToxics.reset(proxy, baseline);
        return this;
    }

    @Override
    public void during(Consumer<Faults> faults, Executable action) throws Throwable {
        try {
            faults.accept(this);
            action.execute();
        } finally {
            restore();
        }
    }

    @Override
    public Proxy proxy() {
        return proxy;
    }
}
