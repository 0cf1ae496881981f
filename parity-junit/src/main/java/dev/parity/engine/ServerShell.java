package dev.parity.engine;

import java.io.IOException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A command in the server's container, for what an engine does with the server's files rather than through SQL (a
 * table's tablespace copied to another database). Bounded like every wait of Parity's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@FunctionalInterface
public interface ServerShell {

    /** A server whose container Parity cannot reach: every command fails, and the engine takes its SQL path. */
    ServerShell NONE =
            (bound, what, command) -> {
                throw new IOException(what + ": no container to run it in");
            };

    /**
     * Runs {@code command} in the container as root, within {@code bound}.
     *
     * @param what what it does, for messages
     * @return its exit code, and its standard error where that is not 0
     * @throws IOException if it could not run, or did not end within {@code bound}
     */
    Result run(Duration bound, String what, String... command)
            throws IOException, InterruptedException;

    /** How a command ended. */
    record Result(int exitCode, String stderr) {}
}
