package dev.parity.junit;

import dev.parity.network.ProxyEndpoint;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One proxy per running environment for the classes whose state outlives them ({@link ProdLikeIntegration#sharesProxy}):
 * a cached Spring context's pool keeps the URL it was created with, so every class that may get that context
 * must reach the database through the same proxy. It lives in the root store, created after its environment, so
 * it is deleted before its Toxiproxy server stops (the store closes in reverse order).
 */
final class SharedProxies {

    private static final Namespace NAMESPACE = Namespace.create(SharedProxies.class);

    private SharedProxies() {}

    static ProxyEndpoint of(
            ExtensionContext context, SharedEnvironment environment, String profile) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new Key(environment),
                        key -> environment.toxiproxy().createProxy(profile + "-shared"),
                        ProxyEndpoint.class);
    }

    /** Per environment: the record's identity is its running database's. */
    private record Key(SharedEnvironment environment) {}
}
