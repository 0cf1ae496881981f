package dev.parity.engine.postgres;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The session's zone is {@code TimeZone} (pgjdbc sends the JVM's at connect); the server's own is
 * {@code log_timezone}; the database's, where one is set, is what {@code ALTER DATABASE} / {@code ALTER ROLE ... SET
 * timezone} give a session that sends none, in PostgreSQL's order (database and role, role, database). The zones and
 * their offsets at every instant come back in one round trip.
 */
final class PostgresZones implements ZoneSupport {

    // (t at time zone z) is the wall time in z; minus the UTC wall time, it is z's offset at t
    private static final String READING =
            """
            with own as (
                select substr(c, 10) as zone
                  from pg_db_role_setting s cross join unnest(s.setconfig) c
                 where lower(c) like 'timezone=%'
                   and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
                   and s.setrole in (0, (select oid from pg_roles where rolname = session_user))
                   and not (s.setdatabase = 0 and s.setrole = 0)
                 order by s.setdatabase <> 0 and s.setrole <> 0 desc, s.setrole <> 0 desc
                 limit 1)
            select current_setting('TimeZone'), current_setting('log_timezone'),
                   extract(epoch from (t at time zone current_setting('TimeZone')) - (t at time zone 'UTC'))::int,
                   extract(epoch from (t at time zone current_setting('log_timezone')) - (t at time zone 'UTC'))::int,
                   (select zone from own),
                   extract(epoch from (t at time zone (select zone from own)) - (t at time zone 'UTC'))::int
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
                    "the database's timezone: set by Parity for a class that pins its own zone, or by an ALTER DATABASE / ALTER ROLE ... SET timezone in a script",
                    "a 'timezone' under database.settings, an 'options' or 'TimeZone' in the JDBC URL, an ALTER ROLE ... SET timezone in a script");
        }
    }
}
