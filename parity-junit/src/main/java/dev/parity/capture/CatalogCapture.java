package dev.parity.capture;

import dev.parity.data.ColumnRule;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.CatalogStatistics.ColumnStatistics;
import dev.parity.engine.Engine;
import dev.parity.engine.ServerFacts;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads a {@link CapturedProfile} from a live server's catalog: its facts ({@link ServerFacts}), its settings
 * and statistics ({@link CatalogStatistics}) and its schema. Keys and foreign keys get no statistics: Parity
 * makes keys unique and references point at loaded rows whatever production's shapes are; a partition key's values
 * follow the partitions.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CatalogCapture {

    /** Fractions are written with this many decimals, rounded down, so that they never add up past 1. */
    private static final int DECIMALS = 6;

    private CatalogCapture() {}

    public static CapturedProfile read(Engine engine, Connection connection, CaptureOptions options)
            throws SQLException {
        ServerFacts facts = engine.facts();
        CatalogStatistics statistics = engine.statistics();
        String version = facts.version(connection);
        String collation = facts.collation(connection);
        ValuePolicy policy = new ValuePolicy(options.allowValues());
        Map<String, TableInfo> schema = engine.schema().read(connection);
        List<CapturedProfile.Table> tables = new ArrayList<>();
        for (TableInfo table : schema.values()) {
            tables.add(table(statistics, connection, table, policy, options.scale()));
        }
        return new CapturedProfile(
                options.profile(),
                options.extendsName(),
                options.shownUrl() + " as " + shownUser(options),
                Instant.now(),
                statistics.sources(),
                engine.id(),
                statistics.image(version),
                version,
                statistics.release(version),
                facts.encoding(connection),
                collation,
                statistics.collationSetting(connection, collation),
                statistics.settings(connection),
                options.scale(),
                tables);
    }

    /** The columns of {@code --allow-values} that name no column of the schema, for an error. */
    public static List<String> unknownAllowed(Map<String, TableInfo> schema, List<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (String name : allowed) {
            ValuePolicy one = new ValuePolicy(List.of(name));
            boolean found =
                    schema.values().stream()
                            .anyMatch(t -> t.columns().stream().anyMatch(c -> one.allowed(t, c)));
            if (!found) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static String shownUser(CaptureOptions options) {
        return options.user() != null ? options.user() : "the URL's user";
    }

    private static CapturedProfile.Table table(
            CatalogStatistics statistics,
            Connection connection,
            TableInfo table,
            ValuePolicy policy,
            double scale)
            throws SQLException {
        long production = statistics.rows(connection, table);
        long rows = production < 0 ? 0 : Math.round(production * scale);
        Map<String, ColumnStatistics> stats = statistics.columns(connection, table, production);
        Set<String> leftToParity = new HashSet<>();
        table.keys().stream().filter(key -> key.size() == 1).forEach(leftToParity::addAll);
        table.foreignKeys().forEach(fk -> leftToParity.addAll(fk.columns()));
        if (table.partitioning() != null) {
            leftToParity.add(
                    table.partitioning()
                            .column()); // its values must fall into the partitions, which Parity
            // reads
        }
        Map<String, ColumnRule.Stats> columns = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        List<String> unanalyzed = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            if (column.generated() || leftToParity.contains(column.name())) {
                continue;
            }
            ColumnStatistics columnStats = stats.get(column.name());
            if (columnStats == null) {
                unanalyzed.add(column.name());
                continue;
            }
            boolean hidden = policy.withheld(table, column);
            if (hidden && (!columnStats.mcv().isEmpty() || !columnStats.histogram().isEmpty())) {
                withheld.add(column.name());
            }
            columns.put(column.name(), rule(column, columnStats, hidden));
        }
        return new CapturedProfile.Table(
                table.name(), production, rows, columns, withheld, unanalyzed);
    }

    /** The {@code stats:} rule of one column: withheld, its most common values keep their fractions only, and its histogram is dropped. */
    static ColumnRule.Stats rule(ColumnInfo column, ColumnStatistics stats, boolean withheld) {
        Map<String, Double> mcv = new LinkedHashMap<>();
        List<Double> withheldFractions = new ArrayList<>();
        for (int i = 0; i < stats.mcv().size() && i < stats.mcvFractions().size(); i++) {
            double fraction = fraction(stats.mcvFractions().get(i));
            if (withheld) {
                withheldFractions.add(fraction);
            } else {
                mcv.put(stats.mcv().get(i), fraction);
            }
        }
        List<String> histogram =
                !withheld
                                && ColumnRule.Stats.takesHistogram(column.type())
                                && stats.histogram().stream()
                                        .allMatch(ColumnRule.Stats::readableBound)
                        ? stats.histogram()
                        : List.of();
        Double width =
                column.type().isText() && stats.width() != null ? round(stats.width(), 1) : null;
        Double distinct =
                stats.distinct() == null
                        ? null
                        : stats.distinct() > 0
                                ? (double) Math.round(stats.distinct())
                                : round(stats.distinct(), 4);
        return new ColumnRule.Stats(
                column.nullable() ? fraction(stats.nulls()) : null,
                distinct,
                mcv,
                withheldFractions,
                histogram,
                width,
                stats.correlation() == null ? null : round(stats.correlation(), 4));
    }

    private static double fraction(double value) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, value)))
                .setScale(DECIMALS, RoundingMode.DOWN)
                .doubleValue();
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
