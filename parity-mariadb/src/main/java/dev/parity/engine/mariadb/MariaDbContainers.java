package dev.parity.engine.mariadb;

import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.DataDirectory;
import dev.parity.engine.support.PublishedPorts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * MariaDB in a container: the image the profile pins, its settings as {@code mariadbd --name=value}, the
 * server's zone as {@code --default-time-zone} (the image loads the zone tables), and sessions that take
 * the JVM's zone when they connect, as pgjdbc's do.
 */
final class MariaDbContainers {

    /** Durability traded for speed, as {@code fsync=off} on PostgreSQL: a test server never survives a crash. */
    private static final List<String> FAST =
            List.of(
                    "--innodb-flush-log-at-trx-commit=0",
                    "--innodb-doublewrite=0",
                    "--sync-binlog=0");

    private MariaDbContainers() {}

    static MariaDBContainer container(DatabaseSpec spec) {
        DockerImageName image =
                DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("mariadb");
        List<String> command = new ArrayList<>(List.of("mariadbd"));
        command.addAll(FAST);
        if (spec.timeZone() != null) {
            command.add("--default-time-zone=" + serverName(spec.timeZone()));
        }
        // the server's character set and collation, which the test database (MARIADB_DATABASE) and
        // its copies take
        command.addAll(MariaDbCharacters.arguments(spec.characters()));
        spec.settings().forEach((name, value) -> command.add("--" + name + "=" + value));
        MariaDBContainer container =
                new WaitsByStrategy(image)
                        .withDatabaseName(spec.name())
                        .withUsername(spec.username())
                        .withPassword(spec.password())
                        // the session follows the JVM's zone when a connection opens
                        .withUrlParam("connectionTimeZone", "LOCAL")
                        .withUrlParam("forceConnectionTimeZoneToSession", "true");
        container.withCommand(command.toArray(String[]::new));
        if (spec.timeZone() != null) {
            container.withEnv(
                    "TZ",
                    spec.timeZone() instanceof ZoneOffset ? "UTC" : serverName(spec.timeZone()));
        }
        DataDirectory.place(container, "/var/lib/mysql", spec.storage());
        return PublishedPorts.onBindAddress(container);
    }

    /**
     * Testcontainers' MariaDB waits in a JDBC loop of its own that ignores the wait strategy and keeps
     * waiting two minutes after the server exited; PostgreSQL's container waits by its strategy already.
     * With the strategy, a start that dies fails as soon as it does.
     */
    static final class WaitsByStrategy extends MariaDBContainer {
        WaitsByStrategy(DockerImageName image) {
            super(image);
        }

        @Override
        protected void waitUntilContainerStarted() {
            getWaitStrategy().waitUntilReady(this);
        }
    }

    /** A region id as it is; a fixed offset as {@code +05:30}, which MariaDB takes without the zone tables. */
    static String serverName(ZoneId zone) {
        if (zone instanceof ZoneOffset || zone.getId().matches("(GMT|UTC|UT)?[+-].*")) {
            ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
            return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        }
        return zone.getId();
    }
}
