package dev.parity.engine.mariadb;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The server's own verdict on its arguments: {@code mariadbd <arguments> --verbose --help} in a throwaway
 * container of the same image. The image's entrypoint runs that check before starting, but sends the
 * server's errors to /dev/null and exits with its code, so a misspelt setting leaves only "Entrypoint
 * script ... started" in the log. Costs about a second, and only after a start that died.
 */
final class MariaDbSettingsCheck {

    private static final int MAX_LINES = 5;

    private MariaDbSettingsCheck() {}

    /** The server's [ERROR] lines for {@code command} ({@code mariadbd} and its arguments); empty if it has none or cannot say. */
    static List<String> errors(String image, List<String> command) {
        if (command.isEmpty()
                || !command.get(0).startsWith("mariadbd") && !command.get(0).startsWith("mysqld")) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>(command.subList(1, command.size()));
        arguments.addAll(List.of("--verbose", "--help"));
        DockerClient client = DockerClientFactory.instance().client();
        String id = null;
        try {
            id =
                    client.createContainerCmd(image)
                            .withEntrypoint(command.get(0))
                            .withCmd(arguments)
                            .withLabels(
                                    Map.of(
                                            "dev.parity",
                                            "true",
                                            "dev.parity.purpose",
                                            "settings-check"))
                            .exec()
                            .getId();
            client.startContainerCmd(id).exec();
            client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
            return errorLines(client, id);
        } catch (RuntimeException e) {
            return List.of(); // the check is a courtesy: the exit itself is already reported
        } finally {
            if (id != null) {
                try {
                    client.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException ignored) {
                    // gone already
                }
            }
        }
    }

    private static List<String> errorLines(DockerClient client, String id) {
        StringBuilder errors = new StringBuilder();
        try {
            client.logContainerCmd(id)
                    .withStdErr(true)
                    .withStdOut(false)
                    .exec(
                            new ResultCallback.Adapter<Frame>() {
                                @Override
                                public void onNext(Frame frame) {
                                    if (frame.getStreamType() == StreamType.STDERR) {
                                        synchronized (errors) {
                                            errors.append(
                                                    new String(
                                                            frame.getPayload(),
                                                            StandardCharsets.UTF_8));
                                        }
                                    }
                                }
                            })
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (errors) {
            return errors.toString()
                    .lines()
                    .filter(line -> line.contains("[ERROR]"))
                    .map(String::strip)
                    .limit(MAX_LINES)
                    .toList();
        }
    }
}
