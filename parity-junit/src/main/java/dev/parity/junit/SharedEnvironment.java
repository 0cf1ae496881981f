package dev.parity.junit;

import dev.parity.database.RunningDatabase;
import dev.parity.network.ToxiproxyServer;
import dev.parity.report.RunReport;
import java.util.Optional;

/**
 * One data variant on a {@link SharedServer}, shared by the classes that ask for that data: its database (the
 * server's primary, or a copy of the server's base for a further variant); with {@code snapshot}, the name of an
 * untouched copy of its state after migrations, init scripts and datasets, for fresh databases; {@code loadedData}
 * whether datasets were loaded; {@code described} how the run report tells it. The server stops it with itself.
 */
record SharedEnvironment(
        SharedServer server,
        RunningDatabase database,
        Optional<String> snapshot,
        boolean loadedData,
        RunReport.Environment described) {

    /** The Toxiproxy server in front of the database's server. */
    ToxiproxyServer toxiproxy() {
        return server.toxiproxy();
    }
}
