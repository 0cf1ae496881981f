package dev.parity.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot folder: whole entries or none, one winner per key, least recently used evicted first. */
class SnapshotCacheTest {

    @TempDir Path root;

    private static SnapshotEntry save(SnapshotCache cache, String key, int bytes)
            throws IOException {
        Path building = cache.begin(key);
        Files.write(SnapshotCache.dataIn(building), new byte[bytes]);
        return cache.publish(key, building, Map.of("profile", "p"));
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".building") || n.startsWith(".trash"))
                    .toList();
        }
    }

    @Test
    void aPublishedEntryIsFoundWithItsChecksumAndFacts() throws IOException {
        SnapshotCache cache = new SnapshotCache(root, 1 << 20);
        assertThat(cache.find("k1")).isEmpty();
        SnapshotEntry saved = save(cache, "k1", 1000);

        SnapshotEntry found = cache.find("k1").orElseThrow();
        assertThat(found.size()).isEqualTo(1000);
        assertThat(found.checksum())
                .isEqualTo(SnapshotCache.checksumOf(found.data()))
                .isEqualTo(saved.checksum());
        assertThat(found.fact("profile")).contains("p");
        assertThat(leftovers()).isEmpty();

        cache.discard(found);
        assertThat(cache.find("k1")).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aHalfBuiltEntryIsNeverFound() throws IOException {
        SnapshotCache cache = new SnapshotCache(root, 1 << 20);
        Path building = cache.begin("k1");
        Files.write(SnapshotCache.dataIn(building), new byte[10]);
        assertThat(cache.find("k1")).isEmpty();
        assertThat(cache.entries()).isEmpty();
        cache.abandon(building);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndTheNewestStaysEvenAlone() throws IOException {
        SnapshotCache cache = new SnapshotCache(root, 2500);
        save(cache, "old", 1000);
        save(cache, "used", 1000);
        Files.setLastModifiedTime(
                root.resolve("old").resolve("used"), FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(
                root.resolve("used").resolve("used"),
                FileTime.from(Instant.now().minusSeconds(120)));
        cache.find("used"); // used now: "old" is the least recently used

        save(cache, "new", 1000);
        assertThat(cache.entries())
                .extracting(SnapshotEntry::key)
                .containsExactlyInAnyOrder("used", "new");

        SnapshotCache tiny = new SnapshotCache(root, 10);
        save(tiny, "huge", 5000);
        assertThat(tiny.entries()).extracting(SnapshotEntry::key).containsExactly("huge");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void replacingRemovesTheOldEntryFirst() throws IOException {
        SnapshotCache cache = new SnapshotCache(root, 1 << 20);
        save(cache, "k", 10);
        Path building = cache.begin("k");
        Files.write(SnapshotCache.dataIn(building), new byte[20]);
        cache.publish("k", building, Map.of(), true);
        assertThat(cache.find("k").orElseThrow().size()).isEqualTo(20);
    }

    /** Seeded: runs that build the same keys at once; each key ends with one whole entry, no folder left over. */
    @Test
    void concurrentBuildsOfTheSameKeysLeaveOneWholeEntryEach() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        SnapshotCache first = new SnapshotCache(root, 1L << 30);
        SnapshotCache second =
                new SnapshotCache(root, 1L << 30); // another run's view of the folder
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 25; round++) {
                String key = "key" + random.nextInt(5);
                int bytes = 1 + random.nextInt(5000);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<SnapshotEntry>> results = new ArrayList<>();
                for (SnapshotCache cache : List.of(first, second, first, second)) {
                    results.add(
                            threads.submit(
                                    () -> {
                                        go.await();
                                        return save(cache, key, bytes);
                                    }));
                }
                go.countDown();
                for (Future<SnapshotEntry> result : results) {
                    SnapshotEntry entry = result.get();
                    assertThat(entry.key()).as("seed %d", seed).isEqualTo(key);
                }
                SnapshotEntry kept = first.find(key).orElseThrow();
                assertThat(SnapshotCache.checksumOf(kept.data()))
                        .as("seed %d", seed)
                        .isEqualTo(kept.checksum());
                assertThat(leftovers()).as("seed %d", seed).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
