package dev.parity.engine.postgres;

import dev.parity.engine.AdminSessions;
import dev.parity.engine.EngineException;
import dev.parity.engine.LockWait;
import dev.parity.engine.LockWaits;
import dev.parity.engine.Server;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's lock waits: {@code pg_stat_activity} rows waiting on a heavyweight lock ({@code wait_event_type
 * = 'Lock'}, {@code virtualxid} included: what {@code CREATE INDEX CONCURRENTLY} waits on), how long from
 * {@code pg_locks.waitstart} (PostgreSQL 14+; before it, the statement's start), and their holders from
 * {@code pg_blocking_pids()}, which names them exactly. Watched from the {@code postgres} database, since
 * {@code pg_stat_activity} shows every database's sessions.
 */
final class PostgresLockWaits implements LockWaits {

    private static final Pattern RELATION = Pattern.compile("relation (\\d+)");

    /** Seconds any of its statements may take: the watch must not itself wait without bound. */
    private static final int QUERY_TIMEOUT = 10;

    private static final String WAITING =
            """
            select a.pid, a.state, a.application_name, a.query,
                   extract(epoch from now() - a.state_change) as in_state,
                   extract(epoch from now() - coalesce(%s, a.query_start)) as waited,
                   coalesce((select l.locktype || coalesce(' ' || l.relation, '') || ' (' || l.mode || ')'
                             from pg_locks l where l.pid = a.pid and not l.granted limit 1), a.wait_event) as lock,
                   pg_blocking_pids(a.pid) as holders
            from pg_stat_activity a
            where a.datname = ? and a.wait_event_type = 'Lock' and a.pid <> pg_backend_pid()
            order by waited desc""";
    private static final String WAIT_START =
            "(select min(l.waitstart) from pg_locks l where l.pid = a.pid and not l.granted)";
    private static final String PREPARED =
            """
            select gid, owner, extract(epoch from now() - prepared) from pg_prepared_xacts where database = ? order by prepared""";
    private static final String HOLDERS =
            """
            select pid, state, application_name, query, extract(epoch from now() - state_change)
            from pg_stat_activity where pid = any(?) order by pid""";

    private final AdminSessions admin;
    private Connection connection;
    private String waiting;

    PostgresLockWaits(Server server) {
        this.admin = new AdminSessions(server);
    }

    @Override
    public synchronized List<LockWait> in(String database) {
        try {
            Connection session = session();
            List<LockWait> waits = new ArrayList<>();
            try (PreparedStatement select = session.prepareStatement(waiting)) {
                select.setQueryTimeout(QUERY_TIMEOUT);
                select.setString(1, database);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LockWait.Session waiter =
                                new LockWait.Session(
                                        rows.getLong(1),
                                        rows.getString(2),
                                        rows.getString(3),
                                        rows.getString(4),
                                        seconds(rows.getBigDecimal(5)));
                        Array holders = rows.getArray(8);
                        List<LockWait.Session> holding = holders(session, holders);
                        if (List.of((Integer[]) holders.getArray()).contains(0)) {
                            holding.addAll(prepared(session, database));
                        }
                        waits.add(
                                new LockWait(
                                        waiter,
                                        seconds(rows.getBigDecimal(6)),
                                        rows.getString(7),
                                        holding,
                                        true));
                    }
                }
            }
            return waits;
        } catch (SQLException e) {
            closeSession();
            throw AdminSessions.failure("read the lock waits of '" + database + "'", e);
        }
    }

    private List<LockWait.Session> holders(Connection session, Array pids) throws SQLException {
        List<LockWait.Session> holders = new ArrayList<>();
        try (PreparedStatement select = session.prepareStatement(HOLDERS)) {
            select.setQueryTimeout(QUERY_TIMEOUT);
            select.setArray(1, pids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    holders.add(
                            new LockWait.Session(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    seconds(rows.getBigDecimal(5))));
                }
            }
        }
        return holders;
    }

    /** A relation's number is its name only in its own database: {@code regclass} read there. */
    @Override
    public LockWait named(LockWait wait, String database) {
        Matcher relation = RELATION.matcher(wait.lock());
        if (!relation.find()) {
            return wait;
        }
        try {
            String name =
                    admin.inDatabase(
                                    database,
                                    "name relation " + relation.group(1),
                                    session ->
                                            AdminSessions.firstValue(
                                                    session,
                                                    "select "
                                                            + Long.parseLong(relation.group(1))
                                                            + "::oid::regclass::text",
                                                    null))
                            .orElse(null);
            return name == null
                    ? wait
                    : new LockWait(
                            wait.waiting(),
                            wait.waited(),
                            relation.replaceFirst("relation " + Matcher.quoteReplacement(name)),
                            wait.holders(),
                            wait.exact());
        } catch (EngineException e) {
            return wait;
        }
    }

    /** pg_blocking_pids() gives 0 for a prepared transaction, which holds its locks with no session until it is committed or rolled back. */
    private static List<LockWait.Session> prepared(Connection session, String database)
            throws SQLException {
        List<LockWait.Session> prepared = new ArrayList<>();
        try (PreparedStatement select = session.prepareStatement(PREPARED)) {
            select.setQueryTimeout(QUERY_TIMEOUT);
            select.setString(1, database);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    prepared.add(
                            new LockWait.Session(
                                    0,
                                    "prepared transaction '"
                                            + rows.getString(1)
                                            + "' of "
                                            + rows.getString(2),
                                    "",
                                    "COMMIT PREPARED or ROLLBACK PREPARED '"
                                            + rows.getString(1)
                                            + "' ends it",
                                    seconds(rows.getBigDecimal(3))));
                }
            }
        }
        return prepared;
    }

    @Override
    public synchronized void cancel(long session) {
        signal("pg_cancel_backend", session, "cancel the statement of session " + session);
    }

    @Override
    public synchronized void terminate(long session) {
        signal("pg_terminate_backend", session, "end session " + session);
    }

    private void signal(String function, long pid, String what) {
        try (PreparedStatement statement =
                session().prepareStatement("select " + function + "(?)")) {
            statement.setQueryTimeout(QUERY_TIMEOUT);
            statement.setInt(1, Math.toIntExact(pid));
            statement.execute();
        } catch (SQLException e) {
            closeSession();
            throw AdminSessions.failure(what, e);
        }
    }

    private Connection session() throws SQLException {
        if (connection == null) {
            connection = admin.connect("postgres", "watch the lock waits");
            connection.setAutoCommit(true);
            boolean waitStart =
                    AdminSessions.firstValue(
                                    connection,
                                    "select current_setting('server_version_num')::int >= 140000",
                                    null)
                            .map("t"::equals)
                            .orElse(false);
            waiting = WAITING.formatted(waitStart ? WAIT_START : "null::timestamptz");
        }
        return connection;
    }

    private static Duration seconds(java.math.BigDecimal seconds) {
        return seconds == null ? null : Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    private void closeSession() {
        if (connection != null) {
            AdminSessions.closeQuietly(connection);
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSession();
    }
}
