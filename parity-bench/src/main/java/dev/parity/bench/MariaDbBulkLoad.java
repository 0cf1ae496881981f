package dev.parity.bench;

import dev.parity.database.RunningDatabase;
import dev.parity.engine.DatabaseCopies;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB's own bulk load: {@code SELECT ... INTO OUTFILE} on the server, then {@code LOAD DATA INFILE} (the
 * server's file, not the client's) into the same table of a copy of the empty schema, with foreign key and
 * unique checks off as Parity's load has them, one transaction. Bytes as stored ({@code CHARACTER SET
 * binary} both ways), generated columns left out. As the administrator, who has the FILE privilege.
 */
final class MariaDbBulkLoad implements ServerBulkLoad {

    static final String HOW =
            "LOAD DATA INFILE from a file on the server into a copy of the empty schema, indexes in place,"
                    + " foreign_key_checks and unique_checks off, one transaction";

    private final RunningDatabase database;

    MariaDbBulkLoad(RunningDatabase database) {
        this.database = database;
    }

    @Override
    public void prepare() {
        try (DatabaseCopies copies = database.copies()) {
            copies.cloneOf(database.spec().name(), COPY);
        }
    }

    @Override
    public Result measure(List<String> tables) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                database.jdbcUrl(),
                                database.server().adminUsername(),
                                database.server().adminPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("set session max_statement_time = " + STATEMENT_SECONDS);
            String directory = fileDirectory(statement);
            List<String[]> files = new ArrayList<>(); // name in the copy, column list, file
            for (String table : tables) {
                String name =
                        qualified(connection, table)
                                .orElseThrow(
                                        () ->
                                                new SQLException(
                                                        "no table " + table + " in the catalog"));
                String columns = String.join(", ", columns(connection, name));
                String file = directory + "parity-baseline-" + files.size() + ".tsv";
                statement.execute(
                        "select "
                                + columns
                                + " from "
                                + name
                                + " into outfile '"
                                + file
                                + "' character set binary");
                files.add(new String[] {"`" + COPY + "`." + name, columns, file});
            }
            statement.execute("set foreign_key_checks = 0, unique_checks = 0");
            connection.setAutoCommit(false);
            for (String[] file : files) {
                statement.execute(
                        "delete from "
                                + file[0]); // rows the init script seeded, which the file holds too
            }
            long rows = 0;
            long started = System.nanoTime();
            for (String[] file : files) {
                rows +=
                        statement.executeUpdate(
                                "load data infile '"
                                        + file[2]
                                        + "' into table "
                                        + file[0]
                                        + " character set binary ("
                                        + file[1]
                                        + ")");
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            long analyzed = System.nanoTime();
            for (String[] file : files) {
                statement.execute("analyze table " + file[0]);
            }
            return new Result(rows, seconds, (System.nanoTime() - analyzed) / 1e9, HOW);
        }
    }

    /** In the connection's database; as written, else the one table whose name is that in any case. */
    @Override
    public Optional<String> qualified(Connection connection, String table) throws SQLException {
        String sql =
                "select table_name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'";
        for (String match :
                List.of(" and table_name = binary ?", " and lower(table_name) = lower(?)")) {
            try (PreparedStatement select = connection.prepareStatement(sql + match)) {
                select.setString(1, table);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        String found = rows.getString(1);
                        return rows.next()
                                ? Optional.empty()
                                : Optional.of("`" + found.replace("`", "``") + "`");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code CHECKSUM TABLE}: a sum of the rows' checksums, so their order does not count. */
    @Override
    public String digest(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("checksum table " + table)) {
            rows.next();
            return Long.toHexString(rows.getLong(2));
        }
    }

    /** Where the server may write and read files: {@code secure_file_priv}, empty meaning anywhere (then /tmp). */
    static String fileDirectory(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select @@secure_file_priv")) {
            rows.next();
            String directory = rows.getString(1);
            if (directory == null || directory.equalsIgnoreCase("NULL")) {
                throw new SQLException(
                        "the server's secure_file_priv is NULL: it writes no files, so there is no server-side load to time");
            }
            return directory.isEmpty()
                    ? "/tmp/"
                    : directory.endsWith("/") ? directory : directory + "/";
        }
    }

    private static List<String> columns(Connection connection, String quoted) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        "select column_name from information_schema.columns"
                                + " where table_schema = database() and table_name = ? and is_generated = 'NEVER' order by ordinal_position")) {
            select.setString(1, quoted.substring(1, quoted.length() - 1).replace("``", "`"));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add("`" + rows.getString(1).replace("`", "``") + "`");
                }
            }
        }
        return columns;
    }
}
