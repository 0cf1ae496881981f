package dev.parity.snapshot;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.support.ContainerCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A container made to start from a snapshot: its entrypoint becomes a short shell step that waits until Parity has
 * streamed the saved tar into the (still empty) data directory, then runs the image's own entrypoint with the same
 * command. The image finds an initialised data directory and skips its init (initdb,
 * {@code /docker-entrypoint-initdb.d}); Parity skips migrations, init scripts and the load. Works on any image of
 * the engine's, whatever its user or data directory, on disk or in memory (the tar is unpacked into a tmpfs mounted
 * at the data directory as into a volume).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WarmStart {

    /** Created in the container once the data directory is unpacked and checked: the entrypoint goes on. */
    static final String READY = "/tmp/parity-snapshot-unpacked";

    /** Where the tar is uploaded in the container (relative to its root), outside any data directory. */
    static final String UPLOADED = "tmp/parity-snapshot.tar";

    /** How long the container's entrypoint waits for Parity to unpack the snapshot. */
    private static final Duration WAIT_FOR_UNPACK = Duration.ofMinutes(10);

    /** How long unpacking may take: a few GB at disk speed. */
    private static final Duration UNPACK_BOUND = Duration.ofMinutes(10);

    private WarmStart() {}

    /**
     * An image as Docker has it locally: its id (which part of a key is), and its entrypoint (which a warm start runs
     * after unpacking).
     */
    public record Image(String id, List<String> entrypoint) {}

    /** What a server starts from: {@code entry}, made by {@code engine}'s snapshots, on {@code image}. */
    public record From(ServerSnapshots engine, SnapshotEntry entry, Image image) {}

    /** {@code image} as the local Docker has it; empty if it is not there (yet), or Docker cannot say. */
    public static Optional<Image> inspect(String image) {
        try {
            InspectImageResponse found =
                    DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
            String[] entrypoint =
                    found.getConfig() == null ? null : found.getConfig().getEntrypoint();
            return Optional.of(
                    new Image(found.getId(), entrypoint == null ? List.of() : List.of(entrypoint)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes {@code container} start from {@code entry}: its entrypoint waits (bounded) for the data directory, which
     * {@link Restore#unpack} streams in once the container runs.
     */
    public static Restore prepare(
            GenericContainer<?> container,
            ServerSnapshots engine,
            SnapshotEntry entry,
            Image image) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("sh");
        entrypoint.add("-c");
        entrypoint.add(waitThenRun(engine));
        entrypoint.add("parity-warm-start");
        entrypoint.addAll(image.entrypoint());
        container.withCreateContainerCmdModifier(
                create -> create.withEntrypoint(entrypoint.toArray(String[]::new)));
        return new Restore(container, engine, entry);
    }

    /** The data directory of a container {@link #prepare} made, to stream in once it runs. */
    public static final class Restore {
        private final GenericContainer<?> container;
        private final ServerSnapshots engine;
        private final SnapshotEntry entry;

        private Restore(
                GenericContainer<?> container, ServerSnapshots engine, SnapshotEntry entry) {
            this.container = container;
            this.engine = engine;
            this.entry = entry;
        }

        /**
         * Streams the snapshot's tar into the data directory (one write, into memory where the storage is), checks
         * its SHA-256 on the way, and only if it matches lets the image's entrypoint go on.
         *
         * @throws SnapshotUnusableException if it could not be unpacked, or arrived damaged
         */
        public void unpack() {
            MessageDigest sha = Sha256.digest();
            try {
                long size = Files.size(entry.data());
                try (InputStream tar = OneFileTar.of(entry.data(), size, UPLOADED, sha)) {
                    ContainerCommands.upload(
                            container,
                            UNPACK_BOUND,
                            "copying the snapshot " + entry.shortKey() + " into the container",
                            tar,
                            "/");
                }
                String arrived = Sha256.hex(sha);
                if (!arrived.equals(entry.checksum())) {
                    throw new SnapshotUnusableException(
                            entry,
                            "is damaged: its tar's SHA-256 is "
                                    + arrived
                                    + ", saved as "
                                    + entry.checksum(),
                            null);
                }
                // unpacked in the container: Docker's own copy cannot reach a tmpfs at the data
                // directory
                org.testcontainers.containers.Container.ExecResult unpacked =
                        ContainerCommands.run(
                                container,
                                UNPACK_BOUND,
                                "unpacking the snapshot " + entry.shortKey(),
                                "sh",
                                "-c",
                                "d=\""
                                        + engine.dataDirectory()
                                        + "\"; mkdir -p \"$d\" && tar -xf /"
                                        + UPLOADED
                                        + " -C \"$d\" && rm -f /"
                                        + UPLOADED
                                        + " && touch "
                                        + READY);
                if (unpacked.getExitCode() != 0) {
                    throw new SnapshotUnusableException(
                            entry, "could not be unpacked: " + unpacked.getStderr().strip(), null);
                }
            } catch (IOException e) {
                throw new SnapshotUnusableException(
                        entry, "could not be unpacked: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapshotUnusableException(entry, "was not unpacked: interrupted", e);
            }
        }

        public SnapshotEntry entry() {
            return entry;
        }
    }

    /**
     * The shell step: wait for the data directory to be unpacked (once: a restarted container has it), then the
     * image's entrypoint. Bounded: a run that died before unpacking leaves a container that exits, not one that
     * waits forever.
     */
    static String waitThenRun(ServerSnapshots engine) {
        return "d=\""
                + engine.dataDirectory()
                + "\"\n"
                + "if [ ! -e \"$d/"
                + engine.initialisedMarker()
                + "\" ]; then\n"
                + "  i=0\n"
                + "  until [ -f "
                + READY
                + " ]; do\n"
                + "    i=$((i + 1))\n"
                + "    if [ \"$i\" -gt "
                + (WAIT_FOR_UNPACK.toMillis() / 20)
                + " ]; then echo \"parity: the snapshot was not unpacked within "
                + WAIT_FOR_UNPACK.toMinutes()
                + " minutes\" >&2; exit 1; fi\n"
                + "    sleep 0.02\n"
                + "  done\n"
                + "  echo \"parity: the data directory $d was unpacked from a snapshot\"\n"
                + "fi\n"
                + "exec \"$@\"\n";
    }
}
