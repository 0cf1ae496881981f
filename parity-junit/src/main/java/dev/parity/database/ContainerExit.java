package dev.parity.database;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

/**
 * A database container that is no longer running, as Docker tells it: its id, how it ended and the last
 * lines it wrote. What a user needs to tell a server that refused to start, or died under the tests, from
 * a flaky network.
 *
 * @param containerId the container's id, shortened as {@code docker ps} shows it
 * @param exitCode    its exit code; {@code null} if the container is gone (removed)
 * @param oomKilled   whether the kernel killed it for lack of memory
 * @param lastLines   its last log lines, blank ones left out; empty if it is gone
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ContainerExit(
        String containerId, Integer exitCode, boolean oomKilled, List<String> lastLines) {

    /** Enough to hold the server's own complaint after the entrypoint's closing words. */
    static final int LAST_LINES = 12;

    public ContainerExit {
        lastLines = List.copyOf(lastLines);
    }

    /**
     * How the container {@code containerId} ended, or empty while it runs. One inspection: cheap enough to
     * ask before every class.
     */
    public static Optional<ContainerExit> of(String containerId) {
        if (containerId == null) {
            return Optional.empty(); // never created: nothing ran that could have said anything
        }
        DockerClient client = DockerClientFactory.instance().client();
        String shortId = containerId.substring(0, Math.min(12, containerId.length()));
        InspectContainerResponse.ContainerState state;
        try {
            state = client.inspectContainerCmd(containerId).exec().getState();
        } catch (NotFoundException e) {
            return Optional.of(new ContainerExit(shortId, null, false, List.of()));
        }
        if (Boolean.TRUE.equals(state.getRunning())) {
            return Optional.empty();
        }
        Long code = state.getExitCodeLong();
        return Optional.of(
                new ContainerExit(
                        shortId,
                        code == null ? null : code.intValue(),
                        Boolean.TRUE.equals(state.getOOMKilled()),
                        lastLines(client, containerId)));
    }

    /** Whether the container is still there to be read (not removed). */
    public boolean present() {
        return exitCode != null;
    }

    /** "container 1a2b3c4d5e6f exited with code 137 (killed: docker kill, docker stop's last resort or the OOM killer)" */
    public String describe() {
        if (!present()) {
            return "container " + containerId + " is gone (removed)";
        }
        String how =
                oomKilled
                        ? " (killed for lack of memory: raise Docker's memory limit)"
                        : exitCode == 137
                                ? " (killed: SIGKILL, from docker kill, docker rm -f or the OOM killer)"
                                : exitCode == 143 ? " (stopped: SIGTERM, from docker stop)" : "";
        return "container " + containerId + " exited with code " + exitCode + how;
    }

    /** The last lines, each indented on a line of its own, or a note that there are none. */
    public String indentedLines() {
        if (lastLines.isEmpty()) {
            return "\n    (no log output)";
        }
        StringBuilder text = new StringBuilder();
        lastLines.forEach(line -> text.append("\n    ").append(line));
        return text.toString();
    }

    private static List<String> lastLines(DockerClient client, String containerId) {
        StringBuilder output = new StringBuilder();
        try {
            client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTail(LAST_LINES)
                    .exec(
                            new ResultCallback.Adapter<Frame>() {
                                @Override
                                public void onNext(Frame frame) {
                                    synchronized (output) {
                                        output.append(
                                                new String(
                                                        frame.getPayload(),
                                                        StandardCharsets.UTF_8));
                                    }
                                }
                            })
                    .awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return List.of("(its log could not be read: " + e.getMessage() + ")");
        }
        synchronized (output) {
            return output.toString()
                    .lines()
                    .map(String::stripTrailing)
                    .filter(line -> !line.isBlank())
                    .toList();
        }
    }
}
