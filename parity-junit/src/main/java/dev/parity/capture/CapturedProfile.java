package dev.parity.capture;

import dev.parity.data.ColumnRule;
import dev.parity.engine.CapturedSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the capture read, as the profile file will say it.
 *
 * @param name        the profile's name
 * @param extendsName the profile it extends, if the user gave one
 * @param source      the URL, without parameters or credentials, and the user
 * @param at          when it was read
 * @param sources     the catalogs read
 * @param engine      the engine's id
 * @param image       the official image of production's release
 * @param version     production's version as the server gives it
 * @param release     what {@code expect.server_version} pins
 * @param encoding    the database's encoding
 * @param collation   the database's collation as {@code expect:} compares it
 * @param collationSetting the same as {@code database.collation} writes it
 * @param settings    the settings someone set, carried and left out
 * @param scale       the factor applied to production's rows
 * @param tables      one per table, in the order the schema lists them
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CapturedProfile(
        String name,
        Optional<String> extendsName,
        String source,
        Instant at,
        String sources,
        String engine,
        String image,
        String version,
        String release,
        String encoding,
        String collation,
        String collationSetting,
        CapturedSettings settings,
        double scale,
        List<Table> tables) {

    /**
     * @param name           as a dataset names it
     * @param productionRows the statistics' estimate, -1 when the table was never analyzed
     * @param rows           the dataset's rows: production's times the scale
     * @param columns        the columns with statistics, by name, in the table's order
     * @param withheld       the columns whose values were withheld
     * @param unanalyzed     columns without statistics (never analyzed, or not readable by the user)
     */
    public record Table(
            String name,
            long productionRows,
            long rows,
            Map<String, ColumnRule.Stats> columns,
            List<String> withheld,
            List<String> unanalyzed) {}
}
