package dev.parity.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it refuses before connecting, each with exit code 2, nothing written. */
class CaptureCommandTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return Capture.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAUrlWithoutAUser() {
        Path file = dir.resolve("p.yml");
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica:5432/shop",
                                "--out",
                                file.toString()))
                .isEqualTo(2);
        assertThat(err())
                .isEqualTo(
                        "Parity capture: the URL names no user, and no --user is given: Parity will not connect as whoever the driver "
                                + "picks. Give --user with a read-only user that may read the catalog, e.g. --user parity_capture"
                                + System.lineSeparator());
        assertThat(file).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesAPasswordOnTheCommandLine() {
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica/shop",
                                "--user",
                                "reader",
                                "--password",
                                "secret"))
                .isEqualTo(2);
        assertThat(err())
                .startsWith(
                        "Parity capture: --password would put the password in the shell's history and the process list. "
                                + "Put it in an environment variable and name it: --password-env PARITY_CAPTURE_PASSWORD");
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica/shop",
                                "--user",
                                "reader",
                                "--scale",
                                "0"))
                .isEqualTo(2);
        assertThat(err())
                .contains("--scale '0' is not a factor above 0. Write it as, e.g., --scale 0.01");
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica/shop",
                                "--user",
                                "reader",
                                "--password-env",
                                "NOT_SET"))
                .isEqualTo(2);
        assertThat(err())
                .contains(
                        "--password-env names NOT_SET, which is not set. Export it first: export NOT_SET=...");
        assertThat(run(Map.of(), "--url", "jdbc:oracle:thin:@db:1521/x", "--user", "reader"))
                .isEqualTo(2);
        assertThat(err()).contains("no engine of Parity speaks 'jdbc:oracle:thin:@db:1521/x'");
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica/shop",
                                "--user",
                                "reader",
                                "--allow-values",
                                "status"))
                .isEqualTo(2);
        assertThat(err()).contains("--allow-values names 'status', not table.column");
        assertThat(
                        run(
                                Map.of(),
                                "--url",
                                "jdbc:postgresql://replica/shop",
                                "--user",
                                "reader",
                                "--sacle",
                                "1"))
                .isEqualTo(2);
        assertThat(err()).contains("unknown argument '--sacle'", "usage: java -cp");
    }

    @Test
    void helpPrintsTheOptions() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith(
                        "usage: java -cp <parity-junit and its dependencies> dev.parity.capture.Capture")
                .contains("--allow-values", "--password-env", "--scale");
        assertThat(err()).isEmpty();
    }

    @Test
    void aUserInTheUrlIsAUser() throws Exception {
        CaptureOptions options =
                CaptureOptions.parse(
                        new String[] {
                            "--url",
                            "jdbc:postgresql://replica/shop?user=reader&password=x&ssl=true",
                            "--scale",
                            "0.5"
                        },
                        Map.of());
        assertThat(options.user()).isNull();
        assertThat(options.scale()).isEqualTo(0.5);
        assertThat(options.out()).isEqualTo(Path.of("parity-prod.yml"));
        // what the profile and the summary show: no parameter, no password
        assertThat(options.shownUrl()).isEqualTo("jdbc:postgresql://replica/shop");
        assertThat(
                        CaptureOptions.parse(
                                        new String[] {
                                            "--url", "jdbc:mariadb://reader:pw@replica/shop"
                                        },
                                        Map.of())
                                .shownUrl())
                .isEqualTo("jdbc:mariadb://replica/shop");
    }

    @Test
    void anUnreachableServerIsExitCodeOneAndNoFile() {
        Path file = dir.resolve("p.yml");
        int exit =
                run(
                        Map.of("PW", "x"),
                        "--url",
                        "jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2",
                        "--user",
                        "reader",
                        "--password-env",
                        "PW",
                        "--out",
                        file.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err())
                .startsWith("Parity capture: reading jdbc:postgresql://127.0.0.1:1/shop failed: ")
                .contains("nothing was written");
        assertThat(Files.exists(file)).isFalse();
    }
}
