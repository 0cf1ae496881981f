package dev.parity.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pool's bookkeeping against an in-memory server: bounds, failures handed to the taker, everything dropped at the end. */
class CopyPoolTest {

    /** A server that copies in a few milliseconds and counts what it holds at most. */
    static class MemoryServer implements DatabaseCopies {
        final Set<String> databases = ConcurrentHashMap.newKeySet();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger made = new AtomicInteger();
        volatile String failWith;

        @Override
        public void snapshot(String database, String snapshot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String cloneOf(String template, String clone) {
            if (failWith != null) {
                throw new EngineException(
                        "could not copy database '"
                                + template
                                + "' to '"
                                + clone
                                + "': "
                                + failWith,
                        null);
            }
            pause();
            databases.add(clone);
            made.incrementAndGet();
            most.accumulateAndGet(databases.size(), Math::max);
            return "jdbc:test://server/" + clone;
        }

        @Override
        public void drop(String database) {
            pause();
            databases.remove(database);
        }

        @Override
        public String shellCommand(String database, String host, int port) {
            return "client " + database;
        }

        private static void pause() {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void keepsItsSizeReadyAndNeverHoldsMoreThanItsSizePlusThoseInUse() throws Exception {
        MemoryServer server = new MemoryServer();
        int inUseAtMost = 4;
        try (CopyPool pool = new CopyPool(server, "template", "parity_fresh_", 3, 2)) {
            assertThat(pool.prefix()).matches("parity_fresh_\\d+_");
            awaitReady(server, 3);
            ExecutorService tests = Executors.newFixedThreadPool(inUseAtMost);
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                names.add(
                        tests.submit(
                                () -> {
                                    CopyPool.Lease lease = pool.take();
                                    assertThat(server.databases).contains(lease.name());
                                    Thread.sleep(2);
                                    lease.release();
                                    return lease.name();
                                }));
            }
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            for (Future<String> name : names) {
                distinct.add(name.get(30, TimeUnit.SECONDS));
            }
            tests.shutdown();
            assertThat(distinct).as("no copy is handed out twice").hasSize(60);
            assertThat(server.most.get())
                    .as("copies on the server at once")
                    .isLessThanOrEqualTo(3 + inUseAtMost);
            assertThat(pool.maxOnServer()).isLessThanOrEqualTo(3 + inUseAtMost);
        }
        assertThat(server.databases).as("closing drops every copy").isEmpty();
    }

    @Test
    void aKeptCopyStaysAfterClosingAndOutsideTheBounds() throws Exception {
        MemoryServer server = new MemoryServer();
        String kept;
        try (CopyPool pool = new CopyPool(server, "template", "parity_fresh_", 1, 1)) {
            CopyPool.Lease lease = pool.take();
            lease.keep();
            lease.release(); // after keep: nothing
            kept = lease.name();
            pool.take().release();
        }
        assertThat(server.databases).containsExactly(kept);
    }

    @Test
    void aCopyInUseWhenThePoolClosesIsDroppedWhenReleased() throws Exception {
        MemoryServer server = new MemoryServer();
        CopyPool.Lease lease;
        try (CopyPool pool = new CopyPool(server, "template", "parity_fresh_", 2, 2)) {
            lease = pool.take();
        }
        assertThat(server.databases).containsExactly(lease.name());
        lease.release();
        assertThat(server.databases).isEmpty();
    }

    @Test
    void withSizeZeroEachCopyIsMadeWhenTakenAndDroppedWhenReleased() throws Exception {
        MemoryServer server = new MemoryServer();
        try (CopyPool pool = new CopyPool(server, "template", "parity_fresh_", 0, 1)) {
            Thread.sleep(20);
            assertThat(server.made.get()).as("nothing made ahead").isZero();
            CopyPool.Lease lease = pool.take();
            assertThat(server.databases).containsExactly(lease.name());
            lease.release();
            assertThat(server.databases).isEmpty();
        }
    }

    @Test
    void
            aCopyThatCannotBeMadeFailsTheTakerWithTheEnginesWordsAndTheNextTakerGetsACopyOnceTheServerCopiesAgain()
                    throws Exception {
        MemoryServer server = new MemoryServer();
        server.failWith = "ERROR: database \"template\" does not exist";
        try (CopyPool pool = new CopyPool(server, "template", "parity_fresh_", 2, 1)) {
            assertThatThrownBy(pool::take)
                    .isInstanceOf(EngineException.class)
                    .hasMessage(
                            "could not copy database 'template' to '"
                                    + pool.prefix()
                                    + "1': ERROR: database \"template\" does not exist");
            server.failWith = null;
            CopyPool.Lease lease = null;
            for (int attempt = 0; lease == null && attempt < 3; attempt++) {
                try {
                    lease = pool.take();
                } catch (EngineException madeBeforeTheServerRecovered) {
                    // one copy may have been started while the server still failed
                }
            }
            assertThat(lease).isNotNull();
            lease.release();
        }
        assertThat(server.databases).isEmpty();
    }

    @Test
    void takingFromAClosedPoolSaysSo() {
        CopyPool pool = new CopyPool(new MemoryServer(), "template", "parity_fresh_", 1, 1);
        pool.close();
        assertThatThrownBy(pool::take)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    /** A server whose copies never finish: each waits until interrupted, and says so. */
    static final class HangingServer extends MemoryServer {
        final AtomicInteger interrupted = new AtomicInteger();

        @Override
        public String cloneOf(String template, String clone) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            throw new EngineException("interrupted while copying " + template, null);
        }
    }

    @Test
    void anErrorOfTheMakerReachesTheTakerAsTheCauseRatherThanLeavingItWaiting() {
        StackOverflowError error = new StackOverflowError("deep in the driver");
        MemoryServer server =
                new MemoryServer() {
                    @Override
                    public String cloneOf(String template, String clone) {
                        throw error;
                    }
                };
        long started = System.nanoTime();
        try (CopyPool pool =
                new CopyPool(
                        server,
                        "template",
                        "parity_fresh_",
                        1,
                        1,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(5))) {
            assertThatThrownBy(pool::take)
                    .isInstanceOf(EngineException.class)
                    .hasMessage(
                            "could not copy database 'template' to '"
                                    + pool.prefix()
                                    + "1': java.lang.StackOverflowError: deep in the driver")
                    .hasCause(error);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("at once, not after the wait's bound")
                .isLessThan(Duration.ofSeconds(10));
        try (CopyPool unpooled = new CopyPool(server, "template", "parity_fresh_", 0, 1)) {
            assertThatThrownBy(unpooled::take).isSameAs(error);
            assertThat(unpooled.maxOnServer()).isEqualTo(1);
        }
    }

    @Test
    void aCopyThatNeverComesFailsTheTakerAfterTheBoundAndClosingInterruptsItsMaker()
            throws Exception {
        HangingServer server = new HangingServer();
        CopyPool pool =
                new CopyPool(
                        server,
                        "template",
                        "parity_fresh_",
                        1,
                        1,
                        Duration.ofMillis(200),
                        Duration.ofMillis(100));
        long started = System.nanoTime();
        assertThatThrownBy(pool::take)
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith(
                        "no fresh copy of database 'template' within 200 ms: 1 being made (1 at once), 0 in use, 0 being dropped");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(200), Duration.ofSeconds(10));
        pool.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.interrupted.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.interrupted)
                .as("the stuck maker is interrupted, not left running")
                .hasValue(1);
        assertThatThrownBy(pool::take)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static void awaitReady(MemoryServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.databases.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.databases).as("made ahead of need").hasSize(count);
    }
}
