package dev.parity.engine.postgres;

import dev.parity.engine.AdminSessions;
import dev.parity.engine.CapturedSettings;
import dev.parity.engine.CatalogStatistics;
import dev.parity.engine.SettingNames;
import dev.parity.engine.schema.TableInfo;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's statistics: {@code pg_class.reltuples}, {@code pg_stats} (which shows the columns the user may
 * read) and {@code pg_settings}. {@code pg_stats} is what ANALYZE keeps; no query here reads a table.
 */
final class PostgresStatistics implements CatalogStatistics {

    private static final Pattern RELEASE = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final SettingNames IGNORED =
            SettingNames.of(
                    "data_directory",
                    "config_file",
                    "hba_file",
                    "ident_file",
                    "external_pid_file",
                    "listen_addresses",
                    "port",
                    "unix_socket_*",
                    "cluster_name",
                    "ssl*",
                    "log_*",
                    "logging_collector",
                    "syslog_*",
                    "event_source",
                    "archive_*",
                    "restore_command",
                    "recovery_*",
                    "primary_*",
                    "hot_standby*",
                    "max_standby_*",
                    "wal_receiver_*",
                    "promote_trigger_file",
                    "default_transaction_read_only",
                    "transaction_read_only",
                    "lc_messages",
                    "krb_*",
                    "application_name",
                    "synchronous_standby_names");
    private static final SettingNames LEFT_OUT =
            SettingNames.of(
                    "shared_buffers",
                    "huge_pages",
                    "huge_page_size",
                    "wal_buffers",
                    "max_wal_size",
                    "min_wal_size",
                    "maintenance_work_mem",
                    "autovacuum_work_mem",
                    "max_worker_processes",
                    "shared_preload_libraries",
                    "dynamic_shared_memory_type",
                    "max_stack_depth",
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "wal_level",
                    "max_wal_senders",
                    "max_replication_slots",
                    "wal_keep_size",
                    "timezone",
                    "checkpoint_*",
                    "bgwriter_*");

    @Override
    public boolean speaks(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String sources() {
        return "pg_class, pg_stats, pg_settings";
    }

    @Override
    public String image(String version) {
        return "postgres:" + release(version);
    }

    /** 15.8 (Debian ...) is 15: from 10 on the first number is the major release; 9.6.24 is 9.6. */
    @Override
    public String release(String version) {
        Matcher number = RELEASE.matcher(version);
        if (!number.lookingAt()) {
            return version;
        }
        return Integer.parseInt(number.group(1)) >= 10 || number.group(2) == null
                ? number.group(1)
                : number.group(1) + "." + number.group(2);
    }

    /** An ICU database's locale is written {@code icu:<locale>}; a libc one as it is. */
    @Override
    public String collationSetting(Connection connection, String collation) throws SQLException {
        boolean providerKnown =
                AdminSessions.firstValue(
                                connection,
                                "select count(*) from pg_attribute where attrelid = 'pg_database'::regclass "
                                        + "and attname = 'datlocprovider'",
                                null)
                        .map(count -> !count.equals("0"))
                        .orElse(false);
        boolean icu =
                providerKnown
                        && AdminSessions.firstValue(
                                        connection,
                                        "select datlocprovider from pg_database where datname = current_database()",
                                        null)
                                .map("i"::equals)
                                .orElse(false);
        return icu ? "icu:" + collation : collation;
    }

    @Override
    public CapturedSettings settings(Connection connection) throws SQLException {
        Map<String, String> set = new LinkedHashMap<>();
        // as SHOW prints them (4MB, not 512): what a profile's settings and expect: take
        try (PreparedStatement select =
                        connection.prepareStatement(
                                "select name, current_setting(name) from pg_settings "
                                        + "where source in ('configuration file', 'command line', 'database', 'global') and context <> 'internal' order by name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                set.put(rows.getString(1), rows.getString(2));
            }
        }
        return CapturedSettings.sort(set, IGNORED, LEFT_OUT);
    }

    /** A partitioned table's rows are its leaf partitions'. */
    @Override
    public long rows(Connection connection, TableInfo table) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                select case when c.relkind = 'p'
                            then (select coalesce(sum(greatest(l.reltuples, 0)), -1) from pg_partition_tree(c.oid) t join pg_class l on l.oid = t.relid
                                  where t.isleaf)
                            else c.reltuples end
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relname = ?""")) {
            select.setString(1, table.schema());
            select.setString(2, bareName(table));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? (long) Math.max(-1, rows.getDouble(1)) : -1;
            }
        }
    }

    /** A partitioned table's statistics are those of the whole tree (inherited); a plain table's its own. */
    @Override
    public Map<String, ColumnStatistics> columns(Connection connection, TableInfo table, long rows)
            throws SQLException {
        Map<String, ColumnStatistics> columns = new LinkedHashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                select attname, null_frac, n_distinct, most_common_vals::text::text[], most_common_freqs, histogram_bounds::text::text[],
                       avg_width, correlation
                from pg_stats where schemaname = ? and tablename = ? order by inherited desc""")) {
            select.setString(1, table.schema());
            select.setString(2, bareName(table));
            try (ResultSet stats = select.executeQuery()) {
                while (stats.next()) {
                    String column = stats.getString(1);
                    if (columns.containsKey(column)) {
                        continue;
                    }
                    boolean text = table.column(column).map(c -> c.type().isText()).orElse(false);
                    Object correlation = stats.getObject(8);
                    // avg_width counts a short text's one-byte header
                    double width = stats.getInt(7) - (text ? 1 : 0);
                    columns.put(
                            column,
                            new ColumnStatistics(
                                    stats.getDouble(2),
                                    stats.getDouble(3),
                                    texts(stats.getArray(4)),
                                    fractions(stats.getArray(5)),
                                    texts(stats.getArray(6)),
                                    Math.max(0, width),
                                    correlation == null
                                            ? null
                                            : ((Number) correlation).doubleValue()));
                }
            }
        }
        return columns;
    }

    private static String bareName(TableInfo table) {
        return table.name().startsWith(table.schema() + ".")
                ? table.name().substring(table.schema().length() + 1)
                : table.name();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Double> fractions(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Double> fractions = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            fractions.add(((Number) value).doubleValue());
        }
        return fractions;
    }
}
