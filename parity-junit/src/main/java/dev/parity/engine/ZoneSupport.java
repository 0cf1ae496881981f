package dev.parity.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** How a server and a session report their time zones, as offsets that can be compared with the JVM's. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface ZoneSupport {

    /** The server settings that set the zone Parity pins from a profile's {@code timezone} (lower case, as the engine's names). */
    List<String> zoneSettings();

    /** The session's and the server's zones as seen on {@code connection}, with their UTC offsets at {@code instants}. */
    Reading read(Connection connection, List<Instant> instants) throws SQLException;

    /**
     * What the server says.
     *
     * @param sessionZone      the session's zone, as the server names it
     * @param sessionSource    where a session's zone comes from, for messages
     * @param sessionOffsets   its offsets in seconds at each instant
     * @param serverZone       the server's own zone
     * @param serverSource     where that comes from, for messages
     * @param serverOffsets    its offsets in seconds at each instant
     * @param databaseZone     the zone the database gives a session that sets none, where the engine keeps one per
     *                         database and one is set; else {@code null}
     * @param databaseSource   where that comes from, for messages; {@code null} with it
     * @param databaseOffsets  its offsets in seconds at each instant; {@code null} with it
     * @param overrides        what can set another zone than the pinned one, for the fix, e.g.
     *                         {@code a 'timezone' under database.settings, an 'options' or 'TimeZone' in the JDBC URL}
     */
    record Reading(
            String sessionZone,
            String sessionSource,
            List<Integer> sessionOffsets,
            String serverZone,
            String serverSource,
            List<Integer> serverOffsets,
            String databaseZone,
            String databaseSource,
            List<Integer> databaseOffsets,
            String overrides) {

        /**
         * A reading from {@code select}'s rows, one per instant in order: the session's zone, the server's
         * zone, the session's offset and the server's offset at that instant; and where {@code databaseSource} is
         * given, the database's zone (null if it has none) and its offset.
         */
        public static Reading of(
                PreparedStatement select,
                String sessionSource,
                String serverSource,
                String databaseSource,
                String overrides)
                throws SQLException {
            String session = null;
            String server = null;
            String database = null;
            List<Integer> sessionOffsets = new ArrayList<>();
            List<Integer> serverOffsets = new ArrayList<>();
            List<Integer> databaseOffsets = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    session = rows.getString(1);
                    server = rows.getString(2);
                    sessionOffsets.add(rows.getInt(3));
                    serverOffsets.add(rows.getInt(4));
                    if (databaseSource != null) {
                        database = rows.getString(5);
                        databaseOffsets.add(rows.getInt(6));
                    }
                }
            }
            boolean hasDatabaseZone = database != null;
            return new Reading(
                    session,
                    sessionSource,
                    sessionOffsets,
                    server,
                    serverSource,
                    serverOffsets,
                    database,
                    hasDatabaseZone ? databaseSource : null,
                    hasDatabaseZone ? databaseOffsets : null,
                    overrides);
        }
    }
}
