package dev.parity.engine.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
        return bounded(
                container,
                bound,
                what,
                "`" + String.join(" ", command) + "`",
                () -> container.execInContainer(command));
    }

    /**
     * Runs {@code command} in {@code container} with its standard output written to {@code out} as it comes (bytes,
     * never held whole), within {@code bound}.
     *
     * @return the exit code and the standard error; standard output is {@code out}'s
     * @throws IOException if it could not run, writing failed, or it did not end within {@code bound}
     */
    public static Streamed streamOut(
            Container<?> container,
            Duration bound,
            String what,
            OutputStream out,
            String... command)
            throws IOException, InterruptedException {
        DockerClient docker = container.getDockerClient();
        String exec =
                docker.execCreateCmd(container.getContainerId())
                        .withAttachStdout(true)
                        .withAttachStderr(true)
                        .withCmd(command)
                        .exec()
                        .getId();
        StringBuilder stderr = new StringBuilder();
        IOException[] failed = new IOException[1];
        try (ResultCallback.Adapter<Frame> callback =
                new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        switch (frame.getStreamType()) {
                            case STDOUT, RAW -> {
                                try {
                                    if (failed[0] == null) {
                                        out.write(frame.getPayload());
                                    }
                                } catch (IOException e) {
                                    failed[0] = e;
                                }
                            }
                            case STDERR ->
                                    stderr.append(
                                            new String(frame.getPayload(), StandardCharsets.UTF_8));
                            default -> {}
                        }
                    }
                }) {
            docker.execStartCmd(exec).exec(callback);
            if (!callback.awaitCompletion(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw notEnded(container, bound, what, "`" + String.join(" ", command) + "`", null);
            }
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        Long exit = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Streamed(exit == null ? -1 : exit.intValue(), stderr.toString());
    }

    /** How a command whose output was streamed ended: its exit code and standard error. */
    public record Streamed(int exitCode, String stderr) {}

    /**
     * Uploads {@code tar} (a tar stream, read to its end, never held whole) into {@code container}, unpacked by
     * Docker under {@code folder}, within {@code bound}.
     *
     * @throws IOException if Docker refused it, or it did not end within {@code bound}
     */
    public static void upload(
            Container<?> container, Duration bound, String what, InputStream tar, String folder)
            throws IOException, InterruptedException {
        bounded(
                container,
                bound,
                what,
                "the upload to " + folder,
                () -> {
                    container
                            .getDockerClient()
                            .copyArchiveToContainerCmd(container.getContainerId())
                            .withRemotePath(folder)
                            .withTarInputStream(tar)
                            .exec();
                    return null;
                });
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T bounded(
            Container<?> container, Duration bound, String what, String shown, Work<T> work)
            throws IOException, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        WAITERS.execute(
                () -> {
                    try {
                        result.complete(work.run());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw notEnded(container, bound, what, shown, e);
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

    private static IOException notEnded(
            Container<?> container, Duration bound, String what, String shown, Throwable cause) {
        return new IOException(
                what
                        + " did not end within "
                        + (bound.toMillis() < 1000
                                ? bound.toMillis() + " ms"
                                : bound.toSeconds() + " s")
                        + " ("
                        + shown
                        + " in container "
                        + container.getContainerName()
                        + "); Parity stopped waiting for it. Look at the container's log for what it was doing.",
                cause);
    }
}
