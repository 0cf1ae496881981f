package dev.parity.engine;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.parity.config.Setting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Where containers publish their ports. Testcontainers publishes on every interface, so on a laptop on a
 * shared network anyone could reach the test database; Parity publishes on the loopback interface when
 * Docker runs on this machine, and on every interface only when Docker is remote (where loopback would be
 * the remote machine's) or when {@code -Dparity.bindAddress} says so.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PublishedPorts {

    /** The system property: an address to publish on, or {@code 0.0.0.0} for every interface. */
    public static final String BIND_ADDRESS = "parity.bindAddress";
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private PublishedPorts() {
    }

    /**
     * Publishes {@code container}'s exposed ports on {@link #bindAddress()} (random host ports, as before). The
     * address is looked up when the container is created, so that describing a container never asks Docker.
     */
    public static <T extends GenericContainer<?>> T onBindAddress(T container) {
        container.withCreateContainerCmdModifier(command -> {
            String address = bindAddress();
            if (address.equals("0.0.0.0")) {
                return; // Testcontainers' own bindings: every interface
            }
            List<PortBinding> bindings = container.getExposedPorts().stream()
                    .map(port -> new PortBinding(Ports.Binding.bindIp(address), ExposedPort.tcp(port))).toList();
            command.getHostConfig().withPortBindings(bindings).withPublishAllPorts(false);
        });
        return container;
    }

    /** The property, if set, checked without asking Docker anything. */
    public static void checkProperty() {
        Setting configured = Setting.systemProperty(BIND_ADDRESS);
        if (configured.value().isPresent()) {
            ipAddress(configured);
        }
    }

    /** The property's address, else loopback when Docker runs here, else every interface. */
    public static String bindAddress() {
        Setting configured = Setting.systemProperty(BIND_ADDRESS);
        if (configured.value().isPresent()) {
            return ipAddress(configured);
        }
        return dockerIsLocal() ? "127.0.0.1" : "0.0.0.0";
    }

    /**
     * Docker publishes on an IP address only; a host name or a typo would fail later, inside Docker, without
     * naming the property. Parsed as a literal, never looked up.
     */
    static String ipAddress(Setting configured) {
        String address = configured.value().orElseThrow();
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        if (address.contains(":")) {
            try {
                InetAddress.getByName("[" + address + "]"); // in brackets: an IPv6 literal or an error, never a DNS lookup
                return address;
            } catch (UnknownHostException e) {
                throw invalid(configured);
            }
        }
        throw invalid(configured);
    }

    private static RuntimeException invalid(Setting configured) {
        return configured.invalid("is not an IP address", "Set it to an address of this machine's interfaces, such as 127.0.0.1 (loopback), "
                + "::1, or 0.0.0.0 (every interface); a host name is not accepted.", null);
    }

    private static boolean dockerIsLocal() {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        try {
            return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
