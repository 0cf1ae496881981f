package dev.parity.engine.support;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.parity.settings.Settings;
import java.util.List;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;

/**
 * Where containers publish their ports. Testcontainers publishes on every interface, so on a laptop on a
 * shared network anyone could reach the test database; Parity publishes on the loopback interface when
 * Docker runs on this machine, and on every interface only when Docker is remote (where loopback would be
 * the remote machine's) or when {@code -Dparity.bindAddress} ({@link Settings#BIND_ADDRESS}) says so.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PublishedPorts {

    private PublishedPorts() {}

    /**
     * Publishes {@code container}'s exposed ports on {@link #bindAddress()} (random host ports, as before). The
     * address is looked up when the container is created, so that describing a container never asks Docker.
     */
    public static <T extends GenericContainer<?>> T onBindAddress(T container) {
        container.withCreateContainerCmdModifier(
                command -> {
                    String address = bindAddress();
                    if (address.equals("0.0.0.0")) {
                        return; // Testcontainers' own bindings: every interface
                    }
                    List<PortBinding> bindings =
                            container.getExposedPorts().stream()
                                    .map(
                                            port ->
                                                    new PortBinding(
                                                            Ports.Binding.bindIp(address),
                                                            ExposedPort.tcp(port)))
                                    .toList();
                    command.getHostConfig().withPortBindings(bindings).withPublishAllPorts(false);
                });
        return container;
    }

    /** The property, if set, checked without asking Docker anything. */
    public static void checkProperty() {
        Settings.BIND_ADDRESS.findInSystemProperties();
    }

    /** The property's address, else loopback when Docker runs here, else every interface. */
    public static String bindAddress() {
        return Settings.BIND_ADDRESS
                .findInSystemProperties()
                .orElseGet(() -> DockerHost.isThisMachine() ? "127.0.0.1" : "0.0.0.0");
    }
}
