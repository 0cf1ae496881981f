package dev.parity.engine.mariadb;

import dev.parity.engine.Server;
import dev.parity.engine.ServerFaults;
import java.time.Duration;

/** MariaDB's faults: to be written (see PostgresFaults for the PostgreSQL side). */
final class MariaDbFaults implements ServerFaults {

    private final Server server;

    MariaDbFaults(Server server) {
        this.server = server;
    }

    @Override
    public void failWrites(String database, String table, String sqlState, double probability, long count, long seed) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public long writesFailed(String database, String table) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public int killSessions(String database) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public AutoCloseable lock(String database, String table) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void statementTimeout(String database, Duration timeout) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void readOnly(String database) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void clear(String database) {
        throw new UnsupportedOperationException("not yet");
    }
}
