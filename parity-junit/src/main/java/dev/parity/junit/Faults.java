package dev.parity.junit;

import org.apiguardian.api.API;
import eu.rekawek.toxiproxy.Proxy;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/**
 * Switches network faults between a {@link ProdLike} test and its database on and off while the test
 * runs. Inject it as a parameter. Faults apply to the test class's own proxy (so not to parallel
 * classes) and never outlive the test: before the next test, the proxy is back to the profile's toxics
 * and the next test's annotations, whatever this test did or however it failed.
 *
 * <p>Methods return this, to chain: {@code faults.latency(ofMillis(200)).bandwidth(64)}. Toxics added
 * here affect data flowing from the database to the test (downstream), as Toxiproxy does by default.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Faults {

    /** Delays each chunk of data by {@code latency}. */
    Faults latency(Duration latency);

    /** Limits the rate of data to {@code kilobytesPerSecond}. */
    Faults bandwidth(long kilobytesPerSecond);

    /** Stops all data; the connection is closed after {@code timeout} (zero: never, it just hangs). */
    Faults timeout(Duration timeout);

    /** Resets connections (TCP RST) after {@code after}. */
    Faults resetPeer(Duration after);

    /** Closes a connection once {@code bytes} have passed. */
    Faults limitData(long bytes);

    /** Cuts the network: the proxy is disabled, open connections drop and new ones are refused. */
    Faults cut();

    /** Back to what this test started with: the profile's toxics and the annotations'. */
    Faults restore();

    /** Applies {@code faults}, runs {@code action}, and always {@link #restore()}s, also when it throws. */
    void during(Consumer<Faults> faults, Executable action) throws Throwable;

    /** The toxiproxy-java proxy itself, for anything not covered here. */
    Proxy proxy();
}
