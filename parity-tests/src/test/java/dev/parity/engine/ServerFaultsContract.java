package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.spec.DatabaseSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link ServerFaults} promises, against a real server: each fault seen through plain JDBC as the test user,
 * on a copy of its own, beside another copy it must leave alone. What differs per engine (the errors, what is
 * server-wide) is in the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerFaultsContract {

    private static final AtomicInteger COPIES = new AtomicInteger();

    private RunningDatabase server;
    private String empty;
    protected ServerFaults faults;

    /** The faulted copy, and a copy beside it on the same server. */
    protected String database;

    protected String other;
    protected DataSource dataSource;
    protected DataSource otherDataSource;

    /** A real error, as the driver reports it. */
    public record ServerError(String sqlState, int code, String message) {}

    protected abstract DatabaseSpec spec();

    /** What a write failed by {@code failWrites(..., "40001", ...)} throws; its message is checked separately. */
    protected abstract int signalledCode();

    /** The error of a statement run after the session was terminated. */
    protected abstract ServerError killed();

    /** Sets the session's wait for a lock to about a second; and the error when it ends. */
    protected abstract String shortLockWait();

    protected abstract ServerError lockWaitEnded();

    /** A statement that takes about {@code seconds}. */
    protected abstract String sleep(double seconds);

    protected abstract ServerError timedOut();

    protected abstract ServerError readOnlyWrite();

    /** Whether {@link ServerFaults#readOnly} is the whole server's. */
    protected abstract boolean readOnlyIsServerWide();

    @BeforeAll
    void start() {
        String name =
                "faults-"
                        + getClass()
                                .getSimpleName()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-');
        server =
                Databases.start(
                        spec().withInit(List.of("db/faults/accounts.sql")),
                        ServerFaultsContract.class.getClassLoader(),
                        name);
        empty = name.replace('-', '_') + "_empty";
        server.copies().snapshot(server.spec().name(), empty);
        faults = server.engine().faults(server.server());
    }

    @AfterAll
    void stop() {
        if (faults != null) {
            faults.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshCopies() {
        database = "faulted_" + COPIES.incrementAndGet();
        other = "beside_" + COPIES.incrementAndGet();
        dataSource = server.dataSource(server.copies().cloneOf(empty, database));
        otherDataSource = server.dataSource(server.copies().cloneOf(empty, other));
    }

    @Test
    void theNextCountWritesFailThenWritesPass() throws SQLException {
        execute(
                dataSource,
                "insert into accounts values (1, 10)",
                "insert into accounts values (2, 20)");
        faults.failWrites(database, "accounts", "40001", 0, 3, 7);

        SQLException insert = failure(dataSource, "insert into accounts values (3, 30)");
        assertThat(insert.getSQLState()).isEqualTo("40001");
        assertThat(insert.getErrorCode()).isEqualTo(signalledCode());
        assertThat(insert.getMessage())
                .contains(
                        "Parity failed this write to accounts on purpose (faults.failWrites, write 1)");
        assertThat(
                        failure(dataSource, "update accounts set balance = 11 where id = 1")
                                .getMessage())
                .contains("write 2)");
        assertThat(failure(dataSource, "delete from accounts where id = 2").getMessage())
                .contains("write 3)");
        assertThat(faults.writesFailed(database, "accounts")).isEqualTo(3);

        execute(
                dataSource,
                "insert into accounts values (3, 30)",
                "update accounts set balance = 11 where id = 1",
                "delete from accounts where id = 2");
        assertThat(query(dataSource, "select sum(balance) from accounts")).isEqualTo("41");
        assertThat(faults.writesFailed(database, "accounts")).isEqualTo(3);
    }

    @Test
    void theCountSurvivesTheFailedTransactionsRollback() throws SQLException {
        faults.failWrites(database, "accounts", "40001", 0, 2, 7);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                int write = attempt;
                assertThatThrownBy(() -> statement.execute("insert into accounts values (1, 10)"))
                        .hasMessageContaining("write " + write + ")");
                connection.rollback();
            }
        }
        execute(dataSource, "insert into accounts values (1, 10)");
        assertThat(faults.writesFailed(database, "accounts")).isEqualTo(2);
    }

    @Test
    void aSeedFailsTheSameWritesInEveryRunAndOnEveryEngine() throws Exception {
        faults.failWrites(database, "accounts", "40001", 0.3, -1, 42);
        List<Integer> first = failedOf200(0);
        assertThat(faults.writesFailed(database, "accounts")).isEqualTo(first.size());
        faults.clear(database);

        faults.failWrites(database, "accounts", "40001", 0.3, -1, 42);
        assertThat(failedOf200(1000)).isEqualTo(first);
        assertThat(first).hasSizeBetween(30, 90).isEqualTo(expected(42, 0.3, 200));

        faults.failWrites(database, "accounts", "40001", 0.3, -1, 43);
        assertThat(failedOf200(2000)).isNotEqualTo(first).isEqualTo(expected(43, 0.3, 200));
    }

    @Test
    void anySqlStateIsTheOneTheDriverSees() throws SQLException {
        for (String sqlState : List.of("40P01", "23505", "57014", "HY000")) {
            faults.failWrites(database, "accounts", sqlState, 0, 1, 7);
            assertThat(failure(dataSource, "insert into accounts values (1, 10)").getSQLState())
                    .isEqualTo(sqlState);
        }
        execute(dataSource, "insert into accounts values (1, 10)");
    }

    @Test
    void failedWritesAreTheTablesAndTheDatabasesOnly() throws SQLException {
        faults.failWrites(database, "accounts", "40001", 1, -1, 7);
        execute(dataSource, "insert into audit values (1, 'other table')");
        execute(otherDataSource, "insert into accounts values (1, 10)");
        assertThat(failure(dataSource, "insert into accounts values (1, 10)").getSQLState())
                .isEqualTo("40001");
        assertThat(faults.writesFailed(database, "audit")).isZero();
        assertThat(faults.writesFailed(other, "accounts")).isZero();
    }

    @Test
    void aMissingTableIsNamed() {
        assertThatThrownBy(() -> faults.failWrites(database, "acounts", "40001", 1, -1, 7))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("'acounts'")
                .hasMessageContaining(database);
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void killedSessionsSeeTheServersErrorAndOthersGoOn() throws Exception {
        try (Connection victim = dataSource.getConnection();
                Connection bystander = otherDataSource.getConnection();
                AutoCloseable lock = faults.lock(database, "audit")) {
            assertThat(faults.killSessions(database))
                    .isEqualTo(1); // the victim: not the bystander, not Parity's lock
            SQLException error =
                    catchThrowableOfType(SQLException.class, () -> query(victim, "select 1"));
            assertThat((Throwable) error).isNotNull();
            assertThat(error.getSQLState())
                    .as("%s %s", error.getErrorCode(), error.getMessage())
                    .isEqualTo(killed().sqlState());
            assertThat(error.getErrorCode()).isEqualTo(killed().code());
            assertThat(error.getMessage()).contains(killed().message());
            assertThat(query(bystander, "select 1")).isEqualTo("1");
        }
        assertThat(query(dataSource, "select 1")).isEqualTo("1");
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    void aLockMakesOthersWaitUntilItIsClosed() throws Exception {
        execute(dataSource, "insert into accounts values (1, 10)");
        try (AutoCloseable lock = faults.lock(database, "accounts");
                Connection reader = dataSource.getConnection()) {
            execute(reader, shortLockWait());
            long started = System.nanoTime();
            SQLException error =
                    catchThrowableOfType(
                            SQLException.class,
                            () -> query(reader, "select count(*) from accounts"));
            assertThat((Throwable) error).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(error.getSQLState()).isEqualTo(lockWaitEnded().sqlState());
            assertThat(error.getErrorCode()).isEqualTo(lockWaitEnded().code());
            assertThat(error.getMessage()).contains(lockWaitEnded().message());
            assertThat(query(otherDataSource, "select count(*) from accounts")).isEqualTo("0");
        }
        assertThat(query(dataSource, "select count(*) from accounts")).isEqualTo("1");
        execute(dataSource, "insert into accounts values (2, 20)");
    }

    @Test
    void aStatementTimeoutCancelsTheDatabasesLongStatements() throws SQLException {
        faults.statementTimeout(database, Duration.ofMillis(300));
        SQLException error = failure(dataSource, sleep(3));
        assertThat(error.getSQLState()).isEqualTo(timedOut().sqlState());
        assertThat(error.getErrorCode()).isEqualTo(timedOut().code());
        assertThat(error.getMessage()).contains(timedOut().message());
        execute(dataSource, sleep(0.1));
        execute(otherDataSource, sleep(0.6));

        faults.statementTimeout(
                other, Duration.ofSeconds(5)); // a second database's timeout beside the first
        assertThat(failure(dataSource, sleep(3)).getSQLState()).isEqualTo(timedOut().sqlState());
        execute(otherDataSource, sleep(0.6));
        faults.clear(other);

        faults.clear(database);
        execute(dataSource, sleep(0.6));
    }

    @Test
    void readOnlyRefusesWritesAndEndsTheOpenSessions() throws SQLException {
        execute(dataSource, "insert into accounts values (1, 10)");
        try (Connection open = dataSource.getConnection()) {
            faults.readOnly(database);
            assertThat(
                            (Throwable)
                                    catchThrowableOfType(
                                            SQLException.class, () -> query(open, "select 1")))
                    .isNotNull();
        }
        SQLException error = failure(dataSource, "insert into accounts values (2, 20)");
        assertThat(error.getSQLState()).isEqualTo(readOnlyWrite().sqlState());
        assertThat(error.getErrorCode()).isEqualTo(readOnlyWrite().code());
        assertThat(error.getMessage()).contains(readOnlyWrite().message());
        assertThat(query(dataSource, "select count(*) from accounts")).isEqualTo("1");
        if (readOnlyIsServerWide()) {
            assertThat(
                            failure(otherDataSource, "insert into accounts values (2, 20)")
                                    .getSQLState())
                    .isEqualTo(readOnlyWrite().sqlState());
        } else {
            execute(otherDataSource, "insert into accounts values (2, 20)");
        }

        faults.clear(database);
        execute(dataSource, "insert into accounts values (2, 20)");
        execute(otherDataSource, "insert into accounts values (3, 30)");
    }

    @Test
    void clearUndoesEverythingAndIsHarmlessWithoutFaults() throws SQLException {
        faults.clear(database);
        faults.failWrites(database, "accounts", "40001", 1, -1, 7);
        faults.failWrites(database, "audit", "40P01", 0, 5, 7);
        faults.statementTimeout(database, Duration.ofMillis(300));
        faults.clear(database);

        execute(
                dataSource,
                "insert into accounts values (1, 10)",
                "insert into audit values (1, 'cleared')",
                sleep(0.6));
        assertThat(faults.writesFailed(database, "accounts")).isZero();
        assertThat(query(dataSource, leftovers())).isEqualTo("0");
        faults.clear(database);
    }

    /** Counts what failWrites leaves in the database (triggers, sequences, functions, schemas). */
    protected abstract String leftovers();

    /** The numbers (1 to 200) of the writes that failed out of 200 inserts, ids from {@code firstId}. */
    private List<Integer> failedOf200(int firstId) throws SQLException {
        List<Integer> failed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (int write = 1; write <= 200; write++) {
                try {
                    statement.execute("insert into accounts values (" + (firstId + write) + ", 0)");
                } catch (SQLException e) {
                    assertThat(e.getSQLState()).isEqualTo("40001");
                    assertThat(e.getMessage()).contains("write " + write + ")");
                    failed.add(write);
                }
            }
        }
        return failed;
    }

    /** The writes the documented rule fails: the first 32 bits of md5("seed:n") over 2^32 below the probability. */
    private static List<Integer> expected(long seed, double probability, int writes)
            throws Exception {
        List<Integer> failed = new ArrayList<>();
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (int n = 1; n <= writes; n++) {
            byte[] digest = md5.digest((seed + ":" + n).getBytes(StandardCharsets.US_ASCII));
            long first32 =
                    ((digest[0] & 0xFFL) << 24)
                            | ((digest[1] & 0xFFL) << 16)
                            | ((digest[2] & 0xFFL) << 8)
                            | (digest[3] & 0xFFL);
            if (first32 / 4294967296.0 < probability) {
                failed.add(n);
            }
        }
        return failed;
    }

    protected static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql);
        }
    }

    protected static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    protected static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql);
        }
    }

    protected static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** A connection to the faulted copy as the server's administrator. */
    protected Connection admin() throws SQLException {
        return java.sql.DriverManager.getConnection(
                server.server().urlOf(database),
                server.server().adminUsername(),
                server.server().adminPassword());
    }

    /** The error {@code sql} fails with, on a new connection. */
    protected static SQLException failure(DataSource dataSource, String sql) {
        SQLException error =
                catchThrowableOfType(SQLException.class, () -> execute(dataSource, sql));
        assertThat((Throwable) error).as("%s should fail", sql).isNotNull();
        return error;
    }
}
