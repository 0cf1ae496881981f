package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Without Docker, a @ProdLike class fails at once with a message that says so and how to fix it.
 *
 * <p>Docker is hidden from a child JVM only: it runs in a private mount namespace where the Docker
 * socket is replaced by /dev/null (Testcontainers would otherwise fall back to that socket whatever
 * DOCKER_HOST says). That needs root and unshare on Linux, which CI has; elsewhere this test does not
 * run, and the rest of the suite still needs a real Docker.
 */
@EnabledOnOs(OS.LINUX)
@EnabledIf("dockerCanBeHidden")
@NeedsDocker
class DockerUnreachableTest {

    static boolean dockerCanBeHidden() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && Files.exists(Path.of("/var/run/docker.sock"));
    }

    /** Runs in the child JVM: one @ProdLike class, and what it failed with, on standard output. */
    static final class Child {
        public static void main(String[] args) {
            Throwable failure =
                    Kit.onlyContainerFailure(
                            Kit.run(ProdLikeConfigurationErrorsTest.UsesActiveProfile.class));
            System.out.println("FAILURE " + failure.getClass().getName());
            System.out.println("MESSAGE " + failure.getMessage());
        }
    }

    @Test
    void aClassFailsAtOnceSayingDockerIsNotReachableAndHowToFixIt()
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child =
                new ProcessBuilder(
                        "unshare",
                        "--mount",
                        "--propagation",
                        "private",
                        "sh",
                        "-c",
                        "mount --bind /dev/null /var/run/docker.sock && exec \"$0\" -cp \"$1\" \"$2\"",
                        java,
                        System.getProperty("java.class.path"),
                        Child.class.getName());
        child.environment().remove("DOCKER_HOST");
        Path errors = Files.createTempFile("docker-unreachable", ".log");
        child.redirectError(errors.toFile());
        Process process = child.start();
        List<String> output =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output)
                .as("the child's output (its errors: %s)", Files.readString(errors))
                .contains(
                        "FAILURE org.junit.jupiter.api.extension.ExtensionConfigurationException",
                        "MESSAGE Docker is not reachable, and Parity runs the PostgreSQL database (postgres:15) in a container. "
                                + "Start Docker (Docker Desktop, or 'sudo systemctl start docker' on Linux), or point DOCKER_HOST at a "
                                + "running engine, then run the tests again. Testcontainers said: Could not find a valid Docker environment. "
                                + "Please see logs and check configuration");
        assertThat(process.exitValue()).isZero();
        Files.delete(errors);
    }
}
