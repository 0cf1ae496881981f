package dev.parity.network;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/** Puts toxics on a proxy: exactly a given list, or one more. */
@API(status = API.Status.INTERNAL)
public final class ProxyToxics {

    private static final AtomicLong NAMES = new AtomicLong();

    private ProxyToxics() {
    }

    /** The proxy enabled, with exactly {@code toxics} on it and nothing else. */
    public static void reset(Proxy proxy, List<ToxicSpec> toxics) {
        try {
            proxy.enable();
            for (Toxic toxic : proxy.toxics().getAll()) {
                toxic.remove();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset Toxiproxy proxy " + proxy.getName(), e);
        }
        toxics.forEach(toxic -> add(proxy, toxic));
    }

    /** Adds {@code spec} (two toxics for stream both; {@code down} disables the proxy). */
    public static void add(Proxy proxy, ToxicSpec spec) {
        try {
            if (spec.type().equals("down")) {
                proxy.disable();
                return;
            }
            for (ToxicDirection direction : directions(spec.stream())) {
                Toxic toxic = create(proxy.toxics(), spec, spec.type() + "-" + direction.name().toLowerCase() + "-" + NAMES.incrementAndGet(), direction);
                if (spec.toxicity() < 1) {
                    toxic.setToxicity((float) spec.toxicity());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add a " + spec.type() + " toxic to Toxiproxy proxy " + proxy.getName(), e);
        }
    }

    private static List<ToxicDirection> directions(String stream) {
        switch (stream) {
            case "upstream":
                return List.of(ToxicDirection.UPSTREAM);
            case "both":
                return List.of(ToxicDirection.UPSTREAM, ToxicDirection.DOWNSTREAM);
            default:
                return List.of(ToxicDirection.DOWNSTREAM);
        }
    }

    private static Toxic create(ToxicList toxics, ToxicSpec spec, String name, ToxicDirection direction) throws IOException {
        switch (spec.type()) {
            case "latency":
                return toxics.latency(name, direction, attribute(spec, "latency")).setJitter(attribute(spec, "jitter"));
            case "bandwidth":
                return toxics.bandwidth(name, direction, attribute(spec, "rate"));
            case "slow_close":
                return toxics.slowClose(name, direction, attribute(spec, "delay"));
            case "timeout":
                return toxics.timeout(name, direction, attribute(spec, "timeout"));
            case "reset_peer":
                return toxics.resetPeer(name, direction, attribute(spec, "timeout"));
            case "slicer":
                return toxics.slicer(name, direction, attribute(spec, "average_size"), attribute(spec, "delay"))
                        .setSizeVariation(attribute(spec, "size_variation"));
            case "limit_data":
                return toxics.limitData(name, direction, attribute(spec, "bytes"));
            default:
                throw new IllegalArgumentException("unknown toxic type " + spec.type());
        }
    }

    private static long attribute(ToxicSpec spec, String name) {
        return spec.attributes().getOrDefault(name, 0L);
    }
}
