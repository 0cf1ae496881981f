package dev.parity.engine.mariadb;

import static dev.parity.engine.AdminSessions.values;

import dev.parity.engine.AdminSessions;
import dev.parity.engine.EngineException;
import dev.parity.engine.Server;
import dev.parity.engine.ServerFaults;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MariaDB's faults. Failing writes are three row triggers (insert, update, delete) that {@code SIGNAL} the
 * SQLSTATE, counting in two sequences (writes seen, writes failed: sequences, because they are not rolled back
 * with the failed write). A schema is a database on MariaDB, so they live in the faulted database itself, named
 * {@value #PREFIX}...; the schema reader lists base tables only, so they do not show. The statement timeout is
 * the server's {@code init_connect}, which sets it for new sessions of the database; read-only is the whole
 * server's, as MariaDB has no read-only database.
 */
final class MariaDbFaults implements ServerFaults {

    static final String PREFIX = "parity_fault_";
    private static final MariaDbDialect SQL = new MariaDbDialect();

    /** Our other part of {@code init_connect}, there while a database has a {@link #connectionLimit}. */
    private static final String ADMISSION = "parity_faults";

    private static final String LIMITS = ADMISSION + ".connection_limits";

    /** Held while {@code init_connect} is read and rewritten: tests of one server change it concurrently, each through its own instance. */
    private static final Object INIT_CONNECT = new Object();

    private final AdminSessions admin;
    private final String adminUser;

    /** The connections holding {@link #lock}s: Parity's own, so {@link #killSessions} spares them. */
    private final Set<Long> lockSessions = ConcurrentHashMap.newKeySet();

    MariaDbFaults(Server server) {
        this.admin = new AdminSessions(server);
        this.adminUser = server.adminUsername();
    }

    /**
     * On MariaDB the error is 1644 (ER_SIGNAL_EXCEPTION) with {@code sqlState}. Class 00 is refused by the server,
     * and class 01 would be a warning that lets the write through, so both are refused here.
     */
    @Override
    public void failWrites(
            String database,
            String table,
            String sqlState,
            double probability,
            long count,
            long seed) {
        if (sqlState == null
                || !sqlState.matches("[0-9A-Z]{5}")
                || sqlState.startsWith("00")
                || sqlState.startsWith("01")) {
            throw new EngineException(
                    "'"
                            + sqlState
                            + "' is not a SQLSTATE a write can fail with. Use five digits or capital letters"
                            + " outside classes 00 (success) and 01 (warning), e.g. 40001.",
                    null);
        }
        String name = tableOf(database, table);
        String key = key(name);
        String fails =
                count >= 0
                        ? "n <= " + count
                        // the write's number and the seed decide, as on PostgreSQL: the same writes
                        // fail in every run with this seed.
                        // Compared without dividing, which MariaDB would round to four decimals.
                        : "cast(conv(substr(md5(concat('"
                                + seed
                                + ":', n)), 1, 8), 16, 10) as unsigned) < "
                                + BigDecimal.valueOf(probability).toPlainString()
                                + " * 4294967296";
        admin.inDatabase(
                database,
                "fail writes to '" + table + "'",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        requireTable(connection, database, name, table);
                        // nocache: the next value stays in the table, where writesFailed reads it
                        // from another session
                        statement.execute(
                                "create or replace sequence "
                                        + SQL.identifier(sequence(key, "writes"))
                                        + " nocache");
                        statement.execute(
                                "create or replace sequence "
                                        + SQL.identifier(sequence(key, "failed"))
                                        + " nocache");
                        for (String[] event :
                                new String[][] {
                                    {"ins", "insert"}, {"upd", "update"}, {"del", "delete"}
                                }) {
                            statement.execute(
                                    "create or replace trigger "
                                            + SQL.identifier(trigger(key, event[0]))
                                            + " before "
                                            + event[1]
                                            + " on "
                                            + SQL.identifier(name)
                                            + " for each row\n"
                                            + "begin\n"
                                            + "  declare n bigint default nextval("
                                            + SQL.identifier(sequence(key, "writes"))
                                            + ");\n"
                                            + "  declare message varchar(128);\n"
                                            + "  if "
                                            + fails
                                            + " then\n"
                                            + "    do nextval("
                                            + SQL.identifier(sequence(key, "failed"))
                                            + ");\n"
                                            // MESSAGE_TEXT holds 128 characters: a long table name
                                            // is cut, the write's number kept
                                            + "    set message = concat("
                                            + SQL.literal(
                                                    "Parity failed this write to "
                                                            + shortened(name))
                                            + ", ' on purpose (faults.failWrites, write ', n, ')');\n"
                                            + "    signal sqlstate '"
                                            + sqlState
                                            + "' set message_text = message;\n"
                                            + "  end if;\n"
                                            + "end");
                        }
                    }
                    return null;
                });
    }

    @Override
    public long writesFailed(String database, String table) {
        String name = tableOf(database, table);
        return admin.inDatabase(
                database,
                "count the failed writes to '" + table + "'",
                connection -> {
                    try (PreparedStatement exists =
                            connection.prepareStatement(
                                    "select count(*) from information_schema.tables"
                                            + " where table_schema = ? and table_name = ? and table_type = 'SEQUENCE'")) {
                        exists.setString(1, database);
                        exists.setString(2, sequence(key(name), "failed"));
                        try (ResultSet rows = exists.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) == 0) {
                                return 0L;
                            }
                        }
                    }
                    try (Statement statement = connection.createStatement();
                            ResultSet rows =
                                    statement.executeQuery(
                                            "select next_not_cached_value - 1 from "
                                                    + SQL.identifier(
                                                            sequence(key(name), "failed")))) {
                        rows.next();
                        return rows.getLong(1);
                    }
                });
    }

    /**
     * {@code KILL CONNECTION}: an idle session's socket is closed, so Connector/J sees "Socket error" (08000, code -1)
     * on its next statement. Parity's own {@link #lock}s are spared.
     */
    @Override
    public int killSessions(String database) {
        return admin.inDatabase(
                "mysql",
                "end the sessions of '" + database + "'",
                connection -> {
                    List<Long> sessions = new ArrayList<>();
                    try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select id from information_schema.processlist where db = ? and id <> connection_id()")) {
                        select.setString(1, database);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                sessions.add(rows.getLong(1));
                            }
                        }
                    }
                    int killed = 0;
                    try (Statement statement = connection.createStatement()) {
                        for (long session : sessions) {
                            if (lockSessions.contains(session)) {
                                continue;
                            }
                            try {
                                statement.execute("kill connection " + session);
                                killed++;
                            } catch (SQLException gone) {
                                // it ended by itself meanwhile
                            }
                        }
                    }
                    return killed;
                });
    }

    /**
     * {@code LOCK TABLES ... WRITE}: other sessions' reads and writes of the table wait, up to their
     * {@code lock_wait_timeout}, then fail with 1205 (ER_LOCK_WAIT_TIMEOUT, HY000).
     */
    @Override
    public AutoCloseable lock(String database, String table) {
        String name = tableOf(database, table);
        Connection connection = admin.connect(database, "lock '" + table + "'");
        long session;
        try (Statement statement = connection.createStatement()) {
            requireTable(connection, database, name, table);
            session = sessionId(connection);
            statement.execute("lock tables " + SQL.identifier(name) + " write");
            lockSessions.add(session);
        } catch (SQLException | RuntimeException e) {
            AdminSessions.closeQuietly(connection);
            throw AdminSessions.failure("lock '" + table + "'", e);
        }
        return () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("unlock tables");
            } finally {
                lockSessions.remove(session);
                connection.close();
            }
        };
    }

    /**
     * The server's {@code init_connect} gives new sessions of {@code database} a {@code max_statement_time}: a
     * longer statement fails with 1969 (ER_STATEMENT_TIMEOUT, 70100, "Query execution was interrupted
     * (max_statement_time exceeded)"). Sessions of other databases keep theirs, and so do administrators
     * (MariaDB runs {@code init_connect} for none with SUPER or CONNECTION ADMIN). Whatever {@code init_connect}
     * held before is kept, ahead of it.
     */
    @Override
    public void statementTimeout(String database, Duration timeout) {
        synchronized (INIT_CONNECT) {
            writeInitConnect(
                    readInitConnect()
                            .withTimeout(
                                    database,
                                    BigDecimal.valueOf(timeout.toNanos()).movePointLeft(9)));
        }
    }

    /**
     * The server's {@code init_connect} calls a procedure that counts the database's sessions (Parity's administrator's
     * aside) and {@code SIGNAL}s 1040, "Too many connections", beyond {@code connections}. MariaDB ends a session whose
     * {@code init_connect} fails, and the client sees 1184 (08S01, "Aborted connection ... (init_connect command
     * failed)") on connecting; the server's log has the reason. The limits are rows of {@value #LIMITS}, in a database
     * of Parity's own, so a dropped test database leaves no call to a procedure that is gone. Administrators (SUPER or
     * CONNECTION ADMIN) are not held to it, as MariaDB runs {@code init_connect} for none of them.
     */
    @Override
    public void connectionLimit(String database, int connections) {
        admin.inDatabase(
                "mysql",
                "limit the connections of '" + database + "'",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("create database if not exists " + ADMISSION);
                        statement.execute(
                                "create table if not exists "
                                        + LIMITS
                                        + " (db varchar(64) primary key, connections int not null,"
                                        + " refused bigint not null default 0)");
                        statement.execute(
                                "create or replace procedure "
                                        + ADMISSION
                                        + ".admit(session_db varchar(64)) sql security definer\n"
                                        + "begin\n"
                                        + "  declare allowed int default null;\n"
                                        + "  declare sessions int;\n"
                                        + "  select connections into allowed from "
                                        + LIMITS
                                        + " where db = session_db;\n"
                                        + "  if allowed is not null then\n"
                                        + "    select count(*) into sessions from information_schema.processlist where db = session_db and user <> "
                                        + SQL.literal(adminUser)
                                        + ";\n"
                                        // inside the procedure, this session's row shows the
                                        // procedure's database: these are the others
                                        + "    if sessions >= allowed then\n"
                                        // committed on its own (autocommit), before the signal ends
                                        // the session
                                        + "      update "
                                        + LIMITS
                                        + " set refused = refused + 1 where db = session_db;\n"
                                        + "      set @parity_refusal = concat('Too many connections to ', left(session_db, 50), ': Parity allows ', allowed,"
                                        + " ' (faults.connectionLimit)');\n"
                                        + "      signal sqlstate '08004' set mysql_errno = 1040, message_text = @parity_refusal;\n"
                                        + "    end if;\n"
                                        + "  end if;\n"
                                        + "end");
                        statement.execute(
                                "grant execute on procedure " + ADMISSION + ".admit to public");
                    }
                    try (PreparedStatement limit =
                            connection.prepareStatement(
                                    "replace into "
                                            + LIMITS
                                            + " (db, connections) values (?, ?)")) {
                        limit.setString(1, database);
                        limit.setInt(2, connections);
                        limit.execute();
                    }
                    return null;
                });
        synchronized (INIT_CONNECT) {
            writeInitConnect(readInitConnect());
        }
    }

    @Override
    public long connectionsRefused(String database) {
        return admin.inDatabase(
                "mysql",
                "count the refused connections of '" + database + "'",
                connection ->
                        limitsExist(connection)
                                ? Long.parseLong(
                                        AdminSessions.firstValue(
                                                        connection,
                                                        "select refused from "
                                                                + LIMITS
                                                                + " where db = ?",
                                                        database)
                                                .orElse("0"))
                                : 0L);
    }

    /**
     * {@code read_only}, for the whole server: MariaDB has no read-only database. Writes of every database fail with
     * 1290 (ER_OPTION_PREVENTS_STATEMENT, HY000, "The MariaDB server is running with the --read-only option so it
     * cannot execute this statement"), as on a replica; temporary tables and administrators (READ_ONLY ADMIN) can
     * still write. The sessions of {@code database} only are terminated.
     */
    @Override
    public void readOnly(String database) {
        admin.inDatabase(
                "mysql",
                "make the server read-only",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set global read_only = on");
                    }
                    return null;
                });
        killSessions(database);
    }

    /** Also turns the server's {@code read_only} off, whichever database {@link #readOnly} was for. */
    @Override
    public void clear(String database) {
        boolean limited =
                admin.inDatabase(
                        "mysql",
                        "undo the connection limit",
                        connection -> {
                            if (!limitsExist(connection)) {
                                return false;
                            }
                            try (PreparedStatement delete =
                                    connection.prepareStatement(
                                            "delete from " + LIMITS + " where db = ?")) {
                                delete.setString(1, database);
                                return delete.executeUpdate() > 0;
                            }
                        });
        synchronized (INIT_CONNECT) {
            InitConnect current = readInitConnect();
            if (current.timeouts().containsKey(database) || limited) {
                writeInitConnect(current.withoutTimeout(database));
            }
        }
        admin.inDatabase(
                database,
                "undo the faults",
                connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set global read_only = off");
                        for (String trigger :
                                values(
                                        connection,
                                        "select trigger_name from information_schema.triggers"
                                                + " where trigger_schema = ? and trigger_name like 'parity\\_fault\\_%'",
                                        database)) {
                            statement.execute("drop trigger if exists " + SQL.identifier(trigger));
                        }
                        for (String sequence :
                                values(
                                        connection,
                                        "select table_name from information_schema.tables"
                                                + " where table_schema = ? and table_type = 'SEQUENCE' and table_name like 'parity\\_fault\\_%'",
                                        database)) {
                            statement.execute(
                                    "drop sequence if exists " + SQL.identifier(sequence));
                        }
                    }
                    return null;
                });
    }

    private InitConnect readInitConnect() {
        return InitConnect.parse(
                admin.inDatabase(
                        "mysql",
                        "read init_connect",
                        connection -> {
                            try (Statement statement = connection.createStatement();
                                    ResultSet rows =
                                            statement.executeQuery(
                                                    "select @@global.init_connect")) {
                                rows.next();
                                return rows.getString(1);
                            }
                        }));
    }

    /** {@code value}, admitting by limit while any database has one. */
    private void writeInitConnect(InitConnect value) {
        admin.inDatabase(
                "mysql",
                "set init_connect",
                connection -> {
                    boolean limits = false;
                    if (limitsExist(connection)) {
                        try (Statement statement = connection.createStatement();
                                ResultSet any =
                                        statement.executeQuery("select count(*) from " + LIMITS)) {
                            any.next();
                            limits = any.getLong(1) > 0;
                        }
                    }
                    try (PreparedStatement statement =
                            connection.prepareStatement("set global init_connect = ?")) {
                        statement.setString(1, value.admitting(limits).text());
                        statement.execute();
                    }
                    return null;
                });
    }

    private static boolean limitsExist(Connection connection) throws SQLException {
        try (PreparedStatement exists =
                connection.prepareStatement(
                        "select count(*) from information_schema.tables where table_schema = ?"
                                + " and table_name = 'connection_limits'")) {
            exists.setString(1, ADMISSION);
            try (ResultSet rows = exists.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** {@code table}'s name in {@code database}: {@code database.table} names it too, another database does not. */
    private static String tableOf(String database, String table) {
        int dot = table.indexOf('.');
        if (dot < 0) {
            return table;
        }
        if (!table.substring(0, dot).equals(database)) {
            throw new EngineException(
                    "'"
                            + table
                            + "' is not a table of database '"
                            + database
                            + "': on MariaDB the part before the dot"
                            + " is a database. Name a table of the test's database, without a prefix.",
                    null);
        }
        return table.substring(dot + 1);
    }

    private static void requireTable(
            Connection connection, String database, String name, String table) throws SQLException {
        try (PreparedStatement exists =
                connection.prepareStatement(
                        "select count(*) from information_schema.tables"
                                + " where table_schema = ? and table_name = ? and table_type = 'BASE TABLE'")) {
            exists.setString(1, database);
            exists.setString(2, name);
            try (ResultSet rows = exists.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    throw new EngineException(
                            "there is no table '"
                                    + table
                                    + "' in database '"
                                    + database
                                    + "'. Name a table of the test's database.",
                            null);
                }
            }
        }
    }

    /**
     * A name of {@code table}'s objects: letters, digits and '_' of it, and a hash to keep two tables apart; short
     * enough that the prefix and suffix keep it within MariaDB's 64 characters.
     */
    private static String key(String table) {
        String plain = table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return (plain.length() > 30 ? plain.substring(0, 30) : plain)
                + "_"
                + Integer.toHexString(table.hashCode());
    }

    private static String shortened(String table) {
        return table.length() > 40 ? table.substring(0, 37) + "..." : table;
    }

    private static String trigger(String key, String event) {
        return PREFIX + key + "_" + event;
    }

    private static String sequence(String key, String what) {
        return PREFIX + key + "_" + what;
    }

    private static long sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet id = statement.executeQuery("select connection_id()")) {
            id.next();
            return id.getLong(1);
        }
    }
}
