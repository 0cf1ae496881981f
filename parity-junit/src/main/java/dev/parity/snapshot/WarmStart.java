package dev.parity.snapshot;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.parity.engine.ServerSnapshots;
import dev.parity.engine.support.ContainerCommands;
import dev.parity.engine.support.DockerHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

/**
 * A container made to start from a snapshot: its entrypoint becomes a short shell step that waits until Parity has
 * unpacked the saved tar into the (still empty) data directory, then runs the image's own entrypoint with the same
 * command. The image finds an initialised data directory and skips its init (initdb,
 * {@code /docker-entrypoint-initdb.d}); Parity skips migrations, init scripts and the load. Works on any image of
 * the engine's, whatever its user or data directory, on disk or in memory (the tar is unpacked into a tmpfs mounted
 * at the data directory as into a volume).
 *
 * <p>Where Docker runs on this machine the saved tar is bind-mounted into the container, read-only, and unpacked
 * from there: one copy, at the speed of {@code tar}, while its checksum is taken beside it. Elsewhere, or where the
 * mount did not arrive (a daemon behind a tunnel), it is uploaded through Docker's API, its checksum taken on the way,
 * which costs about as long again.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WarmStart {

    /** Created in the container once the data directory is unpacked and checked: the entrypoint goes on. */
    static final String READY = "/tmp/parity-snapshot-unpacked";

    /** Where the tar is uploaded in the container (relative to its root), outside any data directory. */
    static final String UPLOADED = "tmp/parity-snapshot.tar";

    /** Where the tar is bind-mounted in the container, read-only, where Docker runs on this machine. */
    static final String MOUNTED = "/tmp/parity-snapshot-mounted.tar";

    /** How the saved tar reaches the container. */
    public enum Transfer {
        /** Bind-mounted, read-only; uploaded after all if the mount did not arrive. */
        MOUNT,
        /** Uploaded through Docker's API. */
        UPLOAD;

        /** A mount where Docker can see this machine's files, else an upload. */
        public static Transfer forThisDocker() {
            return DockerHost.isThisMachine() ? MOUNT : UPLOAD;
        }
    }

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

    /** What a server starts from: {@code entry}, made by {@code engine}'s snapshots, on {@code image}, by {@code transfer}. */
    public record From(
            ServerSnapshots engine, SnapshotEntry entry, Image image, Transfer transfer) {}

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
     * {@link Restore#unpack} fills once the container runs.
     */
    public static Restore prepare(
            GenericContainer<?> container,
            ServerSnapshots engine,
            SnapshotEntry entry,
            Image image,
            Transfer transfer) {
        return prepare(container, engine, entry, image, transfer, entry.data());
    }

    /**
     * As {@link #prepare(GenericContainer, ServerSnapshots, SnapshotEntry, Image, Transfer)}, mounting {@code mounted}
     * in place of the entry's tar: a test's way to see a mount that does not arrive.
     */
    public static Restore prepare(
            GenericContainer<?> container,
            ServerSnapshots engine,
            SnapshotEntry entry,
            Image image,
            Transfer transfer,
            Path mounted) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("sh");
        entrypoint.add("-c");
        entrypoint.add(waitThenRun(engine));
        entrypoint.add("parity-warm-start");
        entrypoint.addAll(image.entrypoint());
        container.withCreateContainerCmdModifier(
                create -> create.withEntrypoint(entrypoint.toArray(String[]::new)));
        Optional<CompletableFuture<String>> checksum = Optional.empty();
        if (transfer == Transfer.MOUNT) {
            // on the create command, not Testcontainers' withFileSystemBind: that first checks
            // mounts by starting a container of an image of its own, pulled if it is not here
            Bind bind =
                    new Bind(
                            mounted.toAbsolutePath().toString(),
                            new Volume(MOUNTED),
                            AccessMode.ro);
            container.withCreateContainerCmdModifier(
                    create -> {
                        HostConfig host =
                                create.getHostConfig() == null
                                        ? new HostConfig()
                                        : create.getHostConfig();
                        List<Bind> binds = new ArrayList<>();
                        if (host.getBinds() != null) {
                            binds.addAll(List.of(host.getBinds()));
                        }
                        binds.add(bind);
                        create.withHostConfig(host.withBinds(binds));
                    });
            // taken while the container starts and unpacks: the file is read once more, mostly
            // from the page cache, on the other core
            checksum = Optional.of(CompletableFuture.supplyAsync(() -> checksumOf(entry)));
        }
        return new Restore(container, engine, entry, checksum);
    }

    private static String checksumOf(SnapshotEntry entry) {
        try {
            return Sha256.of(entry.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directory of a container {@link #prepare} made, to unpack once it runs. */
    public static final class Restore {
        private final GenericContainer<?> container;
        private final ServerSnapshots engine;
        private final SnapshotEntry entry;

        /** The checksum of the mounted file, being taken; empty when the tar is uploaded. */
        private final Optional<CompletableFuture<String>> mountedChecksum;

        private Restore(
                GenericContainer<?> container,
                ServerSnapshots engine,
                SnapshotEntry entry,
                Optional<CompletableFuture<String>> mountedChecksum) {
            this.container = container;
            this.engine = engine;
            this.entry = entry;
            this.mountedChecksum = mountedChecksum;
        }

        /**
         * Unpacks the snapshot's tar into the data directory (into memory where the storage is), from its mount or
         * uploaded, checks its SHA-256, and only if it matches lets the image's entrypoint go on.
         *
         * @return how the tar arrived: {@link Transfer#UPLOAD} also when a mount was asked for and did not arrive
         * @throws SnapshotUnusableException if it could not be unpacked, or arrived damaged
         */
        public Transfer unpack() {
            try {
                Transfer used = Transfer.UPLOAD;
                String arrived;
                if (mountedChecksum.isPresent() && unpackedFromMount()) {
                    used = Transfer.MOUNT;
                    arrived =
                            mountedChecksum
                                    .get()
                                    .get(UNPACK_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    arrived = upload();
                    run("unpacking the snapshot " + entry.shortKey(), untar("/" + UPLOADED));
                }
                if (!arrived.equals(entry.checksum())) {
                    throw new SnapshotUnusableException(
                            entry,
                            "is damaged: its tar's SHA-256 is "
                                    + arrived
                                    + ", saved as "
                                    + entry.checksum(),
                            null);
                }
                run(
                        "marking the snapshot " + entry.shortKey() + " unpacked",
                        "rm -f /" + UPLOADED + " && touch " + READY);
                return used;
            } catch (IOException | ExecutionException | UncheckedIOException e) {
                throw new SnapshotUnusableException(
                        entry, "could not be unpacked: " + e.getMessage(), e);
            } catch (TimeoutException e) {
                throw new SnapshotUnusableException(
                        entry,
                        "could not be checked: its SHA-256 was not taken within "
                                + UNPACK_BOUND.toMinutes()
                                + " minutes",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SnapshotUnusableException(entry, "was not unpacked: interrupted", e);
            }
        }

        /**
         * Unpacks from the mounted file if it is there; if it is not (a daemon that could not see this machine's
         * file makes an empty folder in its place), or unpacking it failed, leaves the data directory empty again.
         */
        private boolean unpackedFromMount() throws IOException, InterruptedException {
            Container.ExecResult result =
                    ContainerCommands.run(
                            container,
                            UNPACK_BOUND,
                            "unpacking the snapshot " + entry.shortKey() + " from its mount",
                            "sh",
                            "-c",
                            "[ -f " + MOUNTED + " ] || exit 3\n" + untar(MOUNTED));
            if (result.getExitCode() == 0) {
                return true;
            }
            run(
                    "emptying the data directory for an upload of the snapshot " + entry.shortKey(),
                    "find \"" + engine.dataDirectory() + "\" -mindepth 1 -delete");
            return false;
        }

        /** Uploads the tar into the container, and returns its SHA-256, taken on the way. */
        private String upload() throws IOException, InterruptedException {
            MessageDigest sha = Sha256.digest();
            long size = Files.size(entry.data());
            try (InputStream tar = OneFileTar.of(entry.data(), size, UPLOADED, sha)) {
                // unpacked in the container after: Docker's own copy cannot reach a tmpfs at
                // the data directory
                ContainerCommands.upload(
                        container,
                        UNPACK_BOUND,
                        "copying the snapshot " + entry.shortKey() + " into the container",
                        tar,
                        "/");
            }
            return Sha256.hex(sha);
        }

        private String untar(String tar) {
            return "d=\""
                    + engine.dataDirectory()
                    + "\"; mkdir -p \"$d\" && tar -xf "
                    + tar
                    + " -C \"$d\"";
        }

        private void run(String what, String script) throws IOException, InterruptedException {
            Container.ExecResult result =
                    ContainerCommands.run(container, UNPACK_BOUND, what, "sh", "-c", script);
            if (result.getExitCode() != 0) {
                throw new IOException(what + " failed: " + result.getStderr().strip());
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
