package dev.parity.junit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.model.Frame;
import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/** What Docker itself says is there: containers Parity started for a profile, running or not. */
final class DockerContainers {

    private DockerContainers() {}

    static List<String> startedForProfile(String profile) {
        return ofThisRun(profile).exec().stream()
                .map(container -> container.getId() + " " + container.getState())
                .toList();
    }

    /**
     * What {@code psql -Atc sql} prints on {@code database} of the profile's PostgreSQL container, as the test user: a
     * client that sends no zone of its own, unlike the JVM's driver.
     */
    static String psql(String profile, String database, String sql) throws InterruptedException {
        var client = DockerClientFactory.instance().client();
        String container =
                ofThisRun(profile).withShowAll(false).exec().stream()
                        .filter(c -> c.getImage().startsWith("postgres"))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no PostgreSQL container of " + profile))
                        .getId();
        String exec =
                client.execCreateCmd(container)
                        .withAttachStdout(true)
                        .withAttachStderr(true)
                        .withCmd("psql", "-U", "test", "-d", database, "-Atc", sql)
                        .exec()
                        .getId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultCallback.Adapter<Frame> callback =
                client.execStartCmd(exec)
                        .exec(
                                new ResultCallback.Adapter<>() {
                                    @Override
                                    public void onNext(Frame frame) {
                                        out.writeBytes(frame.getPayload());
                                    }
                                })) {
            if (!callback.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new AssertionError("psql did not answer in 30 s: " + sql);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    /**
     * The profile's containers of this run only, running or not: another run on the same Docker (a second build, a
     * developer's IDE) may use the same profile name.
     */
    private static ListContainersCmd ofThisRun(String profile) {
        return DockerClientFactory.instance()
                .client()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(
                        Map.of(
                                ParityLabels.PROFILE,
                                profile,
                                ParityLabels.OWNER,
                                RunOwner.current().label()));
    }
}
