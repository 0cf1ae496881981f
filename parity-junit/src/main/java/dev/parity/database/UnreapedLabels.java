package dev.parity.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * A container's labels without Testcontainers' session id, whatever adds it later: Ryuk and Testcontainers'
 * JVM hook remove the containers of their session when the JVM ends, and a kept database must outlive it.
 * Testcontainers adds its labels to the create command's map after the command's modifiers ran, so the map
 * itself refuses that one. Parity still stops such a container ({@link LeftoverGuard}, the root store) and
 * a later run sweeps it after a {@code kill -9} ({@link LeftoverSweep}): it keeps {@link ParityLabels}.
 */
final class UnreapedLabels extends LinkedHashMap<String, String> {

    private static final long serialVersionUID = 1L;

    UnreapedLabels(Map<String, String> labels) {
        if (labels != null) {
            putAll(labels);
        }
    }

    @Override
    public String put(String key, String value) {
        return DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL.equals(key)
                ? null
                : super.put(key, value);
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> labels) {
        labels.forEach(this::put);
    }
}
