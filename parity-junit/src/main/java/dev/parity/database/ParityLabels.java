package dev.parity.database;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * The labels on every container and Docker network Parity creates: {@value #PARITY} to find them
 * ({@code docker ps -a -f label=dev.parity}), {@value #OWNER} to tell whether the run that created them is
 * over ({@link RunOwner}), and the profile that asked for a container.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ParityLabels {

    public static final String PARITY = "dev.parity";
    public static final String OWNER = "dev.parity.owner";
    public static final String PROFILE = "dev.parity.profile";

    private ParityLabels() {}

    /** A network's labels: Parity's, and this run as the owner. */
    public static Map<String, String> owned() {
        return Map.of(PARITY, "true", OWNER, RunOwner.current().label());
    }

    /** A container's labels: {@link #owned()}, and {@code profile}, who uses it. */
    public static Map<String, String> forProfile(String profile) {
        return Map.of(PARITY, "true", OWNER, RunOwner.current().label(), PROFILE, profile);
    }
}
