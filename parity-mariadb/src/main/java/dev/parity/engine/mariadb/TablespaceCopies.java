package dev.parity.engine.mariadb;

import static dev.parity.engine.AdminSessions.values;

import dev.parity.engine.Server;
import dev.parity.engine.ServerShell;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * InnoDB tables copied by their files, as InnoDB's transportable tablespaces move them: the copy's table discards its
 * empty tablespace, the template's tables are flushed for export (their {@code .ibd} consistent, a {@code .cfg} with
 * their layout beside it, writes held off), the files are copied in the server's container, the lock released, and
 * the copy's table imports them. Milliseconds per table instead of the rows inserted again. Only for tables whose
 * files are plainly theirs: InnoDB with a tablespace of its own, not partitioned, no FULLTEXT index (whose auxiliary
 * tables live apart), a name that is its file's name; the others are copied by their rows.
 */
final class TablespaceCopies {

    private static final MariaDbDialect SQL = new MariaDbDialect();

    /** A name the server stores as it is: anything else is encoded in the file name ({@code @0024}). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]+");

    /** Copying files in a tmpfs or on a disk: seconds for gigabytes. */
    private static final Duration BOUND = Duration.ofMinutes(10);

    private TablespaceCopies() {}

    /** Which of {@code from}'s {@code tables} can be copied by their files into {@code to}. */
    static List<String> copyable(Connection connection, String from, String to, List<String> tables)
            throws SQLException {
        if (!PLAIN.matcher(from).matches()
                || !PLAIN.matcher(to).matches()
                || !filePerTable(connection)) {
            return List.of();
        }
        Set<String> withFullText =
                Set.copyOf(
                        values(
                                connection,
                                "select distinct table_name from information_schema.statistics where table_schema = ? and index_type = 'FULLTEXT'",
                                from));
        Set<String> innodb =
                Set.copyOf(
                        values(
                                connection,
                                "select table_name from information_schema.tables where table_schema = ? and engine = 'InnoDB'"
                                        + " and coalesce(create_options, '') not like '%partitioned%'",
                                from));
        List<String> copyable = new ArrayList<>();
        for (String table : tables) {
            if (PLAIN.matcher(table).matches()
                    && innodb.contains(table)
                    && !withFullText.contains(table)) {
                copyable.add(table);
            }
        }
        return copyable;
    }

    /**
     * Copies the rows of {@code tables} (created empty in {@code to}, foreign key checks off on {@code admin}) from
     * {@code from} by their files.
     *
     * @throws IOException if the container would not copy the files; the tables are then without tablespace, and the
     *     caller recreates them
     */
    static void copy(Connection admin, Server server, String from, String to, List<String> tables)
            throws SQLException, IOException, InterruptedException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            for (String table : tables) {
                statement.execute(
                        "alter table " + SQL.qualified(to, table) + " discard tablespace");
            }
        }
        String datadir = single(admin, "select @@datadir");
        try (Connection exporter =
                        DriverManager.getConnection(
                                server.urlOf(from),
                                server.adminUsername(),
                                server.adminPassword());
                Statement export = exporter.createStatement()) {
            export.execute(
                    "flush tables "
                            + String.join(
                                    ", ", tables.stream().map(t -> SQL.qualified(from, t)).toList())
                            + " for export");
            StringBuilder script =
                    new StringBuilder("set -e; cd '" + datadir.replace("'", "'\\''") + "'");
            for (String table : tables) {
                for (String suffix : List.of(".ibd", ".cfg")) {
                    script.append("; cp -p ")
                            .append(from)
                            .append('/')
                            .append(table)
                            .append(suffix)
                            .append(' ')
                            .append(to)
                            .append('/')
                            .append(table)
                            .append(suffix);
                }
            }
            ServerShell.Result copied =
                    server.shell()
                            .run(
                                    BOUND,
                                    "copying the tablespaces of " + from + " to " + to,
                                    "sh",
                                    "-c",
                                    script.toString());
            if (copied.exitCode() != 0) {
                throw new IOException("copying the tablespaces failed: " + copied.stderr().strip());
            }
            export.execute("unlock tables");
        }
        try (Statement statement = admin.createStatement()) {
            for (String table : tables) {
                statement.execute("alter table " + SQL.qualified(to, table) + " import tablespace");
            }
        }
    }

    private static boolean filePerTable(Connection connection) throws SQLException {
        return single(connection, "select @@innodb_file_per_table").equals("1");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
