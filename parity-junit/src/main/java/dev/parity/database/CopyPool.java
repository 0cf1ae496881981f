package dev.parity.database;

import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.EngineException;
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
 * <p>A copy that could not be made is handed to the next taker as the engine's failure, so the failure
 * shows in the test that needed the copy. Closing drops every copy that is not kept; thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CopyPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DatabaseCopies copies;
    private final String template;
    private final String prefix;
    private final int size;
    private final int workers;
    private final ExecutorService executor;

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
        if (size < 0 || workers < 1) {
            throw new IllegalArgumentException("size " + size + " and workers " + workers + ": size must be 0 or more, workers 1 or more");
        }
        this.copies = copies;
        this.template = template;
        int number = POOLS.incrementAndGet();
        this.prefix = prefix + number + "_";
        this.size = size;
        this.workers = workers;
        this.executor = size == 0 ? null : Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "parity-copy-pool-" + number);
            thread.setDaemon(true); // never keeps a JVM alive; close() is what drops the copies
            return thread;
        });
        refill();
    }

    /** The start of every copy's name: what to look for on the server. */
    public String prefix() {
        return prefix;
    }

    /**
     * A copy of its own, waiting for one to be ready if none is.
     *
     * @throws EngineException       the engine's failure, if the copy could not be made
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
            } catch (RuntimeException e) {
                synchronized (this) {
                    inUse--;
                }
                throw e;
            }
        }
        Made made;
        synchronized (this) {
            while (ready.isEmpty() && !closed) {
                wait();
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
                // what is being made finishes, so that it can be dropped below rather than left behind
                executor.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
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
        } catch (RuntimeException e) {
            made = new Made(name, null, e instanceof EngineException engine ? engine
                    : new EngineException("could not copy database '" + template + "' to '" + name + "': " + e, e));
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

    private void noteOnServer(int adding) {
        maxOnServer = Math.max(maxOnServer, ready.size() + making + dropping + inUse + adding);
    }

    private synchronized String nextName() {
        return prefix + (++sequence);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the pool of copies of " + template + " is closed: the test run is ending");
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
    private record Made(String name, String url, EngineException failure) {
    }

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
                    dropping++; // still on the server until dropped: it counts against the size meanwhile
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
