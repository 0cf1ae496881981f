package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.ProblemException;
import dev.parity.config.Setting;
import dev.parity.settings.Settings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code -Dparity.bindAddress}: an IP address, or an error before Docker is asked (which would fail without naming the property). */
class BindAddressTest {

    private static String address(String value) {
        return Settings.ipAddress(
                new Setting("system property", Settings.BIND_ADDRESS.name(), Optional.of(value)));
    }

    @Test
    void ipAddressesAreTakenAsWritten() {
        assertThat(address("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(address(" 0.0.0.0 ")).isEqualTo("0.0.0.0");
        assertThat(address("192.168.1.20")).isEqualTo("192.168.1.20");
        assertThat(address("::1")).isEqualTo("::1");
        assertThat(address("fe80::1")).isEqualTo("fe80::1");
    }

    @Test
    void anythingElseIsAnErrorNamingTheProperty() {
        for (String value :
                new String[] {
                    "not-an-address", "localhost", "127.0.0.256", "127.0.0", "[::1]", "::g"
                }) {
            assertThatThrownBy(() -> address(value))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "system property parity.bindAddress: '"
                                    + value
                                    + "' is not an IP address. Set it to an address of this machine's interfaces, such as 127.0.0.1 (loopback), ::1, "
                                    + "or 0.0.0.0 (every interface); a host name is not accepted.");
        }
    }
}
