package dev.parity.engine;

import org.apiguardian.api.API;

/**
 * A library Parity uses when the user brings it: its Maven coordinates, and a class that is on the
 * classpath exactly when it is.
 *
 * @param groupId    e.g. {@code org.flywaydb}
 * @param artifactId e.g. {@code flyway-core}
 * @param probeClass a class of it, e.g. {@code org.flywaydb.core.Flyway}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record JavaArtifact(String groupId, String artifactId, String probeClass) {

    /** Whether {@code classLoader} sees it. Nothing of it is initialized. */
    public boolean isPresent(ClassLoader classLoader) {
        try {
            Class.forName(probeClass, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@code groupId:artifactId}, as a build names it. */
    public String coordinates() {
        return groupId + ":" + artifactId;
    }
}
