package dev.parity.junit;

import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** What Docker itself says is there: containers Parity started for a profile, running or not. */
final class DockerContainers {

    private DockerContainers() {}

    static List<String> startedForProfile(String profile) {
        return DockerClientFactory.instance()
                .client()
                .listContainersCmd()
                .withShowAll(true)
                // this run's only: another run on the same Docker (a second build, a developer's
                // IDE) may use the same profile name
                .withLabelFilter(
                        Map.of(
                                ParityLabels.PROFILE,
                                profile,
                                ParityLabels.OWNER,
                                RunOwner.current().label()))
                .exec()
                .stream()
                .map(container -> container.getId() + " " + container.getState())
                .toList();
    }
}
