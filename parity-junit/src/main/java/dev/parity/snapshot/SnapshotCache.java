package dev.parity.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The folder of saved servers, shared by every run on the machine: one folder per key, each holding the data
 * directory as a tar ({@value #DATA}) and what was recorded with it ({@value #FACTS}, with the tar's SHA-256).
 *
 * <p>An entry is built in a folder of its own ({@code .building-*}) and published by an atomic rename, so a reader
 * sees a whole entry or none; two runs building the same key both build, and the second to publish keeps the first's.
 * Publishing and eviction hold the cache's lock ({@value #LOCK}, a file lock, so other JVMs wait too, bounded).
 * Eviction removes the least recently used entries while the cache is over its size (an entry is used when it is
 * found), never the one just published; an entry is renamed away before it is deleted, so a run still copying it
 * reads on.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SnapshotCache {

    static final String DATA = "server.tar";
    static final String FACTS = "entry.properties";
    static final String LOCK = ".lock";
    private static final String USED = "used";
    private static final String BUILDING = ".building-";
    private static final String TRASH = ".trash-";

    /** How long a publish or an eviction waits for another run's: far longer than either takes. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

    /** Left behind by a run that was killed while building or deleting: removed when this old. */
    private static final Duration STALE = Duration.ofHours(6);

    /** One lock holder per folder in this JVM: a second FileChannel.lock in one JVM would throw, not wait. */
    private static final Map<Path, Object> IN_JVM = new ConcurrentHashMap<>();

    private final Path root;
    private final long maxBytes;

    public SnapshotCache(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public Path root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The key's first 12 digits, as logs show it. */
    public static String shortKey(String key) {
        return key.length() > 12 ? key.substring(0, 12) : key;
    }

    /** The entry saved under {@code key}, marked used; empty if there is none (or it is not whole). */
    public Optional<SnapshotEntry> find(String key) {
        Path dir = root.resolve(key);
        Path facts = dir.resolve(FACTS);
        if (!Files.isRegularFile(facts) || !Files.isRegularFile(dir.resolve(DATA))) {
            return Optional.empty();
        }
        try {
            Map<String, String> read = readFacts(facts);
            touch(dir);
            return Optional.of(new SnapshotEntry(key, dir, read));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // evicted meanwhile
        }
    }

    /** A new folder to build an entry in; {@link #publish} it or {@link #abandon} it. */
    public Path begin(String key) {
        try {
            Files.createDirectories(root);
            return Files.createDirectory(
                    root.resolve(BUILDING + shortKey(key) + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create a folder in the snapshot cache " + root, e);
        }
    }

    /** The file in {@code building} that the data directory's tar goes to. */
    public static Path dataIn(Path building) {
        return building.resolve(DATA);
    }

    /**
     * Publishes what {@code building} holds under {@code key}, with {@code facts} (its checksum and size added),
     * then evicts down to the cache's size. If another run published {@code key} meanwhile, that entry stays and
     * this one is dropped.
     *
     * @return the published entry: this one, or the other run's
     */
    public SnapshotEntry publish(String key, Path building, Map<String, String> facts) {
        return publish(key, building, facts, false);
    }

    /** As {@link #publish(String, Path, Map)}; with {@code replace}, an entry already under {@code key} is removed first. */
    public SnapshotEntry publish(
            String key, Path building, Map<String, String> facts, boolean replace) {
        Map<String, String> all = new TreeMap<>(facts);
        try {
            Path data = building.resolve(DATA);
            if (!all.containsKey(SnapshotEntry.CHECKSUM)) { // else taken as it was written
                all.put(SnapshotEntry.CHECKSUM, checksumOf(data));
            }
            all.put(SnapshotEntry.SIZE, Long.toString(Files.size(data)));
            writeFacts(building.resolve(FACTS), all);
            Files.writeString(building.resolve(USED), "");
        } catch (IOException e) {
            abandon(building);
            throw new UncheckedIOException("cannot write the snapshot " + shortKey(key), e);
        }
        return locked(
                () -> {
                    Path target = root.resolve(key);
                    if (replace && Files.exists(target)) {
                        remove(target);
                    }
                    try {
                        Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                        abandon(building); // another run's, as good as this one
                    } catch (AtomicMoveNotSupportedException e) {
                        abandon(building);
                        throw new UncheckedIOException(
                                "the snapshot cache "
                                        + root
                                        + " is on a file system without atomic renames",
                                e);
                    } catch (IOException e) {
                        abandon(building);
                        if (!Files.isDirectory(target)) {
                            throw new UncheckedIOException(
                                    "cannot publish the snapshot " + shortKey(key), e);
                        } // else another run's, which the rename met (as ENOTEMPTY)
                    }
                    evictExcept(key);
                    return find(key)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "the snapshot "
                                                            + shortKey(key)
                                                            + " vanished as it was published"));
                });
    }

    /** Deletes a folder {@link #begin} gave that will not be published. */
    public void abandon(Path building) {
        deleteTree(building);
    }

    /** Removes {@code entry} (damaged, or to be rebuilt). */
    public void discard(SnapshotEntry entry) {
        locked(
                () -> {
                    remove(entry.dir());
                    return null;
                });
    }

    /** The published entries, least recently used first. */
    public List<SnapshotEntry> entries() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SnapshotEntry> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path dir : list.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(dir.resolve(FACTS))) {
                    try {
                        found.add(new SnapshotEntry(name, dir, readFacts(dir.resolve(FACTS))));
                    } catch (IOException e) {
                        // being removed by another run
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the snapshot cache " + root, e);
        }
        found.sort(Comparator.comparing(SnapshotCache::lastUsed));
        return found;
    }

    private void evictExcept(String kept) {
        List<SnapshotEntry> entries = entries();
        long total = entries.stream().mapToLong(SnapshotEntry::size).sum();
        for (SnapshotEntry entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            if (!entry.key().equals(kept)) {
                remove(entry.dir());
                total -= entry.size();
            }
        }
        removeStale();
    }

    private void removeStale() {
        Instant before = Instant.now().minus(STALE);
        try (Stream<Path> list = Files.list(root)) {
            for (Path dir : list.toList()) {
                String name = dir.getFileName().toString();
                if ((name.startsWith(BUILDING) || name.startsWith(TRASH))
                        && Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // another run's clean-up got there first
        }
    }

    /** Renamed away first: a reader that opened the tar reads on, a finder no longer finds it. */
    private void remove(Path dir) {
        Path trash = root.resolve(TRASH + UUID.randomUUID());
        try {
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            trash = dir;
        }
        deleteTree(trash);
    }

    private <T> T locked(Supplier<T> action) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot cache " + root, e);
        }
        synchronized (IN_JVM.computeIfAbsent(root, r -> new Object())) {
            try (FileChannel channel =
                    FileChannel.open(
                            root.resolve(LOCK),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE)) {
                long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
                FileLock lock;
                while ((lock = channel.tryLock()) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "the snapshot cache's lock "
                                        + root.resolve(LOCK)
                                        + " was held by another run for more than "
                                        + LOCK_WAIT.toSeconds()
                                        + " s; if no other run is going on, delete the file and run again");
                    }
                    Thread.sleep(50);
                }
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the snapshot cache " + root, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for the snapshot cache's lock", e);
            }
        }
    }

    private static Instant lastUsed(SnapshotEntry entry) {
        try {
            return Files.getLastModifiedTime(entry.dir().resolve(USED)).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void touch(Path dir) throws IOException {
        Files.setLastModifiedTime(dir.resolve(USED), FileTime.from(Instant.now()));
    }

    /** The SHA-256 of {@code file}, in hex. */
    public static String checksumOf(Path file) throws IOException {
        return Sha256.of(file);
    }

    /** What writes a snapshot's data, to a stream it does not close. */
    @FunctionalInterface
    public interface DataWriter {
        void writeTo(OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * Writes the data of the entry {@code building} holds by {@code writer}, buffered, its SHA-256 taken on the way.
     *
     * @return the checksum, for {@link SnapshotEntry#CHECKSUM} in {@link #publish}'s facts (then not read again)
     */
    public static String writeData(Path building, DataWriter writer)
            throws IOException, InterruptedException {
        MessageDigest sha = Sha256.digest();
        try (OutputStream out =
                new DigestOutputStream(
                        new BufferedOutputStream(
                                Files.newOutputStream(building.resolve(DATA)), 1 << 20),
                        sha)) {
            writer.writeTo(out);
        }
        return Sha256.hex(sha);
    }

    private static Map<String, String> readFacts(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(n -> facts.put(n, properties.getProperty(n)));
        return facts;
    }

    private static void writeFacts(Path file, Map<String, String> facts) throws IOException {
        Properties properties = new Properties();
        properties.putAll(facts);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "a Parity snapshot; the key is this folder's name");
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // another run deleted it too, or a file is held open: a later eviction retries
        }
    }
}
