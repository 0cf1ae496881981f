package dev.parity.junit;

import dev.parity.database.DatabaseFaultSpec;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.ServerFaults;
import dev.parity.report.RunLog;
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
import java.util.function.IntSupplier;

/**
 * One test's database faults, made by the server through its engine ({@link ServerFaults}): failing writes, killed
 * sessions, locks, a statement timeout, a connection limit, a read-only database, a restart. All but the restart
 * change the test's database, so they need one of the test's own. {@link #restore()} undoes them, keeping what
 * fired for the report; the database's own faults go with its copy, which is dropped after the test.
 */
final class DatabaseFaults implements FaultBook.Side {

    /**
     * The test's database, as far as faults need it.
     *
     * @param name            the database's name on its server
     * @param owned           whether only this test uses it (a {@link FreshDatabase} test's copy)
     * @param seed            the run's seed, which decides which writes fail
     * @param classesOnServer how many classes use its server now
     * @param test            the test, for messages
     */
    record TestDatabase(
            RunningDatabase server,
            String name,
            boolean owned,
            long seed,
            IntSupplier classesOnServer,
            String test) {}

    private final TestDatabase database;
    private final NetworkFaults network;
    private final FaultBook book;
    private final Set<String> faultedTables = new LinkedHashSet<>();
    private final List<HeldLock> locks = new ArrayList<>();
    private int sessionsKilled;
    private boolean killing;
    private boolean limited;
    private int failovers;
    private boolean databaseChanged;

    /** What fired before a {@link #restore()} undid the database's faults, and their server-side counts with them. */
    private final Map<String, Long> writesFailedBefore = new LinkedHashMap<>();

    private long refusedBefore;

    /** @param network the test's network, which a restarting server takes down with it */
    DatabaseFaults(TestDatabase database, NetworkFaults network, FaultBook book) {
        this.database = database;
        this.network = network;
        this.book = book;
    }

