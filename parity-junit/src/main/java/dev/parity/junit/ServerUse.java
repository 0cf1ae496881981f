package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * One class's use of a database server, counted in the root store while the class runs: a fault that
 * restarts the server may only do so when no other class would lose its connections.
 */
final class ServerUse implements AutoCloseable {

    private static final Namespace NAMESPACE = Namespace.create(ServerUse.class);

    private final AtomicInteger classes;

    private ServerUse(AtomicInteger classes) {
        this.classes = classes;
        classes.incrementAndGet();
    }

    /** The class's use of {@code database}'s server, until it is closed. */
    static ServerUse begin(ExtensionContext classContext, RunningDatabase database) {
        return new ServerUse(of(classContext, database));
    }

    /** How many classes use {@code database}'s server now. */
    static AtomicInteger of(ExtensionContext context, RunningDatabase database) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new Key(database.owner()), key -> new AtomicInteger(), AtomicInteger.class);
    }

    @Override
    public void close() {
        classes.decrementAndGet();
    }

    private record Key(RunningDatabase database) {}
}
