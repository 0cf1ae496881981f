package dev.parity.engine;

import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a server's catalog says of its data, for a profile captured from production: the rows of each
 * table and the shape of each column's values, as the planner's statistics hold them, and the settings
 * someone set. Every method reads the catalog only: no query touches a table's rows.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface CatalogStatistics {

    /** Whether {@code jdbcUrl} is this engine's, e.g. {@code jdbc:postgresql://...}. */
    boolean speaks(String jdbcUrl);

    /** The catalogs read, for the summary: e.g. {@code pg_class, pg_stats, pg_settings}. */
    String sources();

    /** The official image of the server's {@code version} (as {@link ServerFacts#version} gives it), e.g. {@code postgres:15}. */
    String image(String version);

    /** The part of {@code version} a profile's {@code expect:} pins: the major (PostgreSQL) or major.minor (MariaDB) release. */
    String release(String version);

    /** The collation as a profile's {@code database.collation} writes it, for the database's {@code collation} ({@link ServerFacts#collation}). */
    String collationSetting(Connection connection, String collation) throws SQLException;

    /** Settings not at their default (from a configuration file, the command line, {@code SET GLOBAL} or {@code ALTER DATABASE}), sorted. */
    CapturedSettings settings(Connection connection) throws SQLException;

    /** The rows the statistics estimate for {@code table}, or -1 when it was never analyzed. */
    long rows(Connection connection, TableInfo table) throws SQLException;

    /** The statistics of {@code table}'s columns, by column name; a column without statistics is absent. */
    Map<String, ColumnStatistics> columns(Connection connection, TableInfo table, long rows)
            throws SQLException;

    /**
     * One column's statistics, in PostgreSQL's terms ({@code pg_stats}); what an engine does not keep is empty or null.
     *
     * @param nulls       fraction of NULLs
     * @param distinct    distinct values: above 0 a count, from -1 to 0 a fraction of the rows; null if unknown
     * @param mcv         the most common values, most common first, as text
     * @param mcvFractions their fractions of all rows
     * @param histogram   bounds of equal-frequency buckets over the other values, ascending, as text
     * @param width       average characters of a value; null if unknown
     * @param correlation how far the rows' physical order follows their values' order, -1..1; null if unknown
     */
    record ColumnStatistics(
            double nulls,
            Double distinct,
            List<String> mcv,
            List<Double> mcvFractions,
            List<String> histogram,
            Double width,
            Double correlation) {

        public ColumnStatistics {
            mcv = List.copyOf(mcv);
            mcvFractions = List.copyOf(mcvFractions);
            histogram = List.copyOf(histogram);
        }
    }
}
