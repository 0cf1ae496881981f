package dev.parity.engine.postgres;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The session's zone is {@code TimeZone} (pgjdbc sends the JVM's at connect); the server's own is
 * {@code log_timezone}. Both zones and their offsets at every instant come back in one round trip.
 */
final class PostgresZones implements ZoneSupport {

    // (t at time zone z) is the wall time in z; minus the UTC wall time, it is z's offset at t
    private static final String READING =
            """
            select current_setting('TimeZone'), current_setting('log_timezone'),
                   extract(epoch from (t at time zone current_setting('TimeZone')) - (t at time zone 'UTC'))::int,
                   extract(epoch from (t at time zone current_setting('log_timezone')) - (t at time zone 'UTC'))::int
              from unnest(?::timestamptz[]) with ordinality as probe(t, i)
             order by i
            """;

    @Override
    public List<String> zoneSettings() {
        return List.of("timezone", "log_timezone");
    }

    @Override
    public Reading read(Connection connection, List<Instant> instants) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READING)) {
            select.setString(
                    1,
                    "{"
                            + String.join(",", instants.stream().map(Instant::toString).toList())
                            + "}");
            return Reading.of(
                    select,
                    "current_setting('TimeZone'): sent by the driver when the connection opened, or set by the URL or the server's settings",
                    "log_timezone: the container's TZ and the server's settings from the profile",
                    "a 'timezone' under database.settings, an 'options' or 'TimeZone' in the JDBC URL");
        }
    }
}
