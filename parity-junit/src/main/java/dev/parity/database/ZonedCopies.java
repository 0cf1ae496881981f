package dev.parity.database;

import dev.parity.engine.DatabaseCopies;
import java.time.ZoneId;

/**
 * The copies of a database that has a zone of its own: each clone gets the zone too, since an engine's copy takes
 * the tables, not the database's settings ({@code CREATE DATABASE ... TEMPLATE} leaves {@code ALTER DATABASE ... SET}
 * behind).
 */
final class ZonedCopies implements DatabaseCopies {

    private final DatabaseCopies copies;
    private final ZoneId zone;

    ZonedCopies(DatabaseCopies copies, ZoneId zone) {
        this.copies = copies;
        this.zone = zone;
    }

    @Override
    public void snapshot(String database, String snapshot) {
        copies.snapshot(database, snapshot); // never used itself: its clones get the zone
    }

    @Override
    public String cloneOf(String template, String clone) {
        String url = copies.cloneOf(template, clone);
        copies.pinZone(clone, zone);
        return url;
    }

    @Override
    public void pinZone(String database, ZoneId other) {
        copies.pinZone(database, other);
    }

    @Override
    public void drop(String database) {
        copies.drop(database);
    }

    @Override
    public String shellCommand(String database, String host, int port) {
        return copies.shellCommand(database, host, port);
    }

    @Override
    public void close() {
        copies.close();
    }
}
