package dev.parity.engine;

import dev.parity.engine.spec.DatabaseSpec;
import java.io.IOException;
import java.io.OutputStream;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * How an engine saves a running server's data directory for a later run to start from, and where that directory
 * is in its image: the engine's half of a warm start ({@code dev.parity.snapshot}). The other half, copying the
 * saved directory into a new container before its server starts, is the same for every engine.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ServerSnapshots {

    /**
     * The data directory in the container, as a shell expression evaluated there (so an image's own {@code PGDATA}
     * wins over the usual path), e.g. {@code ${PGDATA:-/var/lib/postgresql/data}}.
     */
    String dataDirectory();

    /** A file or folder inside the data directory that only an initialised server has: the image then skips its init. */
    String initialisedMarker();

    /**
     * Writes a tar of the running server's data directory to {@code out} (not closed), consistent while the server keeps
     * serving (as a base backup is): a server started on it has every committed change and nothing else.
     *
     * @throws IOException when the server or the container refuse, with what they said
     */
    void save(JdbcDatabaseContainer<?> container, DatabaseSpec spec, OutputStream out)
            throws IOException, InterruptedException;
}
