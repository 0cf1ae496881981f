package dev.parity.database;

import dev.parity.engine.ZoneSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Checks that the JVM, a JDBC session and the database server agree on the time zone. Zones are compared
 * by their UTC offsets in winter and in summer (names differ between Java and the engines for the same
 * zone; a DST rule is what matters), so {@code now()}, {@code current_date} and {@code LocalDate.now()} agree.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimeZoneConsistency {

    private TimeZoneConsistency() {}

    /** Whose zone follows the pin besides the JVM's and the session's. */
    public enum Scope {
        /** The server's: it was started in the pinned zone. */
        SERVER,
        /**
         * The database's: it was given the pinned zone on a server that runs in another one (shared with classes of
         * other zones), so the server's own zone is not compared.
         */
        DATABASE,
        /**
         * The server's alone: it was started in the profile's zone for a class that pins another one (the JVM's and
         * the session's), which is its database's.
         */
        SERVER_ALONE
    }

    /**
     * @param expected       the zone everything should be in
     * @param expectedOrigin where it came from, e.g. {@code @PinTimeZone("Asia/Tokyo") on class X}
     * @param scope          whether the server or the database was put in {@code expected}
     * @throws TimeZoneMismatchException naming every layer that disagrees, its value, and where that came from
     */
    public static void check(
            RunningDatabase database, ZoneId expected, String expectedOrigin, Scope scope) {
        List<Instant> probes = probes();
        ZoneId jvm = ZoneId.systemDefault();
        List<String> mismatches = new ArrayList<>();
        String overrides = "a time zone in the server's settings or the JDBC URL";
        List<Integer> wanted = offsets(expected, probes);
        if (scope != Scope.SERVER_ALONE && !offsets(jvm, probes).equals(wanted)) {
            mismatches.add(
                    "the JVM's default zone is '"
                            + jvm.getId()
                            + "' (TimeZone.getDefault(), at the time the database was connected)");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            ZoneSupport.Reading reading = database.spec().engine().zones().read(connection, probes);
            overrides = reading.overrides();
            if (scope != Scope.SERVER_ALONE && !reading.sessionOffsets().equals(wanted)) {
                mismatches.add(
                        "the JDBC session's zone is '"
                                + reading.sessionZone()
                                + "' ("
                                + reading.sessionSource()
                                + ")");
            }
            if (scope != Scope.DATABASE && !reading.serverOffsets().equals(wanted)) {
                mismatches.add(
                        "the server's zone is '"
                                + reading.serverZone()
                                + "' ("
                                + reading.serverSource()
                                + ")");
            }
            if (scope == Scope.DATABASE && !wanted.equals(reading.databaseOffsets())) {
                mismatches.add(
                        "the database's zone is '"
                                + (reading.databaseZone() == null
                                        ? "not set"
                                        : reading.databaseZone())
                                + "' ("
                                + (reading.databaseSource() == null
                                        ? "nothing set one for database '"
                                                + database.spec().name()
                                                + "'"
                                        : reading.databaseSource())
                                + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not read the database's time zone: " + e.getMessage(), e);
        }
        if (!mismatches.isEmpty()) {
            throw new TimeZoneMismatchException(
                    "time zones disagree: expected '"
                            + expected.getId()
                            + "' from "
                            + expectedOrigin
                            + ", but "
                            + String.join("; and ", mismatches)
                            + ". Remove the setting that overrides it ("
                            + overrides
                            + "), or pin the zone you mean in one place.");
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
}
