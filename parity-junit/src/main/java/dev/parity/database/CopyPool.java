package dev.parity.database;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Copies of one template, made ahead of need so that a test takes one that is already there. Background
 * workers keep {@code size} copies ready; a copy taken is the taker's until it {@link Lease#release()}s it
 * (dropped in the background) or {@link Lease#keep()}s it (left on the server). Bounded: the copies
 * ready, being made and being dropped together never exceed {@code size}, so the server never holds more
 * than {@code size} plus those in use (plus those kept). With {@code size} 0 there is no background work:
 * each copy is made when taken and dropped when released, on the caller's thread.
 *
 * <p>A copy that could not be made is handed to the next taker as the engine's failure (any other throwable
 * of the maker as its cause), so the failure shows in the test that needed the copy. A taker waits at most
 * {@link #DEFAULT_WAIT} for a copy; closing waits at most {@link #STOP_WAIT} for the copies being made, then
 * interrupts their makers. Closing drops every copy that is not kept; thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CopyPool implements AutoCloseable {

    /** How long a taker waits for a copy: a template copy takes seconds; minutes mean the server or a maker is stuck. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    /** How long closing waits for the copies being made, so that it can drop them rather than leave them behind. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DatabaseCopies copies;
    private final String template;
    private final String prefix;
    private final int size;
    private final int workers;
    private final ExecutorService executor;
    private final Duration wait;
    private final Duration stopWait;

    // guarded by this
    private final Deque<Made> ready = new ArrayDeque<>();
    private int making;
    private int dropping;
    private int inUse;
    private int maxOnServer;
    private long sequence;
    private boolean closed;

    /**
     * @param copies   how the server copies and drops databases
     * @param template the database every copy is made from, which nobody connects to
     * @param prefix   the start of every copy's name, to which the pool adds its number in this JVM and {@code _}
     * @param size     how many copies to keep ready, 0 or more
     * @param workers  how many copies are made or dropped at once, 1 or more
     */
    public CopyPool(DatabaseCopies copies, String template, String prefix, int size, int workers) {
        this(copies, template, prefix, size, workers, DEFAULT_WAIT, STOP_WAIT);
    }

    /**
     * @param wait     how long {@link #take()} waits for a copy to be ready
     * @param stopWait how long {@link #close()} waits for the copies being made before it interrupts their makers
     */
    CopyPool(
            DatabaseCopies copies,
            String template,
            String prefix,
            int size,
            int workers,
            Duration wait,
            Duration stopWait) {
        if (size < 0 || workers < 1) {
            throw new IllegalArgumentException(
                    "size "
                            + size
                            + " and workers "
                            + workers
                            + ": size must be 0 or more, workers 1 or more");
        }
        this.copies = copies;
        this.template = template;
        int number = POOLS.incrementAndGet();
        this.prefix = prefix + number + "_";
        this.size = size;
        this.workers = workers;
        this.wait = wait;
        this.stopWait = stopWait;
        this.executor =
                size == 0
                        ? null
                        : Executors.newFixedThreadPool(
                                workers,
                                task -> {
                                    Thread thread = new Thread(task, "parity-copy-pool-" + number);
                                    thread.setDaemon(
                                            true); // never keeps a JVM alive; close() is what drops
                                    // the copies
                                    return thread;
                                });
        refill();
    }

    /** The start of every copy's name: what to look for on the server. */
    public String prefix() {
        return prefix;
    }

    /**
     * A copy of its own, waiting for one to be ready if none is, for a bounded time.
     *
     * @throws EngineException       the engine's failure, if the copy could not be made, or that none was ready in time
     * @throws IllegalStateException if the pool is closed
     */
    public Lease take() throws InterruptedException {
        if (size == 0) {
            String name = nextName();
            synchronized (this) {
                checkOpen();
                inUse++;
                noteOnServer(0);
            }
            try {
                return new Lease(name, copies.cloneOf(template, name));
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    inUse--;
                }
                throw e;
            }
        }
        Made made;
        synchronized (this) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (ready.isEmpty() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new EngineException(
                            "no fresh copy of database '"
                                    + template
                                    + "' within "
                                    + seconds(wait)
                                    + ": "
                                    + making
                                    + " being made ("
                                    + workers
                                    + " at once), "
                                    + inUse
                                    + " in use, "
                                    + dropping
                                    + " being dropped; the server"
                                    + " copies too slowly or a copy hangs. Look at the database server's load and its log.",
                            null);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            checkOpen();
            made = ready.poll();
            if (made.failure == null) {
                inUse++;
            }
        }
        refill();
        if (made.failure != null) {
            throw made.failure;
        }
        return new Lease(made.name, made.url);
    }

    /** How many copies the server held at most at once, kept ones aside: never more than {@code size} plus those in use. */
    public synchronized int maxOnServer() {
        return maxOnServer;
    }

    /** The pool's size: how many copies it keeps ready. */
    public int size() {
        return size;
    }

    /** Drops every copy not in use now, and those in use when released; kept copies stay. */
    @Override
    public void close() {
        Deque<Made> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayDeque<>(ready);
            ready.clear();
            notifyAll();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                // what is being made finishes, so that it can be dropped below rather than left
                // behind
                if (!executor.awaitTermination(stopWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    executor.shutdownNow(); // a maker stuck longer than that: interrupted; its copy
                    // dies with the container
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            left.addAll(ready);
            ready.clear();
        }
        for (Made made : left) {
            if (made.failure == null) {
                dropQuietly(made.name);
            }
        }
        copies.close();
    }

    /** Starts making copies while the budget allows: ready, being made and being dropped stay within {@code size}. */
    private void refill() {
        if (executor == null) {
            return;
        }
        synchronized (this) {
            while (!closed && making < workers && ready.size() + making + dropping < size) {
                making++;
                noteOnServer(0);
                String name = nextName();
                executor.execute(() -> make(name));
            }
        }
    }

    private void make(String name) {
        Made made;
        try {
            made = new Made(name, copies.cloneOf(template, name), null);
        } catch (Throwable e) { // an Error too: the taker waiting for this copy must hear of it
            made =
                    new Made(
                            name,
                            null,
                            e instanceof EngineException engine
                                    ? engine
                                    : new EngineException(
                                            "could not copy database '"
                                                    + template
                                                    + "' to '"
                                                    + name
                                                    + "': "
                                                    + e,
                                            e));
        }
        synchronized (this) {
            making--;
            if (closed) {
                if (made.failure == null) {
                    ready.add(made); // close() drops it
                }
                return;
            }
            ready.add(made);
            notifyAll();
        }
        if (made.failure == null) {
            refill();
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    private void noteOnServer(int adding) {
        maxOnServer = Math.max(maxOnServer, ready.size() + making + dropping + inUse + adding);
    }

    private synchronized String nextName() {
        return prefix + (++sequence);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the pool of copies of " + template + " is closed: the test run is ending");
        }
    }

    private void dropQuietly(String name) {
        try {
            copies.drop(name);
        } catch (RuntimeException e) {
            // the server may be gone already at the end of a run; a copy dies with its container
        }
    }

    /** A copy made, or the engine's failure to make it. */
    private record Made(String name, String url, EngineException failure) {}

    /** A copy taken from the pool: the taker's until released or kept. */
    public final class Lease {

        private final String name;
        private final String url;
        private boolean done;

        private Lease(String name, String url) {
            this.name = name;
            this.url = url;
        }

        /** The copy's database name. */
        public String name() {
            return name;
        }

        /** Its JDBC URL, straight to the server. */
        public String url() {
            return url;
        }

        /** Done with it: dropped in the background (at once with a pool of size 0); only the first call counts. */
        public void release() {
            synchronized (CopyPool.this) {
                if (done) {
                    return;
                }
                done = true;
                inUse--;
                if (executor != null && !closed) {
                    dropping++; // still on the server until dropped: it counts against the size
                    // meanwhile
                    executor.execute(this::drop);
                    return;
                }
            }
            dropQuietly(name); // no worker to hand it to: dropped here and now
        }

        /** Left on the server, for someone to look at; outside the pool's bounds from now on. */
        public void keep() {
            synchronized (CopyPool.this) {
                if (!done) {
                    done = true;
                    inUse--;
                }
            }
            refill();
        }

        private void drop() {
            try {
                dropQuietly(name);
            } finally {
                synchronized (CopyPool.this) {
                    dropping--;
                }
                refill();
            }
        }
    }
}
