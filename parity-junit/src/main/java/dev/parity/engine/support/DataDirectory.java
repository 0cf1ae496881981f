package dev.parity.engine.support;

import dev.parity.engine.spec.DatabaseSpec;
import java.util.Map;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;

/**
 * Where a database container keeps its data, as the profile's {@code storage:} says: {@code memory}, a tmpfs at a
 * folder that holds the image's data directory; {@code disk}, wherever the image keeps it (the official images declare
 * a volume).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DataDirectory {

    private DataDirectory() {}

    /** Puts the folder {@code path}, which holds the server's data directory, where {@code storage} says. */
    public static void place(
            GenericContainer<?> container, String path, DatabaseSpec.Storage storage) {
        if (storage == DatabaseSpec.Storage.MEMORY) {
            container.withTmpFs(Map.of(path, "rw"));
        }
    }
}
