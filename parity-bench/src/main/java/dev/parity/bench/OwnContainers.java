package dev.parity.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * The containers this JVM started, found by the labels Parity puts on each ({@code dev.parity.owner} is this
 * run, {@code dev.parity.profile} the label a start was given): only ever these are removed, never another
 * run's. For an entry cut off by its timeout while Parity still held its container, and for the final check
 * that nothing is left running.
 */
final class OwnContainers {

    private OwnContainers() {}

    /** This run's containers; with {@code profile}, only those started under that label. */
    static List<Container> list(String profile) {
        Map<String, String> labels =
                profile == null
                        ? Map.of(ParityLabels.OWNER, RunOwner.current().label())
                        : Map.of(
                                ParityLabels.OWNER,
                                RunOwner.current().label(),
                                ParityLabels.PROFILE,
                                profile);
        return docker().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    }

    /** Removes (forcibly: a running one is killed) this run's containers started under {@code profile}, or all of this run's; returns how many. */
    static int remove(String profile) {
        int removed = 0;
        for (Container container : list(profile)) {
            try {
                docker().removeContainerCmd(container.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                removed++;
            } catch (RuntimeException gone) {
                // removed meanwhile by Parity itself
            }
        }
        return removed;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
