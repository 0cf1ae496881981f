package dev.parity.junit;

import dev.parity.database.DatabaseFaultSpec;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.ServerFaults;
import dev.parity.network.ProxyToxics;
import dev.parity.network.ToxicSpec;
import dev.parity.report.RunLog;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.function.Executable;

/**
 * One test's {@link Faults}: the network's on its class's proxy ({@code baseline} is what the test started
 * with), the server's on the test's database. The test's store closes it when the test ends, releasing any
 * lock still held; the database's own faults go with its copy, which is dropped.
 */
final class TestFaults implements Faults, AutoCloseable {

    private final Proxy proxy;
    private final List<ToxicSpec> baseline;
    private final TestDatabase database;
    private final Set<String> faultedTables = new LinkedHashSet<>();
    private final List<HeldLock> locks = new ArrayList<>();
    private int sessionsKilled;
    private boolean killing;
    private boolean limited;
    /** Each fault switched on, as called, for the run report. */
    private final List<String> applied = new ArrayList<>();
    /** What fired before a {@link #restore()} undid the database's faults, and their server-side counts with them. */
    private final Map<String, Long> writesFailedBefore = new LinkedHashMap<>();
    private long refusedBefore;
    private int failovers;
    private boolean databaseChanged;

    /**
     * The test's database, as far as faults need it.
     *
     * @param name     the database's name on its server
     * @param owned    whether only this test uses it (a {@link FreshDatabase} test's copy)
     * @param classesOnServer how many classes use its server now
     * @param test     the test, for messages
     */
    record TestDatabase(RunningDatabase server, String name, boolean owned, long seed, IntSupplier classesOnServer, String test) {
    }

    TestFaults(Proxy proxy, List<ToxicSpec> baseline, TestDatabase database) {
        this.proxy = proxy;
        this.baseline = List.copyOf(baseline);
        this.database = database;
    }

    private synchronized Faults add(String call, String type, Map<String, Long> attributes) {
        ProxyToxics.add(proxy, new ToxicSpec(type, "downstream", 1.0, attributes));
        applied.add(call);
        return this;
    }

    @Override
    public Faults latency(Duration latency) {
        return add("latency(" + latency.toMillis() + " ms)", "latency", Map.of("latency", latency.toMillis()));
    }

    @Override
    public Faults bandwidth(long kilobytesPerSecond) {
        return add("bandwidth(" + kilobytesPerSecond + " KB/s)", "bandwidth", Map.of("rate", kilobytesPerSecond));
    }

    @Override
    public Faults timeout(Duration timeout) {
        return add("timeout(" + timeout.toMillis() + " ms)", "timeout", Map.of("timeout", timeout.toMillis()));
    }

    @Override
    public Faults resetPeer(Duration after) {
        return add("resetPeer(" + after.toMillis() + " ms)", "reset_peer", Map.of("timeout", after.toMillis()));
    }

    @Override
    public Faults limitData(long bytes) {
        return add("limitData(" + bytes + " bytes)", "limit_data", Map.of("bytes", bytes));
    }

    @Override
    public Faults cut() {
        return add("cut()", "down", Map.of());
    }

