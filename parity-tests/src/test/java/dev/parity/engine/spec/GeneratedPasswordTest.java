package dev.parity.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password of profiles that set none: random, kept for the user alone, the same in every run. */
class GeneratedPasswordTest {

    @Test
    void isCreatedOnceReadableByTheUserAloneAndKept(@TempDir Path home) throws IOException {
        Path file = home.resolve(".cache/parity/generated-password");
        String first = GeneratedPassword.readOrCreate(file);
        assertThat(first).hasSize(24).matches("[A-Za-z2-9]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(GeneratedPassword.readOrCreate(file)).isEqualTo(first);
        try (var list = Files.list(file.getParent())) {
            assertThat(list).containsExactly(file);
        }
    }

    @Test
    void aDamagedFileGivesAPasswordOfThisRun(@TempDir Path home) throws IOException {
        Path file = home.resolve("generated-password");
        Files.writeString(file, "short");
        String password = GeneratedPassword.readOrCreate(file);
        assertThat(password).hasSize(24).matches("[A-Za-z2-9]+");
        assertThat(Files.readString(file)).isEqualTo("short");
    }
}
