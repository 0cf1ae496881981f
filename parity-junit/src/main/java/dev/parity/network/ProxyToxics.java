package dev.parity.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.apiguardian.api.API;

/**
 * Puts toxics on a proxy Parity created ({@link ToxiproxyServer#createProxy}): exactly a given list, or
 * one more. Every test starts with a reset, and between tests the toxics are usually what they were, so
 * a reset first reads the proxy's state in one call (none for a proxy just created: enabled, no toxics)
 * and changes only what differs: the toxics (all removed, then each asked for created with all its
 * attributes in one call) and whether the proxy is enabled.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProxyToxics {

    private static final AtomicLong NAMES = new AtomicLong();

    /** The proxies Parity created, each with its server's API and whether it is still as created. */
    private static final Map<Proxy, Known> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    private ProxyToxics() {}

    /** A proxy's server, and whether nothing has changed the proxy since it was created. */
    private static final class Known {
        final ToxiproxyApi api;
        volatile boolean asCreated = true;

        Known(ToxiproxyApi api) {
            this.api = api;
        }
    }

    /** A new proxy on the server behind {@code api}: enabled, with no toxics. */
    static void created(Proxy proxy, ToxiproxyApi api) {
        KNOWN.put(proxy, new Known(api));
    }

    static void deleted(Proxy proxy) {
        KNOWN.remove(proxy);
    }

    /** The proxy enabled (unless one of {@code toxics} is {@code down}), with exactly {@code toxics} on it and nothing else. */
    public static void reset(Proxy proxy, List<ToxicSpec> toxics) {
        Known known = known(proxy);
        State wanted = State.of(toxics);
        try {
            State current =
                    known.asCreated ? State.CREATED : State.read(known.api, proxy.getName());
            known.asCreated = false;
            if (!current.toxics().equals(wanted.toxics())) {
                for (String name : current.names()) {
                    known.api.deleteToxic(proxy.getName(), name);
                }
                for (ToxicSpec toxic : toxics) {
                    create(known.api, proxy, toxic);
                }
            }
            if (current.enabled() != wanted.enabled()) {
                if (wanted.enabled()) {
                    proxy.enable();
                } else {
                    proxy.disable();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reset Toxiproxy proxy " + proxy.getName(), e);
        }
    }

    /** Adds {@code spec} (two toxics for stream both; {@code down} disables the proxy). */
    public static void add(Proxy proxy, ToxicSpec spec) {
        Known known = known(proxy);
        known.asCreated = false;
        try {
            if (spec.type().equals("down")) {
                proxy.disable();
            } else {
                create(known.api, proxy, spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not add a "
                            + spec.type()
                            + " toxic to Toxiproxy proxy "
                            + proxy.getName(),
                    e);
        }
    }

    private static Known known(Proxy proxy) {
        Known known = KNOWN.get(proxy);
        if (known == null) {
            throw new IllegalArgumentException(
                    "Toxiproxy proxy "
                            + proxy.getName()
                            + " was not created by Parity (ToxiproxyServer.createProxy)");
        }
        return known;
    }

    /** One toxic per direction of {@code spec}, each with its toxicity and all its type's attributes (0 where not given). */
    private static void create(ToxiproxyApi api, Proxy proxy, ToxicSpec spec) throws IOException {
        if (spec.type().equals("down")) {
            return; // the proxy's enabled flag, not a toxic
        }
        List<String> attributeNames = ToxicSpec.TYPES.get(spec.type());
        if (attributeNames == null) {
            throw new IllegalArgumentException("unknown toxic type " + spec.type());
        }
        for (String stream : streams(spec.stream())) {
            JsonObject attributes = new JsonObject();
            attributeNames.forEach(
                    name -> attributes.addProperty(name, spec.attributes().getOrDefault(name, 0L)));
            JsonObject toxic = new JsonObject();
            toxic.addProperty("name", spec.type() + "-" + stream + "-" + NAMES.incrementAndGet());
            toxic.addProperty("type", spec.type());
            toxic.addProperty("stream", stream);
            toxic.addProperty("toxicity", (float) spec.toxicity());
            toxic.add("attributes", attributes);
            api.createToxic(proxy.getName(), toxic);
        }
    }

    private static List<String> streams(String stream) {
        return stream.equals("both")
                ? List.of("upstream", "downstream")
                : List.of(stream.equals("upstream") ? "upstream" : "downstream");
    }

    /**
     * What a proxy is, as far as tests can tell: enabled or not, and its toxics, each described by type,
     * stream, toxicity and attributes (not by name, which differs on every creation).
     *
     * @param toxics the descriptions, sorted
     * @param names  the toxics' names on the server, to remove them
     */
    private record State(boolean enabled, List<String> toxics, List<String> names) {

        static final State CREATED = new State(true, List.of(), List.of());

        static State of(List<ToxicSpec> specs) {
            List<String> toxics = new ArrayList<>();
            for (ToxicSpec spec : specs) {
                if (!spec.type().equals("down")) {
                    for (String stream : streams(spec.stream())) {
                        toxics.add(
                                describe(
                                        spec.type(),
                                        stream,
                                        (float) spec.toxicity(),
                                        name -> spec.attributes().getOrDefault(name, 0L)));
                    }
                }
            }
            Collections.sort(toxics);
            return new State(
                    specs.stream().noneMatch(s -> s.type().equals("down")), toxics, List.of());
        }

        static State read(ToxiproxyApi api, String proxy) throws IOException {
            JsonObject json = api.proxy(proxy);
            JsonArray array =
                    json.has("toxics") ? json.getAsJsonArray("toxics") : api.toxics(proxy);
            List<String> toxics = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonElement element : array) {
                JsonObject toxic = element.getAsJsonObject();
                JsonObject attributes = toxic.getAsJsonObject("attributes");
                toxics.add(
                        describe(
                                toxic.get("type").getAsString(),
                                toxic.get("stream").getAsString(),
                                toxic.get("toxicity").getAsFloat(),
                                name ->
                                        attributes != null && attributes.has(name)
                                                ? attributes.get(name).getAsLong()
                                                : 0L));
                names.add(toxic.get("name").getAsString());
            }
            Collections.sort(toxics);
            return new State(json.get("enabled").getAsBoolean(), toxics, names);
        }

        /** e.g. {@code latency downstream 1.0 latency=40 jitter=10}; an unknown type matches no spec. */
        private static String describe(
                String type, String stream, float toxicity, ToLongFunction<String> attribute) {
            StringBuilder description =
                    new StringBuilder(type).append(' ').append(stream).append(' ').append(toxicity);
            ToxicSpec.TYPES
                    .getOrDefault(type, List.of("?"))
                    .forEach(
                            name ->
                                    description
                                            .append(' ')
                                            .append(name)
                                            .append('=')
                                            .append(attribute.applyAsLong(name)));
            return description.toString();
        }
    }
}
