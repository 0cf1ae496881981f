package dev.parity.junit;

import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/** What Docker itself says is there: containers Parity started for a profile, running or not. */
final class DockerContainers {

    private DockerContainers() {
    }

    static List<String> startedForProfile(String profile) {
        return DockerClientFactory.instance().client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.parity.profile", profile))
                .exec().stream()
                .map(container -> container.getId() + " " + container.getState())
                .toList();
    }
}