    @Override
    public synchronized Faults failWrites(String table, String sqlState, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("failWrites(\"" + table + "\", \"" + sqlState + "\", " + probability + "): the probability is a share "
                    + "of the writes, from 0 to 1, for example 0.3");
        }
        return failWrites(table, sqlState, probability, -1);
    }

    @Override
    public synchronized Faults failWrites(String table, String sqlState, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("failWrites(\"" + table + "\", \"" + sqlState + "\", " + count + "): the count of writes to fail "
                    + "is 0 or more");
        }
        return failWrites(table, sqlState, 1.0, count);
    }

    private Faults failWrites(String table, String sqlState, double probability, long count) {
        DatabaseFaultSpec.sqlStateProblem(sqlState).ifPresent(problem -> {
            throw new IllegalArgumentException("failWrites(\"" + table + "\", \"" + sqlState + "\", ...): " + problem + ".");
        });
        String name = owned("failWrites");
        try (ServerFaults server = serverFaults()) {
            server.failWrites(name, table, sqlState, probability, count, database.seed());
        }
        faultedTables.add(table);
        databaseChanged = true;
        applied.add(DatabaseFaultSpec.failWrites(table, sqlState, probability, count).toString());
        return this;
    }

    @Override
    public synchronized Faults killSessions() {
        String name = owned("killSessions");
        try (ServerFaults server = serverFaults()) {
            sessionsKilled += server.killSessions(name);
        }
        killing = true;
        applied.add("killSessions()");
        return this;
    }

    @Override
    public synchronized Faults lock(String table, Duration duration) {
        String name = owned("lock");
        AutoCloseable lock;
        try (ServerFaults server = serverFaults()) {
            lock = server.lock(name, table);
        }
        HeldLock held = new HeldLock(table, lock, System.nanoTime());
        locks.add(held);
        applied.add("lock(\"" + table + "\", " + duration.toMillis() + " ms)");
        CompletableFuture.runAsync(held::release, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
        return this;
    }

    @Override
    public synchronized Faults statementTimeout(Duration timeout) {
        String name = owned("statementTimeout");
        try (ServerFaults server = serverFaults()) {
            server.statementTimeout(name, timeout);
        }
        databaseChanged = true;
        applied.add(DatabaseFaultSpec.statementTimeout(timeout.toMillis()).toString());
        return this;
    }

    @Override
    public synchronized Faults connectionLimit(int connections) {
        if (connections < 0) {
            throw new IllegalArgumentException("connectionLimit(" + connections + "): the number of sessions the database admits is 0 or more");
        }
        String name = owned("connectionLimit");
        try (ServerFaults server = serverFaults()) {
            server.connectionLimit(name, connections);
        }
        limited = true;
        databaseChanged = true;
        applied.add(DatabaseFaultSpec.connectionLimit(connections).toString());
        return this;
    }

    @Override
    public synchronized Faults readOnly() {
        String name = owned("readOnly");
        try (ServerFaults server = serverFaults()) {
            server.readOnly(name);
        }
        databaseChanged = true;
        killing = true;
        applied.add(DatabaseFaultSpec.readOnlyDatabase().toString());
        return this;
    }

    @Override
    public synchronized Faults failover(Duration downtime) {
        int classes = database.classesOnServer().getAsInt();
        if (classes > 1) {
            throw new IllegalStateException("failover() restarts the database server, and " + classes + " classes use it now: it would fail "
                    + "their tests too. Give the class a database server of its own: a profile whose database differs (for example "
                    + "another database.name), or run it apart from the classes that share its server.");
        }
        long started = System.nanoTime();
        boolean enabled = proxy.isEnabled();
        try {
            proxy.disable(); // refused at once, as a server that is down refuses, while it recovers and for the rest of the downtime
            Duration restart = database.server().restartServer(Duration.ofSeconds(60));
            RunLog.serverRestarted(database.test(), database.server().spec().image(), restart);
            long left = downtime.toNanos() - (System.nanoTime() - started);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            if (enabled) {
                proxy.enable();
            }
        } catch (IOException e) {
            throw new IllegalStateException("failover(): the Toxiproxy server did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("failover() was interrupted", e);
        }
        failovers++;
        applied.add("failover(" + downtime.toMillis() + " ms)");
        return this;
    }

    @Override
    public synchronized FaultReport report() {
        Map<String, Long> failed = new LinkedHashMap<>();
        long refused = 0;
        if (!faultedTables.isEmpty() || limited) {
            try (ServerFaults server = serverFaults()) {
                faultedTables.forEach(table -> failed.put(table, server.writesFailed(database.name(), table)));
                refused = limited ? server.connectionsRefused(database.name()) : 0;
            }
        }
        Map<String, Duration> held = new LinkedHashMap<>();
        locks.forEach(lock -> held.merge(lock.table, lock.held(), Duration::plus));
        return new FaultReport(failed, sessionsKilled, held, failovers, refused);
    }

    @Override
    public synchronized Faults restore() {
        ProxyToxics.reset(proxy, baseline);
        locks.forEach(HeldLock::release);
        if (databaseChanged) {
            try (ServerFaults server = serverFaults()) {
                faultedTables.forEach(table -> writesFailedBefore.merge(table, server.writesFailed(database.name(), table), Long::sum));
                refusedBefore += limited ? server.connectionsRefused(database.name()) : 0;
                server.clear(database.name());
            }
            databaseChanged = false;
        }
        return this;
    }

    @Override
    public void during(Consumer<Faults> faults, Executable action) throws Throwable {
        try {
            faults.accept(this);
            action.execute();
        } finally {
            restore();
        }
    }

    /** The faults switched on in the test, as called (declared ones too, which are applied through here). */
    synchronized List<String> applied() {
        return List.copyOf(applied);
    }

    /**
     * How often each fault switched on fired over the whole test, also before a {@link #restore()}: a fault that
     * never fired shows 0, since that is what a report reader looks for.
     */
    synchronized List<String> fired() {
        FaultReport now = report();
        List<String> fired = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>(writesFailedBefore.keySet());
        tables.addAll(faultedTables);
        tables.forEach(table -> fired.add("writes failed: " + table + " " + (writesFailedBefore.getOrDefault(table, 0L) + now.writesFailed(table))));
        if (killing) {
            fired.add("sessions killed: " + sessionsKilled);
        }
        if (limited) {
            fired.add("connections refused: " + (refusedBefore + now.connectionsRefused()));
        }
        now.lockHeld().forEach((table, held) -> fired.add("lock held: " + table + " " + held.toMillis() + " ms"));
        if (failovers > 0) {
            fired.add("failovers: " + failovers);
        }
        return fired;
    }

    @Override
    public Proxy proxy() {
        return proxy;
    }

    /** A lock still held at the test's end would hold up the copy's drop; the proxy is the class's to reset. */
    @Override
    public synchronized void close() {
        locks.forEach(HeldLock::release);
    }

    private ServerFaults serverFaults() {
        return database.server().engine().faults(database.server().server());
    }

    /** The test's database, if it is the test's own: a fault that changes a shared one would reach other tests. */
    private String owned(String method) {
        if (!database.owned()) {
            throw new IllegalStateException(method + "() changes the test's database, and " + database.test() + " shares its database with "
                    + "every other test of the class and every class of the profile. Annotate the test (or its class) with @FreshDatabase: "
                    + "it gets a database of its own, which " + method + "() may change.");
        }
        return database.name();
    }

    /** A lock Parity holds; released once, by its timer, by restore() or when the test ends. */
    private static final class HeldLock {

        private final String table;
        private final AutoCloseable lock;
        private final long taken;
        private long released;

        HeldLock(String table, AutoCloseable lock, long taken) {
            this.table = table;
            this.lock = lock;
            this.taken = taken;
        }

        synchronized void release() {
            if (released != 0) {
                return;
            }
            released = System.nanoTime();
            try {
                lock.close();
            } catch (Exception e) {
                // the lock's connection is gone, and its lock with it
            }
        }

        synchronized Duration held() {
            return Duration.ofNanos((released != 0 ? released : System.nanoTime()) - taken);
        }
    }
}
