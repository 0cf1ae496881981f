package dev.parity.junit;

import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Before every test, the class's proxy back to exactly the profile's, the class's and the method's toxics
 * ({@link Latency}, {@link Toxic}), whatever the test before it left there through {@link Faults}.
 */
final class NetworkFaultsExtension implements BeforeEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(NetworkFaultsExtension.class);
    private static final String TEST_TOXICS = "test-toxics";

    @Override
    public void beforeEach(ExtensionContext context) {
        EnvironmentExtension.requireOnClass(context);
        DefaultProdEnvironment environment = EnvironmentExtension.environment(context);
        List<ToxicSpec> toxics = new ArrayList<>(environment.classToxics());
        toxics.addAll(DeclaredToxics.on(context.getRequiredTestMethod()));
        context.getStore(NAMESPACE).put(TEST_TOXICS, toxics);
        ProxyToxics.reset(environment.proxy().proxy(), toxics);
    }

    /** The toxics {@code context}'s test started with; for a class (or before its tests), the class's. */
    @SuppressWarnings("unchecked")
    static List<ToxicSpec> toxicsOf(ExtensionContext context, DefaultProdEnvironment environment) {
        List<ToxicSpec> toxics = context.getStore(NAMESPACE).get(TEST_TOXICS, List.class);
        return toxics != null ? toxics : environment.classToxics();
    }
}
