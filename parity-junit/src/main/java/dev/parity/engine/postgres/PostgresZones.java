package dev.parity.engine.postgres;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The session's zone is {@code TimeZone} (pgjdbc sends the JVM's at connect); the server's own is {@code log_timezone}. */
final class PostgresZones implements ZoneSupport {

    @Override
    public Reading read(Connection connection, List<Instant> instants) throws SQLException {
        return new Reading(setting(connection, "TimeZone"),
                "current_setting('TimeZone'): sent by the driver when the connection opened, or set by the URL or the server's settings",
                offsets(connection, "TimeZone", instants),
                setting(connection, "log_timezone"), "log_timezone: the container's TZ and the server's settings from the profile",
                offsets(connection, "log_timezone", instants), "a 'timezone' under database.settings, an 'options' or 'TimeZone' in the JDBC URL");
    }

    private static List<Integer> offsets(Connection connection, String setting, List<Instant> instants) throws SQLException {
        List<Integer> offsets = new ArrayList<>();
        // (t at time zone z) is the wall time in z; minus the UTC wall time, it is z's offset at t
        try (PreparedStatement select = connection.prepareStatement(
                "select extract(epoch from ((?::timestamptz) at time zone current_setting(?)) - ((?::timestamptz) at time zone 'UTC'))::int")) {
            for (Instant instant : instants) {
                select.setString(1, instant.toString());
                select.setString(2, setting);
                select.setString(3, instant.toString());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    offsets.add(row.getInt(1));
                }
            }
        }
        return offsets;
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select current_setting(?)")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
