package dev.parity.engine.mariadb;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's zone is {@code @@session.time_zone} (the driver sets it to the JVM's at connect); the
 * server's own is {@code @@global.time_zone}, {@code SYSTEM} meaning the container's. Offsets come from
 * {@code FROM_UNIXTIME}, which answers in the session's zone, so the server's are read with the session
 * switched to it for a moment.
 */
final class MariaDbZones implements ZoneSupport {

    @Override
    public Reading read(Connection connection, List<Instant> instants) throws SQLException {
        String session = single(connection, "select @@session.time_zone");
        String global = single(connection, "select if(@@global.time_zone = 'SYSTEM', concat('SYSTEM (', @@system_time_zone, ')'), @@global.time_zone)");
        List<Integer> sessionOffsets = offsets(connection, instants);
        List<Integer> serverOffsets;
        try (Statement statement = connection.createStatement()) {
            statement.execute("set @parity_zone = @@session.time_zone, time_zone = @@global.time_zone");
            try {
                serverOffsets = offsets(connection, instants);
            } finally {
                statement.execute("set time_zone = @parity_zone");
            }
        }
        return new Reading(session, "@@session.time_zone: set by the driver from the JVM's zone when the connection opened, or by the URL",
                sessionOffsets, global, "@@global.time_zone: --default-time-zone from the profile's timezone, or the container's TZ",
                serverOffsets, "a 'default_time_zone' under database.settings, a 'connectionTimeZone' or 'forceConnectionTimeZoneToSession' in the JDBC URL");
    }

    private static List<Integer> offsets(Connection connection, List<Instant> instants) throws SQLException {
        List<Integer> offsets = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select timestampdiff(second, '1970-01-01 00:00:00', from_unixtime(?)) - ?")) {
            for (Instant instant : instants) {
                select.setLong(1, instant.getEpochSecond());
                select.setLong(2, instant.getEpochSecond());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    offsets.add(row.getInt(1));
                }
            }
        }
        return offsets;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
