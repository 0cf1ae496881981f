package dev.parity.engine.support;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.testcontainers.containers.Container;

/**
 * A command in a container, waited for within a bound: Testcontainers' {@code execInContainer} waits for the command
 * as long as it runs, and a command that never ends (a script stuck in a loop, a Docker daemon that stopped
 * answering) would hold the test run with it. Past the bound the wait ends with a message naming the command; the
 * command itself may go on in the container, which stops with it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ContainerCommands {

    /** For a short command (df, kill, rm): anything longer means Docker is not answering. */
    public static final Duration SHORT = Duration.ofSeconds(60);

    private static final ExecutorService WAITERS =
            Executors.newCachedThreadPool(
                    runnable -> {
                        Thread thread = new Thread(runnable, "parity-container-command");
                        thread.setDaemon(true);
                        return thread;
                    });

    private ContainerCommands() {}

    /**
     * @param what    what the command does, for the message, e.g. {@code the init script schema.sql in psql}
     * @throws IOException if it could not run, or did not end within {@code bound}
     */
    public static Container.ExecResult run(
            Container<?> container, Duration bound, String what, String... command)
            throws IOException, InterruptedException {
        CompletableFuture<Container.ExecResult> result = new CompletableFuture<>();
        WAITERS.execute(
                () -> {
                    try {
                        result.complete(container.execInContainer(command));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(
                    what
                            + " did not end within "
                            + (bound.toMillis() < 1000
                                    ? bound.toMillis() + " ms"
                                    : bound.toSeconds() + " s")
                            + " (`"
                            + String.join(" ", command)
                            + "` in container "
                            + container.getContainerName()
                            + "); Parity stopped waiting for it. Look at the container's log for what it was doing.",
                    e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(what + " failed: " + cause, cause);
        }
    }
}
