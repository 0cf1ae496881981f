package dev.parity.engine.postgres;

import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.DataDirectory;
import dev.parity.engine.support.PublishedPorts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a container: the image the profile pins, its settings as {@code -c name=value}, its encoding and
 * locales as initdb's options.
 */
final class PostgresContainers {

    private PostgresContainers() {}

    static PostgreSQLContainer container(DatabaseSpec spec) {
        // Any image built on the official one (a company's own, a local mirror) is accepted.
        DockerImageName image =
                DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("postgres");
        List<String> command = new ArrayList<>(List.of("postgres", "-c", "fsync=off"));
        String zone = spec.timeZone() == null ? null : posixName(spec.timeZone());
        if (zone != null) {
            // the server's own zone, for clients that send none (psql, other services) and for its
            // logs
            command.addAll(List.of("-c", "timezone=" + zone, "-c", "log_timezone=" + zone));
        }
        spec.settings()
                .forEach(
                        (name, value) -> {
                            command.add("-c");
                            command.add(name + "=" + value);
                        });
        PostgreSQLContainer container =
                new PostgreSQLContainer(image)
                        .withDatabaseName(spec.name())
                        .withUsername(spec.username())
                        .withPassword(spec.password())
                        .withCommand(command.toArray(String[]::new));
        String initdb = PostgresCharacters.initdbArguments(spec.characters());
        if (!initdb.isEmpty()) {
            // the cluster's, and so template1's and the test database's, encoding and locales
            container.withEnv("POSTGRES_INITDB_ARGS", initdb);
        }
        if (zone != null) {
            container.withEnv("TZ", zone); // the container's clock, for anything that runs in it
        }
        // the parent of PGDATA in every official layout: .../data up to 17, .../18/docker from 18
        DataDirectory.place(container, "/var/lib/postgresql", spec.storage());
        return PublishedPorts.onBindAddress(container);
    }

    /**
     * The zone as PostgreSQL and TZ understand it. Region ids pass through; a fixed offset such as the
     * JVM's {@code GMT+05:30} is written POSIX-style, whose sign is inverted ({@code UTC-05:30} is five and
     * a half hours ahead of UTC).
     */
    static String posixName(ZoneId zone) {
        if (zone instanceof ZoneOffset || zone.getId().matches("(GMT|UTC|UT)?[+-].*")) {
            ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            String ahead = offset.getId(); // +05:30
            return "UTC" + (ahead.startsWith("+") ? "-" : "+") + ahead.substring(1);
        }
        return zone.getId();
    }
}
