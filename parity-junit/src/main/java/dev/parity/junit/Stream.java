package dev.parity.junit;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which direction of a connection a {@link Toxic} or {@link Latency} acts on. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Stream {

    /** From the test to the database: queries and their parameters. */
    UPSTREAM,

    /** From the database to the test: results and errors. The default of {@link Toxic} and {@link Latency}. */
    DOWNSTREAM,

    /**
     * Both directions: two toxics, one on each (a {@link Latency} of 150 ms then makes a round trip 300 ms longer). A
     * convenience of Parity's; Toxiproxy itself knows the two above.
     */
    BOTH;

    /** The stream as profiles write it: {@code downstream}. */
    String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
