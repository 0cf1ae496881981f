package dev.parity.engine.mariadb;

import dev.parity.engine.CapturedSettings;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.SettingNames;
import dev.parity.engine.schema.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's statistics: {@code information_schema.TABLES.TABLE_ROWS}, the engine-independent statistics
 * ({@code mysql.column_stats}, which {@code ANALYZE TABLE ... PERSISTENT FOR ALL} fills: NULL ratio, average
 * length, average rows per value, lowest and highest value, and from 10.8 on a JSON histogram whose one-value buckets
 * are the popular values: {@link MariaDbHistogram}) and
 * {@code information_schema.SYSTEM_VARIABLES}, whose {@code GLOBAL_VALUE_ORIGIN} tells what someone set.
 */
final class MariaDbStatistics implements CatalogStatistics {

    /** What MariaDB answers when the user may not read mysql.column_stats. */
    private static final int TABLE_ACCESS_DENIED = 1142;

    private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final SettingNames IGNORED =
            SettingNames.of(
                    "datadir",
                    "socket",
                    "port",
                    "bind_address",
                    "server_id",
                    "pid_file",
                    "tmpdir",
                    "log_*",
                    "general_log*",
                    "slow_query_log*",
                    "ssl_*",
                    "report_*",
                    "relay_*",
                    "read_only",
                    "basedir",
                    "plugin_dir",
                    "character_sets_dir",
                    "lc_messages_dir",
                    "secure_file_priv",
                    "gtid_*",
                    "wsrep_*",
                    "innodb_data_home_dir",
                    "innodb_log_group_home_dir",
                    "skip_networking",
                    "host_cache_size",
                    "skip_name_resolve",
                    "init_file",
                    "hostname",
                    "character_set_server",
                    "collation_server",
                    "binlog_*",
                    "expire_logs_days",
                    "master_*",
                    "slave_*",
                    "replicate_*");
    private static final SettingNames LEFT_OUT =
            SettingNames.of(
                    "innodb_buffer_pool_*",
                    "innodb_log_file_size",
                    "innodb_log_buffer_size",
                    "innodb_flush_log_at_trx_commit",
                    "innodb_doublewrite",
                    "sync_binlog",
                    "innodb_io_capacity*",
                    "innodb_flush_method",
                    "innodb_read_io_threads",
                    "innodb_write_io_threads",
                    "open_files_limit",
                    "key_buffer_size",
                    "aria_pagecache_buffer_size",
                    "plugin_load_add",
                    "time_zone",
                    "thread_cache_size",
                    "table_open_cache",
                    "table_definition_cache");

    @Override
    public boolean speaks(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
    }

    @Override
    public String sources() {
        return "information_schema.TABLES, mysql.column_stats, information_schema.SYSTEM_VARIABLES";
    }

    @Override
    public String image(String version) {
        return "mariadb:" + release(version);
    }

    /** 10.11.9-MariaDB-log is 10.11: MariaDB's releases are major.minor. */
    @Override
    public String release(String version) {
        Matcher number = RELEASE.matcher(version);
        return number.lookingAt() ? number.group(1) + "." + number.group(2) : version;
    }

    @Override
    public String collationSetting(Connection connection, String collation) {
        return collation;
    }

    @Override
    public CapturedSettings settings(Connection connection) throws SQLException {
        Map<String, String> set = new LinkedHashMap<>();
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "select variable_name, global_value from information_schema.system_variables "
                                        + "where global_value_origin in ('CONFIG', 'COMMAND-LINE', 'SQL') order by variable_name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                set.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        return CapturedSettings.sort(set, IGNORED, LEFT_OUT);
    }

    /** The rows ANALYZE ... PERSISTENT counted ({@code mysql.table_stats}), else InnoDB's estimate, which may be off by half. */
    @Override
    public long rows(Connection connection, TableInfo table) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select cardinality from mysql.table_stats where db_name = ? and table_name = ?")) {
            select.setString(1, table.schema());
            select.setString(2, table.name());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next() && rows.getObject(1) != null) {
                    return rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
                throw e;
            }
        }
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select table_rows from information_schema.tables where table_schema = ? and table_name = ?")) {
            select.setString(1, table.schema());
            select.setString(2, table.name());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getObject(1) != null ? rows.getLong(1) : -1;
            }
        }
    }

    /**
     * avg_frequency is rows per distinct value. As PostgreSQL's ANALYZE does, a column with more distinct values
     * than a tenth of the rows is taken to grow with the table (a negative fraction of the rows), the others to
     * keep their count (a status has 5 values in 1,000 rows as in 1,000,000).
     */
    private static double distinct(double nulls, double perValue, long rows) {
        double fraction = Math.min(1, (1 - nulls) / perValue);
        return rows > 0 && fraction <= 0.1 ? Math.max(1, Math.round(fraction * rows)) : -fraction;
    }

    /** Empty where the user may not read {@code mysql.column_stats}, or nobody ran {@code ANALYZE TABLE ... PERSISTENT FOR ALL}. */
    @Override
    public Map<String, ColumnStatistics> columns(Connection connection, TableInfo table, long rows)
            throws SQLException {
        Map<String, ColumnStatistics> columns = new LinkedHashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select column_name, nulls_ratio, avg_length, avg_frequency, min_value, max_value, "
                                + "case when hist_type = 'JSON_HB' then histogram end from mysql.column_stats where db_name = ? and table_name = ?")) {
            select.setString(1, table.schema());
            select.setString(2, table.name());
            try (ResultSet stats = select.executeQuery()) {
                while (stats.next()) {
                    double nulls = stats.getDouble(2);
                    double perValue = stats.getDouble(4);
                    Double distinct = perValue > 0 ? distinct(nulls, perValue, rows) : null;
                    String min = stats.getString(5);
                    String max = stats.getString(6);
                    List<String> range = min != null && max != null ? List.of(min, max) : List.of();
                    Double width = stats.getObject(3) == null ? null : stats.getDouble(3);
                    Optional<MariaDbHistogram> histogram =
                            MariaDbHistogram.parse(stats.getString(7));
                    if (histogram.isPresent()) {
                        // its fractions are of the non-NULL rows; PostgreSQL's, and a profile's, of
                        // all rows
                        List<Double> fractions =
                                histogram.get().popularShare().stream()
                                        .map(f -> f * (1 - nulls))
                                        .toList();
                        columns.put(
                                stats.getString(1),
                                new ColumnStatistics(
                                        nulls,
                                        distinct,
                                        histogram.get().popular(),
                                        fractions,
                                        histogram.get().bounds(),
                                        width,
                                        null));
                    } else {
                        columns.put(
                                stats.getString(1),
                                new ColumnStatistics(
                                        nulls, distinct, List.of(), List.of(), range, width, null));
                    }
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != TABLE_ACCESS_DENIED) {
                throw e;
            }
        }
        return columns;
    }
}
