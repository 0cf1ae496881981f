package dev.parity.engine;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.engine.sql.ClientCommand;
import java.net.URL;
import java.util.List;
import org.apiguardian.api.API;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * Init scripts written for the engine's command-line client rather than for JDBC: psql's meta-commands
 * and {@code COPY ... FROM stdin} on PostgreSQL, which Parity then runs with psql inside the database's
 * container; the MariaDB client's {@code source}, which it refuses before anything starts. A script
 * without such commands goes over JDBC, statement by statement, which is faster.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ClientScripts {

    /** What in {@code script} only the client understands, in order; none: JDBC runs it. */
    List<ClientCommand> commandsIn(String script);

    /**
     * Adds a problem if Parity cannot run the script {@code name} (found at {@code source}, listed at
     * {@code at}) whose client commands are {@code commands}.
     */
    void check(
            String name,
            URL source,
            List<ClientCommand> commands,
            Location at,
            List<Problem> problems);

    /**
     * Runs the script {@code name}, found at {@code source}, with the client inside {@code container}, as
     * the administrator, as the client would run it from the script's directory.
     *
     * @throws ScriptFailedException where it failed, with the server's message
     */
    void run(String name, URL source, JdbcDatabaseContainer<?> container, DatabaseSpec spec)
            throws ScriptFailedException;
}
