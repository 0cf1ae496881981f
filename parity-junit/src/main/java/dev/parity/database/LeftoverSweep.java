package dev.parity.database;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.parity.report.RunLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;

/**
 * Removes what runs that ended abnormally (a {@code kill -9}, a crash) left behind, as Ryuk would, with or
 * without Ryuk: their containers, Docker networks and {@code toxiproxy-server} processes. Only what Parity
 * labelled or marked with its owner ({@link ParityLabels}, {@link ProcessMarker}), and only where that
 * owner is provably over ({@link RunOwner#endedOnThisMachine()}): a live run's and another machine's are
 * never touched. Once per JVM, at the first environment start: one labelled list of containers, one of
 * networks, one directory read.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LeftoverSweep {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private LeftoverSweep() {}

    /** Sweeps, the first time a JVM asks; never fails the run (what cannot be removed stays, as before). */
    public static void onceForThisJvm() {
        if (DONE.compareAndSet(false, true)) {
            try {
                Removed removed = now();
                if (!removed.isEmpty()) {
                    RunLog.leftoversRemoved(
                            removed.describe(), removed.owners(), removed.kept() > 0);
                }
            } catch (RuntimeException e) {
                RunLog.leftoversNotChecked(e.toString());
            }
        }
    }

    /** Sweeps now, whether or not this JVM has. */
    public static Removed now() {
        Set<Long> owners = new TreeSet<>();
        DockerClient docker = DockerClientFactory.instance().client();
        int containers = 0;
        int kept = 0;
        for (var container :
                docker.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(List.of(ParityLabels.OWNER))
                        .exec()) {
            Optional<RunOwner> owner = deadOwner(container.getLabels());
            if (owner.isPresent()
                    && removed(
                            () ->
                                    docker.removeContainerCmd(container.getId())
                                            .withForce(true)
                                            .withRemoveVolumes(true)
                                            .exec())) {
                containers++;
                owners.add(owner.get().pid());
                if (container.getNames() != null
                        && java.util.Arrays.stream(container.getNames())
                                .anyMatch(
                                        name ->
                                                name.startsWith(
                                                        "/" + RunningDatabase.KEPT_PREFIX))) {
                    kept++;
                }
            }
        }
        int networks = 0;
        // after the containers: a network with containers attached cannot be removed
        for (var network :
                docker.listNetworksCmd().withFilter("label", List.of(ParityLabels.OWNER)).exec()) {
            Optional<RunOwner> owner = deadOwner(network.getLabels());
            if (owner.isPresent()
                    && removed(() -> docker.removeNetworkCmd(network.getId()).exec())) {
                networks++;
                owners.add(owner.get().pid());
            }
        }
        List<Long> servers = ProcessMarker.stopLeftovers();
        owners.addAll(servers);
        return new Removed(containers, networks, servers.size(), Set.copyOf(owners), kept);
    }

    private static Optional<RunOwner> deadOwner(Map<String, String> labels) {
        return RunOwner.parseLabel(labels == null ? null : labels.get(ParityLabels.OWNER))
                .filter(RunOwner::endedOnThisMachine);
    }

    /** False if it was gone already (another run swept at the same time) or Docker refused. */
    private static boolean removed(Runnable removal) {
        try {
            removal.run();
            return true;
        } catch (NotFoundException gone) {
            return false;
        } catch (RuntimeException refused) {
            return false; // left as it was; the next run tries again
        }
    }

    /**
     * What one sweep removed, and the pids of the runs it was left by.
     *
     * @param kept how many of the containers were databases kept after a failed test ({@code parity.keep=failed})
     */
    public record Removed(int containers, int networks, int servers, Set<Long> owners, int kept) {

        /** Nothing kept among them. */
        public Removed(int containers, int networks, int servers, Set<Long> owners) {
            this(containers, networks, servers, owners, 0);
        }

        public boolean isEmpty() {
            return containers + networks + servers == 0;
        }

        /** e.g. {@code 2 containers, 1 network and 1 toxiproxy-server}. */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            int others = containers - kept;
            if (kept > 0) {
                parts.add(
                        kept
                                + (kept == 1
                                        ? " container of a failed test's database"
                                        : " containers of failed tests' databases")
                                + " kept by parity.keep=failed");
            }
            if (others > 0) {
                parts.add(others + (others == 1 ? " container" : " containers"));
            }
            if (networks > 0) {
                parts.add(networks + (networks == 1 ? " Docker network" : " Docker networks"));
            }
            if (servers > 0) {
                parts.add(servers + " toxiproxy-server" + (servers == 1 ? "" : "s"));
            }
            if (parts.size() < 2) {
                return String.join("", parts);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1))
                    + " and "
                    + parts.get(parts.size() - 1);
        }
    }
}
