package dev.parity.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apiguardian.api.API;

/**
 * Checks that the JVM, a JDBC session and the database server agree on the time zone. Zones are compared
 * by their UTC offsets in winter and in summer (names differ between Java and PostgreSQL for the same
 * zone; a DST rule is what matters), so {@code now()}, {@code current_date} and {@code LocalDate.now()} agree.
 */
@API(status = API.Status.INTERNAL)
public final class TimeZoneConsistency {

    private TimeZoneConsistency() {
    }

    /**
     * @param expected       the zone everything should be in
     * @param expectedOrigin where it came from, e.g. {@code @PinTimeZone("Asia/Tokyo") on class X}
     * @throws IllegalStateException naming every layer that disagrees, its value, and where that came from
     */
    public static void check(DataSource dataSource, ZoneId expected, String expectedOrigin) {
        List<Instant> probes = probes();
        ZoneId jvm = ZoneId.systemDefault();
        List<String> mismatches = new ArrayList<>();
        if (!offsets(jvm, probes).equals(offsets(expected, probes))) {
            mismatches.add("the JVM's default zone is '" + jvm.getId() + "' (TimeZone.getDefault(), at the time the database was connected)");
        }
        try (Connection connection = dataSource.getConnection()) {
            String session = setting(connection, "TimeZone");
            if (!offsets(connection, "TimeZone", probes).equals(offsets(expected, probes))) {
                mismatches.add("the JDBC session's zone is '" + session + "' (current_setting('TimeZone'): sent by the driver when "
                        + "the connection opened, or set by the URL or the server's settings)");
            }
            String server = setting(connection, "log_timezone");
            if (!offsets(connection, "log_timezone", probes).equals(offsets(expected, probes))) {
                mismatches.add("the server's zone is '" + server + "' (log_timezone: the container's TZ and the server's "
                        + "settings from the profile)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's time zone: " + e.getMessage(), e);
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("time zones disagree: expected '" + expected.getId() + "' from " + expectedOrigin
                    + ", but " + String.join("; and ", mismatches) + ". Remove the setting that overrides it (a 'timezone' "
                    + "under database.settings, an 'options' or 'TimeZone' in the JDBC URL), or pin the zone you mean in one place.");
        }
    }

    /** Mid-winter and mid-summer of this year and the next, so a DST rule difference shows. */
    private static List<Instant> probes() {
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        List<Instant> probes = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            probes.add(ZonedDateTime.of(y, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC).toInstant());
            probes.add(ZonedDateTime.of(y, 7, 15, 12, 0, 0, 0, ZoneOffset.UTC).toInstant());
        }
        return probes;
    }

    private static List<Integer> offsets(ZoneId zone, List<Instant> probes) {
        return probes.stream().map(p -> zone.getRules().getOffset(p).getTotalSeconds()).toList();
    }

    private static List<Integer> offsets(Connection connection, String setting, List<Instant> probes) throws SQLException {
        List<Integer> offsets = new ArrayList<>();
        // (t at time zone z) is the wall time in z; minus the UTC wall time, it is z's offset at t
        try (PreparedStatement select = connection.prepareStatement(
                "select extract(epoch from ((?::timestamptz) at time zone current_setting(?)) - ((?::timestamptz) at time zone 'UTC'))::int")) {
            for (Instant probe : probes) {
                select.setString(1, probe.toString());
                select.setString(2, setting);
                select.setString(3, probe.toString());
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
