package dev.parity.bench;

import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * What Parity's start is compared with: Testcontainers alone starting the database container, with its
 * own defaults, until its wait strategy says it is ready; then stopping it. Labelled
 * {@value #LABEL}{@code =start-cost}, so leftovers can be found.
 */
final class RawContainerStart {

    static final String LABEL = "dev.parity.bench";

    private RawContainerStart() {}

    /** Nanoseconds from {@code start()} to ready, for {@code engine} ({@code postgres} or {@code mariadb}) on {@code image}. */
    static long nanos(String engine, String image) {
        try (JdbcDatabaseContainer<?> container = container(engine, DockerImageName.parse(image))) {
            container.withLabel(LABEL, "start-cost");
            long started = System.nanoTime();
            container.start();
            return System.nanoTime() - started;
        }
    }

    private static JdbcDatabaseContainer<?> container(String engine, DockerImageName image) {
        return switch (engine) {
            case "postgres" -> new PostgreSQLContainer(image);
            case "mariadb" -> new MariaDBContainer(image);
            default ->
                    throw new IllegalArgumentException(
                            "no engine " + engine + "; use postgres or mariadb");
        };
    }
}
