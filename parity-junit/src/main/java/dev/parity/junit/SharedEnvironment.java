package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ToxiproxyServer;
import dev.parity.report.RunReport;
import java.util.Optional;
import org.testcontainers.containers.Network;

/**
 * A database and the Toxiproxy server in front of it, shared by the classes that ask for them; with
 * {@code snapshot}, the name of an untouched copy of its state after migrations, init scripts and
 * datasets, for fresh databases; {@code loadedData} whether datasets were loaded; {@code described} how the run report tells it.
 */
record SharedEnvironment(RunningDatabase database, ToxiproxyServer toxiproxy, Optional<Network> network,
                         Optional<String> snapshot, boolean loadedData, RunReport.Environment described) implements AutoCloseable {

    /**
     * Stops all of it, the proxy server first; a failure to stop one does not keep the others running. A
     * database kept after a failed test stays, and so does its Docker network (which cannot be removed
     * while it is attached): the next run removes both.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        boolean kept = database.kept();
        for (AutoCloseable part : new AutoCloseable[] {toxiproxy, database, kept ? null : network.orElse(null)}) {
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
