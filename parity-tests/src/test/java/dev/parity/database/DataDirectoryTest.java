package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engines;
import dev.parity.engine.ServerShell;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code storage: memory} puts the server's data directory in a tmpfs whatever the image's layout: PostgreSQL 18 keeps
 * it under {@code /var/lib/postgresql/18/docker}, earlier majors under {@code /var/lib/postgresql/data} (a tmpfs at the
 * latter left 18's data on disk). {@code storage: disk} leaves it on disk.
 */
@NeedsDocker
class DataDirectoryTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "postgres, postgres:15, memory, tmpfs",
        "postgres, postgres:18, memory, tmpfs",
        "postgres, postgres:18, disk, disk",
        "mariadb, mariadb:11.8, memory, tmpfs",
        "mariadb, mariadb:10.11, disk, disk"
    })
    void theDataDirectoryIsWhereTheStorageSays(
            String engine, String image, String storage, String expected) throws Exception {
        DatabaseSpec spec =
                DatabaseSpec.defaults(Engines.byId(engine).orElseThrow())
                        .withImage(image)
                        .withStorage(
                                storage.equals("memory")
                                        ? DatabaseSpec.Storage.MEMORY
                                        : DatabaseSpec.Storage.DISK);
        try (RunningDatabase database =
                Databases.start(spec, getClass().getClassLoader(), "data-directory-test")) {
            String directory;
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet row =
                            statement.executeQuery(
                                    engine.equals("postgres")
                                            ? "show data_directory"
                                            : "select @@datadir")) {
                row.next();
                directory = row.getString(1);
            }
            ServerShell shell = database.server().shell();
            ServerShell.Result tmpfs =
                    shell.run(
                            Duration.ofSeconds(30),
                            "the data directory's file system",
                            "sh",
                            "-c",
                            "[ \"$(stat -f -c %T \"$0\")\" = tmpfs ]",
                            directory);
            if (expected.equals("tmpfs")) {
                assertThat(tmpfs.exitCode()).as(directory + " on a tmpfs").isZero();
            } else {
                assertThat(tmpfs.exitCode()).as(directory + " not on a tmpfs").isNotZero();
            }
        }
    }
}
