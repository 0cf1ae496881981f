package dev.parity.engine.postgres;

import dev.parity.engine.ServerFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL's facts, from {@code SHOW}, {@code pg_database}, {@code pg_settings} and {@code pg_extension}. */
final class PostgresFacts implements ServerFacts {

    @Override
    public String version(Connection connection) throws SQLException {
        return one(connection, "show server_version", null).orElse("");
    }

    @Override
    public String encoding(Connection connection) throws SQLException {
        return one(connection, "select pg_encoding_to_char(encoding) from pg_database where datname = current_database()", null).orElse("");
    }

    /** The ICU locale where the database's provider is ICU (PostgreSQL 15 and later), else its lc_collate. */
    @Override
    public String collation(Connection connection) throws SQLException {
        boolean icuKnown = one(connection, "select count(*) from pg_attribute where attrelid = 'pg_database'::regclass "
                + "and attname = 'daticulocale'", null).map(count -> !count.equals("0")).orElse(false);
        return one(connection, icuKnown ? "select case when datlocprovider = 'i' then daticulocale else datcollate end from pg_database "
                + "where datname = current_database()" : "select datcollate from pg_database where datname = current_database()", null).orElse("");
    }

    @Override
    public Optional<String> setting(Connection connection, String name) throws SQLException {
        // current_setting shows it with its unit, as a profile writes it ("4MB", not "4096")
        return one(connection, "select current_setting(name) from pg_settings where name = lower(?)", name);
    }

    @Override
    public String addOnsKey() {
        return "extensions";
    }

    @Override
    public Set<String> addOns(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("select extname from pg_extension");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static Optional<String> one(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
