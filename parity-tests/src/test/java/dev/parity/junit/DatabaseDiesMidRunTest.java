package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.parity.database.DatabaseDiedException;
import dev.parity.testing.NeedsDocker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;

/** A shared database killed mid-run fails the next class with what happened to it, not with the driver's network error. */
@NeedsDocker
class DatabaseDiesMidRunTest {

    private static final String PROFILE = "dies-mid-run";

    /** Runs first, against the database it then kills, as the OOM killer or a stray docker kill would. */
    @ProdLike
    static class KillsTheDatabase {
        @Test
        void kill(ProdEnvironment env) {
            DockerClient docker = DockerClientFactory.instance().client();
            docker.killContainerCmd(databaseContainer(docker).getId()).exec();
        }
    }

    @ProdLike
    static class ComesAfter {
        @Test
        void test() {}
    }

    private static Container databaseContainer(DockerClient docker) {
        List<Container> databases =
                docker
                        .listContainersCmd()
                        .withLabelFilter(Map.of("dev.parity.profile", PROFILE))
                        .exec()
                        .stream()
                        .filter(container -> container.getImage().startsWith("postgres"))
                        .toList();
        assertThat(databases).hasSize(1);
        return databases.get(0);
    }

    @Test
    void theNextClassFailsSayingTheDatabaseStoppedWithItsContainerExitCodeAndLastLines() {
        EngineExecutionResults results =
                Kit.run(
                        Map.of("parity.config", "profiles/dies.yml", "parity.profile", PROFILE),
                        KillsTheDatabase.class,
                        ComesAfter.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        Throwable failure = Kit.onlyContainerFailure(results);
        assertThat(failure).isInstanceOf(DatabaseDiedException.class);
        assertThat(failure.getMessage())
                .matches(
                        "(?s)the PostgreSQL database \\(postgres:15\\) of profile 'dies-mid-run' stopped during this run: container "
                                + "[0-9a-f]{12} exited with code 137 \\(killed: SIGKILL, from docker kill, docker rm -f or the OOM killer\\)\\. "
                                + "Its last log lines:\n    .*database system is ready to accept connections.*")
                .endsWith(
                        "Every class that uses it fails from here on; Parity does not start another, since earlier classes ran "
                                + "against this one's data and a quiet restart would hide why it stopped. Find out what stopped it (memory, "
                                + "a test that shut the server down, docker kill or docker stop from outside), then run again.");
        assertThat(DockerContainers.startedForProfile(PROFILE)).isEmpty();
    }
}
