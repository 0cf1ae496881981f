package dev.parity.engine.mariadb;

import dev.parity.engine.AdminSessions;
import dev.parity.engine.LockWait;
import dev.parity.engine.LockWaits;
import dev.parity.engine.Server;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's lock waits: processlist rows waiting on a metadata or table lock ({@code Waiting for table
 * metadata lock}, for which {@code lock_wait_timeout} allows a day and more), and InnoDB transactions in
 * {@code LOCK WAIT}. InnoDB names a row lock's holders ({@code information_schema.INNODB_LOCK_WAITS}, in
 * 10.11 and 11.8 alike); a metadata lock's holder is named only by the {@code metadata_lock_info} plugin, which
 * the images do not install, so for those the holders given are the sessions with a transaction open, which
 * hold the metadata locks of what they touched until they end it. Watched from the {@code mysql} database.
 */
final class MariaDbLockWaits implements LockWaits {

    private static final int QUERY_TIMEOUT = 10;

    private static final String WAITING =
            """
            select p.ID, p.STATE, concat(p.USER, '@', p.HOST), p.INFO, p.TIME_MS, t.trx_id, t.trx_state,
                   timestampdiff(microsecond, t.trx_wait_started, now(6))
            from information_schema.PROCESSLIST p left join information_schema.INNODB_TRX t on t.trx_mysql_thread_id = p.ID
            where p.DB = ? and p.ID <> connection_id() and (p.STATE like 'Waiting for %lock%' or t.trx_state = 'LOCK WAIT')
            order by p.TIME_MS desc""";
    private static final String SESSION =
            """
            select p.ID, p.COMMAND, p.STATE, concat(p.USER, '@', p.HOST), p.INFO, p.TIME_MS, t.trx_id
            from information_schema.PROCESSLIST p left join information_schema.INNODB_TRX t on t.trx_mysql_thread_id = p.ID
            """;
    private static final String ROW_LOCK_HOLDERS =
            SESSION
                    + "where p.ID in (select b.trx_mysql_thread_id from information_schema.INNODB_LOCK_WAITS w "
                    + "join information_schema.INNODB_TRX b on b.trx_id = w.blocking_trx_id where w.requesting_trx_id = ?) order by p.ID";
    private static final String OPEN_TRANSACTIONS =
            SESSION
                    + "where t.trx_id is not null and p.ID <> ? and p.ID <> connection_id() order by p.ID";

    private final AdminSessions admin;
    private Connection connection;

    MariaDbLockWaits(Server server) {
        this.admin = new AdminSessions(server);
    }

    @Override
    public synchronized List<LockWait> in(String database) {
        try {
            Connection session = session();
            List<LockWait> waits = new ArrayList<>();
            try (PreparedStatement select = session.prepareStatement(WAITING)) {
                select.setQueryTimeout(QUERY_TIMEOUT);
                select.setString(1, database);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        Duration inState = millis(rows.getBigDecimal(5));
                        LockWait.Session waiter =
                                new LockWait.Session(
                                        id,
                                        rows.getString(2),
                                        rows.getString(3),
                                        rows.getString(4),
                                        inState);
                        boolean rowLock = "LOCK WAIT".equals(rows.getString(7));
                        long micros = rows.getLong(8);
                        Duration waited =
                                rowLock && !rows.wasNull()
                                        ? Duration.ofNanos(micros * 1000)
                                        : inState;
                        String trx = rows.getString(6);
                        waits.add(
                                rowLock
                                        ? new LockWait(
                                                waiter,
                                                waited,
                                                "a row lock (InnoDB)",
                                                sessions(session, ROW_LOCK_HOLDERS, trx),
                                                true)
                                        : new LockWait(
                                                waiter,
                                                waited,
                                                rows.getString(2),
                                                sessions(
                                                        session,
                                                        OPEN_TRANSACTIONS,
                                                        String.valueOf(id)),
                                                false));
                    }
                }
            }
            return waits;
        } catch (SQLException e) {
            closeSession();
            throw AdminSessions.failure("read the lock waits of '" + database + "'", e);
        }
    }

    private static List<LockWait.Session> sessions(Connection session, String sql, String parameter)
            throws SQLException {
        List<LockWait.Session> sessions = new ArrayList<>();
        try (PreparedStatement select = session.prepareStatement(sql)) {
            select.setQueryTimeout(QUERY_TIMEOUT);
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean inTransaction = rows.getString(7) != null;
                    String command = rows.getString(2);
                    String state =
                            "Sleep".equals(command)
                                    ? (inTransaction ? "idle in transaction" : "idle")
                                    : rows.getString(3) == null || rows.getString(3).isBlank()
                                            ? command
                                            : rows.getString(3);
                    sessions.add(
                            new LockWait.Session(
                                    rows.getLong(1),
                                    state,
                                    rows.getString(4),
                                    rows.getString(5),
                                    millis(rows.getBigDecimal(6))));
                }
            }
        }
        return sessions;
    }

    @Override
    public synchronized void cancel(long session) {
        kill("KILL QUERY " + session, "cancel the statement of session " + session);
    }

    @Override
    public synchronized void terminate(long session) {
        kill("KILL CONNECTION " + session, "end session " + session);
    }

    private void kill(String sql, String what) {
        try (Statement statement = session().createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT);
            statement.execute(sql);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1094) {
                return; // Unknown thread id: it ended on its own
            }
            closeSession();
            throw AdminSessions.failure(what, e);
        }
    }

    private Connection session() {
        if (connection == null) {
            connection = admin.connect("mysql", "watch the lock waits");
        }
        return connection;
    }

    private static Duration millis(BigDecimal millis) {
        return millis == null ? null : Duration.ofNanos(millis.movePointRight(6).longValue());
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
