package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.parity.database.LeftoverSweep;
import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import dev.parity.testing.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A test JVM killed with {@code kill -9} leaves its containers, its Docker network and its
 * toxiproxy-server running (Ryuk is off); the next run's sweep removes exactly those, and nothing of a
 * live run, another machine or anyone else.
 */
@NeedsDocker
@ResourceLock(KeptDatabaseTest.SWEEPS)
class AbnormalEndTest {

    private static final String PROFILES =
            """
            profiles:
              container:
                database:
                  image: postgres:15
              process:
                database:
                  image: postgres:15
                network:
                  provider: process
            """;
    private static final DockerImageName SMALL_IMAGE =
            DockerImageName.parse("ghcr.io/shopify/toxiproxy:2.12.0");

    @ProdLike("container")
    static class WithAContainer {
        @Test
        void test(ProdEnvironment environment) {
            assertThat(environment.jdbcUrl()).isNotBlank();
        }
    }

    @ProdLike("process")
    static class WithAProcessThenKilled {
        @Test
        void test(ProdEnvironment environment) throws InterruptedException {
            System.out.println(
                    ChildRun.READY); // both environments run: the root store keeps the first one
            // open
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The child JVM: starts both environments and waits to be killed. */
    public static void main(String[] args) {
        Kit.run(
                Map.of("parity.config", args[0]),
                WithAContainer.class,
                WithAProcessThenKilled.class);
    }

    @Test
    void whatAKilledRunLeftIsRemovedByTheNextAndNothingElse(@TempDir Path dir) throws Exception {
        Path profiles = Files.writeString(dir.resolve("parity.yml"), PROFILES);
        DockerClient docker = DockerClientFactory.instance().client();
        try (ChildRun child =
                        ChildRun.startAndAwaitReady(
                                AbnormalEndTest.class, List.of(profiles.toString()), 180);
                GenericContainer<?> live =
                        new GenericContainer<>(SMALL_IMAGE)
                                .withLabels(ParityLabels.forProfile("live"));
                GenericContainer<?> unlabelled = new GenericContainer<>(SMALL_IMAGE);
                GenericContainer<?> foreign =
                        new GenericContainer<>(SMALL_IMAGE)
                                .withLabels(
                                        Map.of(
                                                ParityLabels.PARITY,
                                                "true",
                                                ParityLabels.OWNER,
                                                "elsewhere~0123456789ab:" + child.pid() + ":1"))) {
            live.start();
            unlabelled.start();
            foreign.start();
            List<Long> servers = toxiproxyServersOf(child.pid());
            assertThat(servers).as("the process provider's server").hasSize(1);

            child.kill();

            List<Container> left = ownedBy(docker, child.pid());
            assertThat(left)
                    .as("left running by the killed run: two databases and a Toxiproxy container")
                    .hasSize(3)
                    .allSatisfy(container -> assertThat(container.getState()).isEqualTo("running"));
            assertThat(ProcessHandle.of(servers.get(0)))
                    .as("its toxiproxy-server outlives it")
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            LeftoverSweep.Removed removed = LeftoverSweep.now();
            System.out.println(
                    "Parity: removed "
                            + removed.describe()
                            + " left by a run that ended abnormally (pid "
                            + child.pid()
                            + ")");

            assertThat(removed).isEqualTo(new LeftoverSweep.Removed(3, 1, 1, Set.of(child.pid())));
            assertThat(ownedBy(docker, child.pid()))
                    .as("nothing of the killed run is left")
                    .isEmpty();
            assertThat(
                            docker.listNetworksCmd()
                                    .withFilter("label", List.of(ParityLabels.OWNER))
                                    .exec())
                    .noneMatch(
                            network ->
                                    network.getLabels()
                                            .get(ParityLabels.OWNER)
                                            .contains(":" + child.pid() + ":"));
            assertThat(ProcessHandle.of(servers.get(0)).filter(ProcessHandle::isAlive))
                    .as("its toxiproxy-server is stopped")
                    .isEmpty();
            for (GenericContainer<?> untouched : List.of(live, unlabelled, foreign)) {
                assertThat(
                                docker.inspectContainerCmd(untouched.getContainerId())
                                        .exec()
                                        .getState()
                                        .getRunning())
                        .as("a live run's, an unlabelled and another machine's container stay")
                        .isTrue();
            }
            assertThat(LeftoverSweep.now().isEmpty()).as("a second sweep finds nothing").isTrue();
        }
    }

    private static List<Container> ownedBy(DockerClient docker, long pid) {
        RunOwner me = RunOwner.current();
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(ParityLabels.OWNER))
                .exec()
                .stream()
                .filter(
                        container ->
                                RunOwner.parseLabel(container.getLabels().get(ParityLabels.OWNER))
                                        .filter(
                                                owner ->
                                                        owner.pid() == pid
                                                                && owner.machine()
                                                                        .equals(me.machine()))
                                        .isPresent())
                .toList();
    }

    private static List<Long> toxiproxyServersOf(long pid) {
        return ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().orElse("").endsWith("toxiproxy-server"))
                .map(ProcessHandle::pid)
                .toList();
    }
}
