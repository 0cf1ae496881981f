package dev.parity.engine.mariadb;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's zone is {@code @@session.time_zone} (the driver sets it to the JVM's at connect); the
 * server's own is {@code @@global.time_zone}, {@code SYSTEM} meaning the container's. {@code FROM_UNIXTIME}
 * answers in the session's zone; {@code CONVERT_TZ} from UTC gives the server's. One round trip.
 */
final class MariaDbZones implements ZoneSupport {

    @Override
    public List<String> zoneSettings() {
        return List.of("default_time_zone");
    }

    @Override
    public Reading read(Connection connection, List<Instant> instants) throws SQLException {
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            numbered.add("select ? as t, " + i + " as i");
        }
        String probes = String.join(" union all ", numbered);
        String sql =
                "select @@session.time_zone,"
                        + " if(@@global.time_zone = 'SYSTEM', concat('SYSTEM (', @@system_time_zone, ')'), @@global.time_zone),"
                        + " timestampdiff(second, '1970-01-01 00:00:00', from_unixtime(t)) - t,"
                        + " timestampdiff(second, utc, convert_tz(utc, '+00:00', @@global.time_zone))"
                        + " from (select t, from_unixtime(t) - interval (timestampdiff(second, '1970-01-01 00:00:00', from_unixtime(t)) - t) second"
                        + " as utc, i from ("
                        + probes
                        + ") p) q order by i";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < instants.size(); i++) {
                select.setLong(i + 1, instants.get(i).getEpochSecond());
            }
            return Reading.of(
                    select,
                    "@@session.time_zone: set by the driver from the JVM's zone when the connection opened, or by the URL",
                    "@@global.time_zone: --default-time-zone from the profile's timezone, or the container's TZ",
                    null, // one zone per server: a database has none of its own
                    "a 'default_time_zone' under database.settings, a 'connectionTimeZone' or 'forceConnectionTimeZoneToSession' in the JDBC URL");
        }
    }
}
