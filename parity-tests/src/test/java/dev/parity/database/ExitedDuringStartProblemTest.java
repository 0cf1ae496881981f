package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseOrigin;
import dev.parity.engine.spec.DatabaseSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a start that died is blamed, without Docker: the setting the server names, else the settings, else the image. */
class ExitedDuringStartProblemTest {

    private static final DatabaseOrigin ORIGIN =
            new DatabaseOrigin(
                    new Location("parity.yml", 4),
                    new Location("parity.yml", 6),
                    Map.of(
                            "work_mem",
                            new Location("parity.yml", 6),
                            "max_conections",
                            new Location("parity.yml", 7)));

    private static DatabaseSpec spec(Map<String, String> settings) {
        DatabaseSpec defaults = DatabaseSpec.defaults(Engines.byId("mariadb").orElseThrow());
        return new DatabaseSpec(
                defaults.engine(),
                "mariadb:10.11",
                "test",
                "test",
                "test",
                List.of(),
                settings,
                null);
    }

    @Test
    void blamesTheSettingTheServerNamesWithDashesOrUnderscores() {
        ContainerExit exit =
                new ContainerExit(
                        "205b5a65d6e1", 7, false, List.of("[Note] Entrypoint script started."));
        Problem problem =
                ExitedDuringStartProblem.of(
                        spec(Map.of("work_mem", "4MB", "max_conections", "200")),
                        ORIGIN,
                        exit,
                        List.of("[ERROR] mariadbd: unknown variable 'max-conections=200'"),
                        Duration.ofSeconds(3));

        assertThat(problem.where()).isEqualTo(new Location("parity.yml", 7));
        assertThat(problem.where() + ": " + problem.describe())
                .isEqualTo(
                        "parity.yml, line 7: the MariaDB server (mariadb:10.11) exited 3 s "
                                + "into its start: container 205b5a65d6e1 exited with code 7. Its last log lines:\n"
                                + "    [Note] Entrypoint script started.\n"
                                + "The server, asked to check its settings (its image's entrypoint hides what it says):\n"
                                + "    [ERROR] mariadbd: unknown variable 'max-conections=200'\n"
                                + "The server rejects the setting 'max_conections' written here: correct or remove it, then run again. "
                                + "The container has been removed.");
    }

    @Test
    void blamesTheSettingsWhenTheServerNamesNoneAndTheImageWithoutSettings() {
        ContainerExit exit = new ContainerExit("205b5a65d6e1", 1, false, List.of());

        assertThat(
                        ExitedDuringStartProblem.of(
                                        spec(Map.of("work_mem", "4MB")),
                                        ORIGIN,
                                        exit,
                                        List.of(),
                                        Duration.ZERO)
                                .where())
                .isEqualTo(new Location("parity.yml", 6));
        assertThat(
                        ExitedDuringStartProblem.of(
                                        spec(Map.of()), ORIGIN, exit, List.of(), Duration.ZERO)
                                .where())
                .isEqualTo(new Location("parity.yml", 4));
    }

    @Test
    void blamesTheEncodingCollationOrCtypeTheServerQuotesAtItsLine() {
        DatabaseOrigin origin =
                new DatabaseOrigin(
                        new Location("parity.yml", 4),
                        new Location("parity.yml", 4),
                        Map.of(),
                        Map.of(
                                "encoding",
                                new Location("parity.yml", 5),
                                "collation",
                                new Location("parity.yml", 6),
                                "ctype",
                                new Location("parity.yml", 7)));
        DatabaseSpec postgres =
                DatabaseSpec.defaults(Engines.byId("postgres").orElseThrow())
                        .withCharacters(new DatabaseSpec.Characters("LATIN1", "C", "de_DE.UTF-8"));
        ContainerExit exit =
                new ContainerExit(
                        "205b5a65d6e1",
                        1,
                        false,
                        List.of("initdb: error: invalid locale name \"de_DE.UTF-8\""));
        Problem problem =
                ExitedDuringStartProblem.of(
                        postgres, origin, exit, List.of(), Duration.ofSeconds(2));
        assertThat(problem.where()).isEqualTo(new Location("parity.yml", 7));
        assertThat(problem.describe())
                .endsWith(
                        "The server rejects the ctype 'de_DE.UTF-8' written here (with this image): correct it, "
                                + "or use an image that has it, then run again. The container has been removed.");

        ContainerExit mismatch =
                new ContainerExit(
                        "205b5a65d6e1",
                        1,
                        false,
                        List.of(
                                "initdb: error: encoding mismatch",
                                "initdb: detail: The encoding you selected (LATIN1) and the encoding that the selected locale uses (UTF8) do not match."));
        assertThat(
                        ExitedDuringStartProblem.of(
                                        postgres.withCharacters(
                                                new DatabaseSpec.Characters("LATIN1", null, null)),
                                        origin,
                                        mismatch,
                                        List.of(),
                                        Duration.ZERO)
                                .where())
                .isEqualTo(new Location("parity.yml", 5));
        // "C" alone in a line is no quote of it
        assertThat(
                        ExitedDuringStartProblem.of(
                                        postgres.withCharacters(
                                                new DatabaseSpec.Characters(null, "C", null)),
                                        origin,
                                        new ContainerExit(
                                                "205b5a65d6e1",
                                                1,
                                                false,
                                                List.of(
                                                        "FATAL: could not open file: C library says no")),
                                        List.of(),
                                        Duration.ZERO)
                                .where())
                .isEqualTo(new Location("parity.yml", 4));
    }

    @Test
    void quotesForTheShellOnlyWhatDockerReferencesNeverContain() {
        assertThat(LocalImages.shellQuoted("ghcr.io/acme/postgres:15@sha256:abc"))
                .isEqualTo("ghcr.io/acme/postgres:15@sha256:abc");
        assertThat(LocalImages.shellQuoted("it's")).isEqualTo("'it'\\''s'");
    }
}
