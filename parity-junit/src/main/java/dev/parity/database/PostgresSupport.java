package dev.parity.database;

import dev.parity.profile.DatabaseSpec;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a container: the image the profile pins, its settings as {@code -c name=value}. */
final class PostgresSupport implements EngineSupport {

    @Override
    public JdbcDatabaseContainer<?> container(DatabaseSpec spec) {
        // Any image built on the official one (a company's own, a local mirror) is accepted.
        DockerImageName image = DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("postgres");
        List<String> command = new ArrayList<>(List.of("postgres", "-c", "fsync=off"));
        spec.settings().forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        return new PostgreSQLContainer(image)
                .withDatabaseName(spec.name())
                .withUsername(spec.username())
                .withPassword(spec.password())
                .withCommand(command.toArray(String[]::new));
    }
}
