package dev.parity.engine.mariadb;

import static dev.parity.engine.AdminSessions.firstValue;
import static dev.parity.engine.AdminSessions.lowerCaseValues;

import dev.parity.engine.ServerFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** MariaDB's facts, from {@code version()}, the database's defaults, {@code information_schema}'s variables and plugins. */
final class MariaDbFacts implements ServerFacts {

    @Override
    public String version(Connection connection) throws SQLException {
        return firstValue(connection, "select version()", null).orElse("");
    }

    @Override
    public String encoding(Connection connection) throws SQLException {
        return firstValue(
                        connection,
                        "select default_character_set_name from information_schema.schemata where schema_name = database()",
                        null)
                .orElse("");
    }

    @Override
    public String collation(Connection connection) throws SQLException {
        return firstValue(
                        connection,
                        "select default_collation_name from information_schema.schemata where schema_name = database()",
                        null)
                .orElse("");
    }

    /** The global value: what every new session starts with, as production's {@code SHOW GLOBAL VARIABLES} lists it. */
    @Override
    public Optional<String> setting(Connection connection, String name) throws SQLException {
        return firstValue(
                connection,
                "select variable_value from information_schema.global_variables where variable_name = upper(?)",
                name.replace('-', '_'));
    }

    @Override
    public String addOnsKey() {
        return "plugins";
    }

    @Override
    public Set<String> addOns(Connection connection) throws SQLException {
        return lowerCaseValues(
                connection,
                "select plugin_name from information_schema.plugins where plugin_status = 'ACTIVE'");
    }
}
