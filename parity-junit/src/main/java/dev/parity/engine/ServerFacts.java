package dev.parity.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a running server says of itself, read for a profile's {@code expect:}: its version, the database's
 * encoding and collation, settings in effect, and the extensions (PostgreSQL) or plugins (MariaDB) it has.
 * Each is one catalog query on {@code connection}, a session of the test database.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ServerFacts {

    /** The version as the server gives it, e.g. {@code 15.8} or {@code 10.11.9-MariaDB}. */
    String version(Connection connection) throws SQLException;

    /** The database's character encoding, e.g. {@code UTF8} or {@code utf8mb4}. */
    String encoding(Connection connection) throws SQLException;

    /** The database's default collation, e.g. {@code en_US.UTF-8}, {@code und-x-icu} or {@code utf8mb4_general_ci}. */
    String collation(Connection connection) throws SQLException;

    /** The setting's value in effect, as the server shows it; empty if the server has no such setting. */
    Optional<String> setting(Connection connection, String name) throws SQLException;

    /** What a profile's {@code expect:} calls the server's add-ons: {@code extensions} or {@code plugins}. */
    String addOnsKey();

    /** The add-ons installed and active, by name in lower case. */
    Set<String> addOns(Connection connection) throws SQLException;
}
