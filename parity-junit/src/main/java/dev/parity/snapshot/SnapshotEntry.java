package dev.parity.snapshot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A published snapshot: its folder in the cache, the server's data directory as one tar, and what was recorded
 * beside it (its checksum and size, and what the environment needs to know of itself without rebuilding). Never
 * changed once published; a damaged one is discarded, not mended.
 *
 * @param key   the key it was saved under
 * @param dir   its folder
 * @param facts what was recorded with it, including {@link #CHECKSUM} and {@link #SIZE}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SnapshotEntry(String key, Path dir, Map<String, String> facts) {

    /** The SHA-256 of {@link #data()}, in hex. */
    public static final String CHECKSUM = "checksum";

    /** {@link #data()}'s size in bytes. */
    public static final String SIZE = "size";

    public SnapshotEntry {
        facts = Map.copyOf(facts);
    }

    /** The data directory as a tar. */
    public Path data() {
        return dir.resolve(SnapshotCache.DATA);
    }

    public String checksum() {
        return facts.getOrDefault(CHECKSUM, "");
    }

    public long size() {
        return Long.parseLong(facts.getOrDefault(SIZE, "0"));
    }

    /** A fact recorded at publishing. */
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** The key's first 12 digits, as logs show it. */
    public String shortKey() {
        return SnapshotCache.shortKey(key);
    }
}