    void failWrites(String table, String sqlState, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    "failWrites(\""
                            + table
                            + "\", \""
                            + sqlState
                            + "\", "
                            + probability
                            + "): the probability is a share "
                            + "of the writes, from 0 to 1, for example 0.3");
        }
        failWrites(table, sqlState, probability, -1);
    }

    void failWrites(String table, String sqlState, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(
                    "failWrites(\""
                            + table
                            + "\", \""
                            + sqlState
                            + "\", "
                            + count
                            + "): the count of writes to fail "
                            + "is 0 or more");
        }
        failWrites(table, sqlState, 1.0, count);
    }

    private synchronized void failWrites(
            String table, String sqlState, double probability, long count) {
        DatabaseFaultSpec.sqlStateProblem(sqlState)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    "failWrites(\""
                                            + table
                                            + "\", \""
                                            + sqlState
                                            + "\", ...): "
                                            + problem
                                            + ".");
                        });
        String name = owned("failWrites");
        try (ServerFaults server = serverFaults()) {
            server.failWrites(name, table, sqlState, probability, count, database.seed());
        }
        faultedTables.add(table);
        databaseChanged = true;
        book.applied(DatabaseFaultSpec.failWrites(table, sqlState, probability, count).toString());
    }

    synchronized void killSessions() {
        String name = owned("killSessions");
        try (ServerFaults server = serverFaults()) {
            sessionsKilled += server.killSessions(name);
        }
        killing = true;
        book.applied("killSessions()");
    }

    synchronized void lock(String table, Duration duration) {
        String name = owned("lock");
        AutoCloseable lock;
        try (ServerFaults server = serverFaults()) {
            lock = server.lock(name, table);
        }
        HeldLock held = new HeldLock(table, lock, System.nanoTime());
        locks.add(held);
        book.applied("lock(\"" + table + "\", " + duration.toMillis() + " ms)");
        CompletableFuture.runAsync(
                held::release,
                CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
    }

    synchronized void statementTimeout(Duration timeout) {
        String name = owned("statementTimeout");
        try (ServerFaults server = serverFaults()) {
            server.statementTimeout(name, timeout);
        }
        databaseChanged = true;
        book.applied(DatabaseFaultSpec.statementTimeout(timeout.toMillis()).toString());
    }

    synchronized void connectionLimit(int connections) {
        if (connections < 0) {
            throw new IllegalArgumentException(
                    "connectionLimit("
                            + connections
                            + "): the number of sessions the database admits is 0 or more");
        }
        String name = owned("connectionLimit");
        try (ServerFaults server = serverFaults()) {
            server.connectionLimit(name, connections);
        }
        limited = true;
        databaseChanged = true;
        book.applied(DatabaseFaultSpec.connectionLimit(connections).toString());
    }

    synchronized void readOnly() {
        String name = owned("readOnly");
        try (ServerFaults server = serverFaults()) {
            server.readOnly(name);
        }
        databaseChanged = true;
        killing = true;
        book.applied(DatabaseFaultSpec.readOnlyDatabase().toString());
    }

    synchronized void failover(Duration downtime) {
        int classes = database.classesOnServer().getAsInt();
        if (classes > 1) {
            throw new IllegalStateException(
                    "failover() restarts the database server, and "
                            + classes
                            + " classes use it now: it would fail "
                            + "their tests too. Give the class a database server of its own: a profile whose database differs (for example "
                            + "another database.name), or run it apart from the classes that share its server.");
        }
        long started = System.nanoTime();
        try {
            // refused at once, as a server that is down refuses, while it recovers and for the rest
            // of the downtime
            network.refusingConnections(
                    () -> {
                        Duration restart = database.server().restartServer(Duration.ofSeconds(60));
                        RunLog.serverRestarted(
                                database.test(), database.server().spec().image(), restart);
                        long left = downtime.toNanos() - (System.nanoTime() - started);
                        if (left > 0) {
                            TimeUnit.NANOSECONDS.sleep(left);
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException(
                    "failover(): the Toxiproxy server did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("failover() was interrupted", e);
        }
        failovers++;
        book.applied("failover(" + downtime.toMillis() + " ms)");
    }

    /** How often the faults fired since the last {@link #restore()}; the server counts failed writes and refused sessions. */
    synchronized FaultReport report() {
        Map<String, Long> failed = new LinkedHashMap<>();
        long refused = 0;
        if (!faultedTables.isEmpty() || limited) {
            try (ServerFaults server = serverFaults()) {
                faultedTables.forEach(
                        table -> failed.put(table, server.writesFailed(database.name(), table)));
                refused = limited ? server.connectionsRefused(database.name()) : 0;
            }
        }
        Map<String, Duration> held = new LinkedHashMap<>();
        locks.forEach(lock -> held.merge(lock.table(), lock.held(), Duration::plus));
        return new FaultReport(failed, sessionsKilled, held, failovers, refused);
    }

    /** Locks released and the database's faults cleared, their server-side counts kept for {@link #fired()}. */
    @Override
    public synchronized void restore() {
        locks.forEach(HeldLock::release);
        if (databaseChanged) {
            try (ServerFaults server = serverFaults()) {
                faultedTables.forEach(
                        table ->
                                writesFailedBefore.merge(
                                        table,
                                        server.writesFailed(database.name(), table),
                                        Long::sum));
                refusedBefore += limited ? server.connectionsRefused(database.name()) : 0;
                server.clear(database.name());
            }
            databaseChanged = false;
        }
    }

    /**
     * How often each fault switched on fired over the whole test, also before a {@link #restore()}: a fault that
     * never fired shows 0, since that is what a report reader looks for.
     */
    @Override
    public synchronized List<String> fired() {
        FaultReport now = report();
        List<String> fired = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>(writesFailedBefore.keySet());
        tables.addAll(faultedTables);
        tables.forEach(
                table ->
                        fired.add(
                                "writes failed: "
                                        + table
                                        + " "
                                        + (writesFailedBefore.getOrDefault(table, 0L)
                                                + now.writesFailed(table))));
        if (killing) {
            fired.add("sessions killed: " + sessionsKilled);
        }
        if (limited) {
            fired.add("connections refused: " + (refusedBefore + now.connectionsRefused()));
        }
        now.lockHeld()
                .forEach(
                        (table, held) ->
                                fired.add("lock held: " + table + " " + held.toMillis() + " ms"));
        if (failovers > 0) {
            fired.add("failovers: " + failovers);
        }
        return fired;
    }

    /** A lock still held at the test's end would hold up the copy's drop. */
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
            throw new IllegalStateException(
                    method
                            + "() changes the test's database, and "
                            + database.test()
                            + " shares its database with "
                            + "every other test of the class and every class of the profile. Annotate the test (or its class) with @FreshDatabase: "
                            + "it gets a database of its own, which "
                            + method
                            + "() may change.");
        }
        return database.name();
    }
}
