package dev.parity.engine;

import dev.parity.engine.support.JdbcUrls;
import org.apiguardian.api.API;

/**
 * How to reach a running server: a JDBC URL to its test database, the test user, and the user Parity
 * administers it as.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Server(
        String jdbcUrl,
        String username,
        String password,
        String adminUsername,
        String adminPassword,
        ServerShell shell) {

    /** A server without a container Parity can run commands in. */
    public Server(
            String jdbcUrl,
            String username,
            String password,
            String adminUsername,
            String adminPassword) {
        this(jdbcUrl, username, password, adminUsername, adminPassword, ServerShell.NONE);
    }

    /** {@link #jdbcUrl()} pointing at another database of the same server, with the same parameters. */
    public String urlOf(String database) {
        return JdbcUrls.withDatabase(jdbcUrl, database);
    }

    @Override
    public String toString() {
        return "Server[" + jdbcUrl + ", user " + username + "]"; // never the passwords
    }
}
