package dev.parity.junit;

import dev.parity.network.ProxyEndpoint;
import dev.parity.network.ToxicSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.Executable;

/**
 * One test's {@link Faults}: each method handed to its side, the network's ({@link NetworkFaults}, on its class's
 * proxy) or the database server's ({@link DatabaseFaults}, on the test's database), and both sides' bookkeeping in
 * one {@link FaultBook}. The test's store closes it when the test ends, releasing any lock still held.
 */
final class TestFaults implements Faults, AutoCloseable {

    private final FaultBook book = new FaultBook();
    private final NetworkFaults network;
    private final DatabaseFaults database;

    /** @param baseline the toxics the test started with, which {@link #restore()} puts back */
    TestFaults(
            ProxyEndpoint proxy,
            List<ToxicSpec> baseline,
            DatabaseFaults.TestDatabase testDatabase) {
        this.network = new NetworkFaults(proxy, baseline, book);
        this.database = new DatabaseFaults(testDatabase, network, book);
        book.track(network, database);
    }

    @Override
    public Faults latency(Duration latency) {
        network.latency(latency);
        return this;
    }

    @Override
    public Faults bandwidth(long kilobytesPerSecond) {
        network.bandwidth(kilobytesPerSecond);
        return this;
    }

    @Override
    public Faults timeout(Duration timeout) {
        network.timeout(timeout);
        return this;
    }

    @Override
    public Faults resetPeer(Duration after) {
        network.resetPeer(after);
        return this;
    }

    @Override
    public Faults limitData(long bytes) {
        network.limitData(bytes);
        return this;
    }

    @Override
    public Faults cut() {
        network.cut();
        return this;
    }

    @Override
    public Faults failWrites(String table, String sqlState, double probability) {
        database.failWrites(table, sqlState, probability);
        return this;
    }

    @Override
    public Faults failWrites(String table, String sqlState, int count) {
        database.failWrites(table, sqlState, count);
        return this;
    }

    @Override
    public Faults killSessions() {
        database.killSessions();
        return this;
    }

    @Override
    public Faults lock(String table, Duration duration) {
        database.lock(table, duration);
        return this;
    }

    @Override
    public Faults statementTimeout(Duration timeout) {
        database.statementTimeout(timeout);
        return this;
    }

    @Override
    public Faults connectionLimit(int connections) {
        database.connectionLimit(connections);
        return this;
    }

    @Override
    public Faults readOnly() {
        database.readOnly();
        return this;
    }

    @Override
    public Faults failover(Duration downtime) {
        database.failover(downtime);
        return this;
    }

    @Override
    public FaultReport report() {
        return database.report();
    }

    @Override
    public Faults restore() {
        book.restore();
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

    @Override
    public NetworkProxy proxy() {
        return network.proxy();
    }

    /** The faults switched on in the test, as called (declared ones too, which are applied through here). */
    List<String> applied() {
        return book.applied();
    }

    /** How often each fault fired over the whole test, for the run report. */
    List<String> fired() {
        return book.fired();
    }

    @Override
    public void close() {
        book.close();
    }
}
