package dev.parity.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Engines;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.support.PublishedPorts;
import dev.parity.testing.NeedsDocker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * Containers publish their ports on the loopback interface only, when Docker runs on this machine: the
 * port answers on 127.0.0.1 and not on another address of this machine (Docker's bridge gateway, which
 * every Docker host has), as it would if it were published on every interface.
 */
@NeedsDocker
class PublishedPortsTest {

    /** An address of this machine that is not loopback. */
    private static final String OTHER_ADDRESS = "172.17.0.1";

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDatabaseAndToxiproxyAnswerOnLoopbackOnly() {
        assertThat(PublishedPorts.bindAddress()).isEqualTo("127.0.0.1");
        for (String engine : new String[] {"postgres", "mariadb"}) {
            try (RunningDatabase database =
                    Databases.start(
                            DatabaseSpec.defaults(Engines.byId(engine).orElseThrow()),
                            getClass().getClassLoader(),
                            "published-ports-test")) {
                int port = URI.create(database.jdbcUrl().substring("jdbc:".length())).getPort();
                assertThat(answers("127.0.0.1", port)).as(engine + " on loopback").isTrue();
                assertThat(answers(OTHER_ADDRESS, port))
                        .as(engine + " on " + OTHER_ADDRESS)
                        .isFalse();
            }
        }
        try (Network network = Network.newNetwork();
                ToxiproxyContainer toxiproxy =
                        ContainerToxiproxyServer.container(NetworkSpec.DEFAULT_IMAGE, network)) {
            toxiproxy.start();
            assertThat(answers("127.0.0.1", toxiproxy.getControlPort())).isTrue();
            assertThat(answers(OTHER_ADDRESS, toxiproxy.getControlPort())).isFalse();
        }
    }

    @Test
    void aProfileWithoutAPasswordGetsOneGeneratedForTheRun() {
        String password = DatabaseSpec.defaults(Engines.byId("postgres").orElseThrow()).password();
        assertThat(password).hasSize(24).isNotEqualTo("test").matches("[A-Za-z0-9]+");
        assertThat(DatabaseSpec.defaults(Engines.byId("mariadb").orElseThrow()).password())
                .isEqualTo(password);
        assertThat(DatabaseSpec.defaults(Engines.byId("postgres").orElseThrow()).toString())
                .doesNotContain(password);
    }
}
