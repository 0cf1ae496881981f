package dev.parity.engine.postgres;

import static dev.parity.engine.AdminSessions.firstValue;
import static dev.parity.engine.AdminSessions.lowerCaseValues;

import dev.parity.engine.ServerFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL's facts, from {@code SHOW}, {@code pg_database}, {@code pg_settings} and {@code pg_extension}. */
final class PostgresFacts implements ServerFacts {

    @Override
    public String version(Connection connection) throws SQLException {
        return firstValue(connection, "show server_version", null).orElse("");
    }

    @Override
    public String encoding(Connection connection) throws SQLException {
        return firstValue(
                        connection,
                        "select pg_encoding_to_char(encoding) from pg_database where datname = current_database()",
                        null)
                .orElse("");
    }

    /** The ICU locale where the database's provider is ICU (PostgreSQL 15 and later), else its lc_collate. */
    @Override
    public String collation(Connection connection) throws SQLException {
        boolean icuKnown =
                firstValue(
                                connection,
                                "select count(*) from pg_attribute where attrelid = 'pg_database'::regclass "
                                        + "and attname = 'daticulocale'",
                                null)
                        .map(count -> !count.equals("0"))
                        .orElse(false);
        return firstValue(
                        connection,
                        icuKnown
                                ? "select case when datlocprovider = 'i' then daticulocale else datcollate end from pg_database "
                                        + "where datname = current_database()"
                                : "select datcollate from pg_database where datname = current_database()",
                        null)
                .orElse("");
    }

    @Override
    public Optional<String> setting(Connection connection, String name) throws SQLException {
        // current_setting shows it with its unit, as a profile writes it ("4MB", not "4096")
        return firstValue(
                connection,
                "select current_setting(name) from pg_settings where name = lower(?)",
                name);
    }

    @Override
    public String addOnsKey() {
        return "extensions";
    }

    @Override
    public Set<String> addOns(Connection connection) throws SQLException {
        return lowerCaseValues(connection, "select extname from pg_extension");
    }
}
