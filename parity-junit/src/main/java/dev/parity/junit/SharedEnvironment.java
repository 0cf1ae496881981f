package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ToxiproxyServer;
import java.util.Optional;
import org.testcontainers.containers.Network;

/**
 * A database and the Toxiproxy server in front of it, shared by the classes that ask for them; with
 * {@code dataSnapshot}, the name of an untouched copy of its loaded data, for fresh copies.
 */
record SharedEnvironment(RunningDatabase database, ToxiproxyServer toxiproxy, Optional<Network> network,
                         Optional<String> dataSnapshot) implements AutoCloseable {

    /** Stops all of it, the proxy server first; a failure to stop one does not keep the others running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : new AutoCloseable[] {toxiproxy, database, network.orElse(null)}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop all of " + database, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
