package dev.parity.engine.postgres;

import dev.parity.engine.AdminSessions;
import dev.parity.engine.EngineException;
import dev.parity.engine.Server;
import dev.parity.engine.ServerFaults;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL's faults. Failing writes are a row trigger that raises the SQLSTATE, with its function and two
 * sequences (writes seen, writes failed: sequences, because a failed write's transaction rolls back whatever
 * else it wrote) in a schema of their own, {@value #SCHEMA}, in the database they fault. Limits are the
 * database's own settings ({@code ALTER DATABASE ... SET}), which sessions take when they start.
 */
final class PostgresFaults implements ServerFaults {

    static final String SCHEMA = "parity_faults";
    private static final String REFUSED = SCHEMA + ".connections_refused";
    private static final PostgresDialect SQL = new PostgresDialect();

    private final AdminSessions admin;

    /** The backends holding {@link #lock}s: Parity's own, so {@link #killSessions} spares them. */
    private final Set<Integer> lockSessions = ConcurrentHashMap.newKeySet();

    PostgresFaults(Server server) {
        this.admin = new AdminSessions(server);
    }

    @Override
    public void failWrites(
            String database,
            String table,
            String sqlState,
            double probability,
            long count,
            long seed) {
        String key = key(table);
        String fails =
                count >= 0
                        ? "n <= " + count
                        // the write's number and the seed decide, in [0, 1): the same writes fail
                        // in every run with this seed
                        : "('x' || substr(md5('"
                                + seed
                                + ":' || n), 1, 8))::bit(32)::bigint / 4294967296.0 < "
                                + probability;
        admin.inDatabase(
                database,
                "fail writes to '" + table + "'",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        String qualified = qualified(connection, table);
                        statement.execute("create schema if not exists " + SCHEMA);
                        statement.execute("drop function if exists " + function(key) + " cascade");
                        statement.execute(
                                "drop sequence if exists "
                                        + sequence(key, "writes")
                                        + ", "
                                        + sequence(key, "failed"));
                        statement.execute("create sequence " + sequence(key, "writes"));
                        statement.execute("create sequence " + sequence(key, "failed"));
                        statement.execute(
                                "create function "
                                        + function(key)
                                        + " returns trigger language plpgsql as $parity$\n"
                                        + "declare n bigint := nextval('"
                                        + sequence(key, "writes")
                                        + "');\n"
                                        + "begin\n"
                                        + "  if "
                                        + fails
                                        + " then\n"
                                        + "    perform nextval('"
                                        + sequence(key, "failed")
                                        + "');\n"
                                        + "    raise exception 'Parity failed this write to "
                                        + table.replace("'", "''")
                                        + " on purpose (faults.failWrites, write %)', n"
                                        + " using errcode = '"
                                        + sqlState
                                        + "';\n"
                                        + "  end if;\n"
                                        + "  return coalesce(new, old);\n"
                                        + "end $parity$");
                        statement.execute(
                                "create trigger "
                                        + SQL.identifier("parity_fault_" + key)
                                        + " before insert or update or delete on "
                                        + qualified
                                        + " for each row execute function "
                                        + function(key));
                    }
                    return null;
                });
    }

    @Override
    public long writesFailed(String database, String table) {
        return admin.inDatabase(
                database,
                "count the failed writes to '" + table + "'",
                connection -> {
                    try (PreparedStatement exists =
                            connection.prepareStatement("select to_regclass(?) is not null")) {
                        exists.setString(1, sequence(key(table), "failed"));
                        try (ResultSet rows = exists.executeQuery()) {
                            rows.next();
                            if (!rows.getBoolean(1)) {
                                return 0L;
                            }
                        }
                    }
                    try (Statement statement = connection.createStatement();
                            ResultSet rows =
                                    statement.executeQuery(
                                            "select case when is_called then last_value else 0 end from "
                                                    + sequence(key(table), "failed"))) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
    }

    @Override
    public int killSessions(String database) {
        return admin.inDatabase(
                "postgres",
                "end the sessions of '" + database + "'",
                connection -> {
                    try (PreparedStatement kill =
                            connection.prepareStatement(
                                    "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                                            + " where datname = ? and pid <> pg_backend_pid() and pid <> all(?) and backend_type = 'client backend'")) {
                        kill.setString(1, database);
                        kill.setArray(2, connection.createArrayOf("int4", lockSessions.toArray()));
                        try (ResultSet rows = kill.executeQuery()) {
                            rows.next();
                            return rows.getInt(1);
                        }
                    }
                });
    }

    @Override
    public AutoCloseable lock(String database, String table) {
        Connection connection = admin.connect(database, "lock '" + table + "'");
        int session;
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(
                    "lock table " + qualified(connection, table) + " in access exclusive mode");
            try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                pid.next();
                session = pid.getInt(1);
            }
            lockSessions.add(session);
        } catch (SQLException | RuntimeException e) {
            AdminSessions.closeQuietly(connection);
            throw AdminSessions.failure("lock '" + table + "'", e);
        }
        return () -> {
            try {
                connection.rollback();
            } finally {
                lockSessions.remove(session);
                connection.close();
            }
        };
    }

    @Override
    public void statementTimeout(String database, Duration timeout) {
        alterDatabase(database, "set statement_timeout = " + timeout.toMillis());
    }

    /**
     * A login event trigger (PostgreSQL 17 and later) that raises 53300, "too many connections for database", as
     * the server's own limit does. Not {@code ALTER DATABASE ... CONNECTION LIMIT}: the server exempts superusers
     * from it, and a container's user is one. Sessions with Parity's application name are neither counted nor refused.
     */
    @Override
    public void connectionLimit(String database, int connections) {
        admin.inDatabase(
                database,
                "limit the connections of '" + database + "'",
                connection -> {
                    if (connection.getMetaData().getDatabaseMajorVersion() < 17) {
                        throw new EngineException(
                                "connectionLimit needs PostgreSQL 17 or later (a login event trigger); this server is "
                                        + connection.getMetaData().getDatabaseProductVersion()
                                        + ", whose own connection limit does not hold superusers,"
                                        + " and the test's user is one. Give the test's profile a postgres:17 image, or use the proxy's faults instead.",
                                null);
                    }
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("create schema if not exists " + SCHEMA);
                        statement.execute("create sequence if not exists " + REFUSED);
                        statement.execute(
                                "create or replace function "
                                        + SCHEMA
                                        + ".admit() returns event_trigger language plpgsql as $parity$\n"
                                        + "declare sessions int;\n"
                                        + "begin\n"
                                        + "  if current_setting('application_name') = '"
                                        + AdminSessions.APPLICATION
                                        + "' then return; end if;\n"
                                        + "  select count(*) into sessions from pg_stat_activity where datname = current_database()"
                                        + " and backend_type = 'client backend' and application_name <> '"
                                        + AdminSessions.APPLICATION
                                        + "';\n"
                                        + "  if sessions > "
                                        + connections
                                        + " then\n"
                                        + "    perform nextval('"
                                        + REFUSED
                                        + "');\n" // a sequence: the refusal rolls back all else
                                        + "    raise exception 'too many connections for database \"%\"', current_database() using errcode = '53300',"
                                        + " detail = 'Parity limits it to "
                                        + connections
                                        + " (faults.connectionLimit).';\n"
                                        + "  end if;\n"
                                        + "end $parity$");
                        statement.execute("drop event trigger if exists parity_connection_limit");
                        statement.execute(
                                "create event trigger parity_connection_limit on login execute function "
                                        + SCHEMA
                                        + ".admit()");
                    }
                    return null;
                });
    }

    @Override
    public long connectionsRefused(String database) {
        return admin.inDatabase(
                database,
                "count the refused connections of '" + database + "'",
                connection -> {
                    if (AdminSessions.firstValue(
                                    connection, "select to_regclass(?) is not null", REFUSED)
                            .filter("t"::equals)
                            .isEmpty()) {
                        return 0L;
                    }
                    return Long.parseLong(
                            AdminSessions.firstValue(
                                            connection,
                                            "select case when is_called then last_value else 0 end from "
                                                    + REFUSED,
                                            null)
                                    .orElse("0"));
                });
    }

    @Override
    public void readOnly(String database) {
        alterDatabase(database, "set default_transaction_read_only = on");
        killSessions(database);
    }

    @Override
    public void clear(String database) {
        alterDatabase(database, "reset statement_timeout");
        alterDatabase(database, "reset default_transaction_read_only");
        admin.inDatabase(
                database,
                "undo the faults",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(
                                "drop schema if exists "
                                        + SCHEMA
                                        + " cascade"); // its functions take their (event) triggers
                        // with them
                    }
                    return null;
                });
    }

    private void alterDatabase(String database, String change) {
        admin.inDatabase(
                "postgres",
                "change database '" + database + "'",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(
                                "alter database " + SQL.identifier(database) + " " + change);
                    }
                    return null;
                });
    }

    /** {@code table} quoted as the server knows it: schema and name when written {@code schema.table}; an error naming it if it is not there. */
    private static String qualified(Connection connection, String table) throws SQLException {
        int dot = table.indexOf('.');
        String quoted =
                dot < 0
                        ? SQL.identifier(table)
                        : SQL.qualified(table.substring(0, dot), table.substring(dot + 1));
        try (PreparedStatement exists =
                connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, quoted);
            try (ResultSet rows = exists.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    throw new EngineException(
                            "there is no table '"
                                    + table
                                    + "' in database '"
                                    + connection.getCatalog()
                                    + "'. Name a table of the test's database, as schema.table outside the default schema.",
                            null);
                }
            }
        }
        return quoted;
    }

    /** A name of {@code table}'s objects: letters, digits and '_' of it, and a hash to keep two tables apart. */
    private static String key(String table) {
        String plain = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return (plain.length() > 40 ? plain.substring(0, 40) : plain)
                + "_"
                + Integer.toHexString(table.hashCode());
    }

    private static String function(String key) {
        return SCHEMA + "." + SQL.identifier("fail_" + key) + "()";
    }

    private static String sequence(String key, String what) {
        return SCHEMA + "." + SQL.identifier(what + "_" + key);
    }
}
