package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The server's own faults on a real PostgreSQL, seen through plain JDBC and through HikariCP: each fault's
 * error as the driver reports it, its undoing, the counts, and its refusal where it would reach other tests.
 */
@NeedsDocker
class DatabaseFaultsTest {

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static ThrowingCallable executing(DataSource dataSource, String sql) {
        return () -> execute(dataSource, sql);
    }

    /** A plain JDBC session of the test's database, as an application's own pool opens one. */
    static Connection connect(ProdEnvironment environment) throws SQLException {
        return DriverManager.getConnection(
                environment.jdbcUrl(), environment.username(), environment.password());
    }

    /** Whose sessions a fault ends: this JDBC connection's. */
    static void assertSqlState(ThrowingCallable call, String sqlState) {
        assertThatThrownBy(call)
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(sqlState);
    }

    @ProdLike
    @FreshDatabase
    static class OnItsOwnDatabase {

        @Test
        void theNextWritesFailWithTheSqlStateThenWritesPass(DataSource dataSource, Faults faults)
                throws SQLException {
            faults.failWrites("accounts", "40001", 2);

            assertSqlState(
                    executing(
                            dataSource, "update accounts set balance = balance - 10 where id = 1"),
                    "40001");
            assertThatThrownBy(
                            executing(dataSource, "insert into accounts values (3, 'Edsger', 0)"))
                    .hasMessageContaining(
                            "Parity failed this write to accounts on purpose (faults.failWrites, write 2)");
            execute(dataSource, "update accounts set balance = balance - 10 where id = 1");

            assertThat(faults.report().writesFailed("accounts")).isEqualTo(2);
            execute(
                    dataSource,
                    "insert into audit_log (note) values ('another table writes as ever')");
        }

        @Test
        void aProbabilityFailsTheSameWritesForTheSameSeed(DataSource dataSource, Faults faults)
                throws SQLException {
            List<Integer> first =
                    failedOf(dataSource, faults.failWrites("audit_log", "40P01", 0.3));
            faults.restore();
            List<Integer> second =
                    failedOf(dataSource, faults.failWrites("audit_log", "40P01", 0.3));

            assertThat(first).hasSizeBetween(30, 90).isEqualTo(second);
            assertThat(faults.report().writesFailed("audit_log")).isEqualTo(second.size());
        }

        private static List<Integer> failedOf(DataSource dataSource, Faults faults)
                throws SQLException {
            List<Integer> failed = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                for (int write = 1; write <= 200; write++) {
                    try {
                        statement.execute(
                                "insert into audit_log (note) values ('write " + write + "')");
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).isEqualTo("40P01");
                        failed.add(write);
                    }
                }
            }
            return failed;
        }

        @Test
        void killedSessionsSeeTheServersErrorAndAPoolRecovers(
                ProdEnvironment environment, Faults faults) throws SQLException {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(environment.jdbcUrl());
            config.setUsername(environment.username());
            config.setPassword(environment.password());
            config.setMaximumPoolSize(2);
            try (HikariDataSource pool = new HikariDataSource(config);
                    Connection plain =
                            DriverManager.getConnection(
                                    environment.jdbcUrl(),
                                    environment.username(),
                                    environment.password())) {
                execute(pool, "select 1");
                faults.killSessions();

                assertSqlState(() -> plain.createStatement().execute("select 1"), "57P01");
                int attempts = 0;
                boolean done = false;
                while (!done
                        && attempts
                                < 3) { // what a caller that retries does: the pool drops the broken
                    // connection and opens another
                    attempts++;
                    try {
                        execute(pool, "select 1");
                        done = true;
                    } catch (SQLException e) {
                        assertThat(e.getSQLState()).isIn("57P01", "08006", "08003");
                    }
                }
                assertThat(done).as("the pool answers again after %d attempts", attempts).isTrue();
            }
            assertThat(faults.report().sessionsKilled()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void aHeldLockMakesWritersWaitUntilTheirTimeout(DataSource dataSource, Faults faults)
                throws SQLException {
            faults.lock("accounts", Duration.ofSeconds(30));

            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("set lock_timeout = '300ms'");
                assertSqlState(
                        () -> statement.execute("update accounts set balance = 0 where id = 2"),
                        "55P03");
            }
            faults.restore();
            execute(dataSource, "update accounts set balance = 0 where id = 2");
            assertThat(faults.report().lockHeld("accounts"))
                    .isBetween(Duration.ofMillis(300), Duration.ofSeconds(30));
        }

        @Test
        void aStatementTimeoutCancelsLongStatementsOfNewSessions(
                DataSource dataSource, Faults faults) throws SQLException {
            faults.statementTimeout(Duration.ofMillis(200));

            assertSqlState(executing(dataSource, "select pg_sleep(3)"), "57014");
            faults.restore();
            execute(dataSource, "select pg_sleep(0.3)");
        }

        @Test
        void aReadOnlyDatabaseRefusesWritesAsAReplicaDoes(DataSource dataSource, Faults faults)
                throws SQLException {
            faults.readOnly();

            assertSqlState(
                    executing(dataSource, "insert into audit_log (note) values ('x')"), "25006");
            execute(dataSource, "select count(*) from accounts");
            faults.restore();
            execute(dataSource, "insert into audit_log (note) values ('x')");
        }

        @Test
        void aConnectionLimitSaysItNeedsPostgres17(Faults faults) {
            assertThatThrownBy(() -> faults.connectionLimit(2))
                    .hasMessageStartingWith(
                            "connectionLimit needs PostgreSQL 17 or later (a login "
                                    + "event trigger); this server is 15.")
                    .hasMessageEndingWith(
                            ", whose own connection limit does not hold superusers, and the "
                                    + "test's user is one. Give the test's profile a postgres:17 image, or use the proxy's faults instead.");
        }

        @Test
        void faultsAreCheckedBeforeTheServerIsAsked(Faults faults) {
            assertThatThrownBy(() -> faults.failWrites("accounts", "00000", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "failWrites(\"accounts\", \"00000\", ...): '00000' is not a SQLSTATE. Give five digits or capital letters, "
                                    + "not of class 00, for example 40001 (serialization failure) or 40P01 (deadlock).");
            assertThatThrownBy(() -> faults.failWrites("acounts", "40001", 1))
                    .hasMessageContaining("there is no table 'acounts' in database 'parity_fresh_");
        }
    }

    /** The same on MariaDB, in its own words: what Connector/J reports for each. */
    @ProdLike
    @FreshDatabase
    static class OnItsOwnMariaDbDatabase {

        @Test
        void writesFailWithTheSqlStateAsked(DataSource dataSource, Faults faults)
                throws SQLException {
            faults.failWrites("accounts", "40001", 1);

            assertSqlState(
                    executing(
                            dataSource, "update accounts set balance = balance - 10 where id = 1"),
                    "40001");
            execute(dataSource, "update accounts set balance = balance - 10 where id = 1");
            assertThat(faults.report().writesFailed("accounts")).isEqualTo(1);
        }

        @Test
        void aHeldLockMakesWritersWaitUntilTheirTimeout(DataSource dataSource, Faults faults)
                throws SQLException {
            faults.lock("accounts", Duration.ofSeconds(30));

            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("set session lock_wait_timeout = 1");
                assertThatThrownBy(
                                () ->
                                        statement.execute(
                                                "update accounts set balance = 0 where id = 2"))
                        .isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getErrorCode())
                        .isEqualTo(1205);
            }
            faults.restore();
            execute(dataSource, "update accounts set balance = 0 where id = 2");
        }

        @Test
        void aStatementTimeoutCancelsLongStatementsOfNewSessions(
                DataSource dataSource, Faults faults) throws SQLException {
            faults.statementTimeout(Duration.ofMillis(300));

            assertSqlState(executing(dataSource, "select sleep(3)"), "70100");
            faults.restore();
            execute(dataSource, "select sleep(0.5)");
        }

        @Test
        void readOnlyAndKilledSessions(DataSource dataSource, Faults faults) throws SQLException {
            try (Connection open = dataSource.getConnection()) {
                faults.killSessions();
                assertThatThrownBy(() -> open.createStatement().execute("select 1"))
                        .isInstanceOf(SQLException.class);
            }
            faults.readOnly();
            assertThatThrownBy(executing(dataSource, "insert into audit_log (note) values ('x')"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getErrorCode())
                    .isEqualTo(1290);
            faults.restore();
            execute(dataSource, "insert into audit_log (note) values ('x')");
            assertThat(faults.report().sessionsKilled()).isGreaterThanOrEqualTo(1);
        }

        @SuppressWarnings("try") // sessions held open to fill the limit, not used
        @Test
        void aConnectionLimitEndsTheSessionBeyondIt(ProdEnvironment environment, Faults faults)
                throws SQLException {
            faults.connectionLimit(1);
            try (Connection first = connect(environment)) {
                // Connector/J's own queries after the login are refused: it reports that, with the
                // server's error as the cause
                assertThatThrownBy(() -> connect(environment).close())
                        .isInstanceOf(SQLNonTransientConnectionException.class)
                        .hasMessageEndingWith("Initialization command fail")
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo("08000");
                assertThatThrownBy(() -> connect(environment).close())
                        .satisfies(
                                e ->
                                        assertThat(rootCause(e))
                                                .isInstanceOf(SQLException.class)
                                                .hasMessageContaining(
                                                        "(init_connect command failed)")
                                                .extracting(
                                                        cause ->
                                                                ((SQLException) cause)
                                                                        .getErrorCode())
                                                .isEqualTo(1184));
                assertThat(faults.report().connectionsRefused()).isEqualTo(2);
            }
            faults.restore();
            try (Connection first = connect(environment);
                    Connection second = connect(environment)) {
                assertThat(second.isValid(5)).isTrue();
            }
        }

        @Test
        void failoverSaysWhatToUseInstead(Faults faults) {
            assertThatThrownBy(() -> faults.failover(Duration.ofSeconds(1)))
                    .hasMessage(
                            "the MariaDB engine cannot restart its server in its "
                                    + "container without changing its port. Use Faults.cut() and Faults.killSessions() instead, which the code under test sees alike.");
        }
    }

    /** PostgreSQL 17: a login event trigger refuses sessions beyond the limit with 53300, superusers too, as a pool sees. */
    @ProdLike
    @FreshDatabase
    static class ConnectionLimitOnPostgres17 {

        @SuppressWarnings("try") // sessions held open to fill the limit, not used
        @Test
        @DatabaseFault(connectionLimit = 2)
        void theSessionBeyondTheLimitIsRefusedAndAPoolSeesIt(
                ProdEnvironment environment, Faults faults) throws SQLException {
            try (Connection first = connect(environment)) {
                try (Connection second = connect(environment)) {
                    assertThatThrownBy(() -> connect(environment).close())
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining(
                                    "too many connections for database \"parity_fresh_")
                            .extracting(e -> ((SQLException) e).getSQLState())
                            .isEqualTo("53300");
                }
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(environment.jdbcUrl());
                config.setUsername(environment.username());
                config.setPassword(environment.password());
                config.setMaximumPoolSize(3);
                config.setMinimumIdle(0);
                config.setConnectionTimeout(1000);
                try (HikariDataSource pool = new HikariDataSource(config);
                        Connection pooled = pool.getConnection()) {
                    assertThatThrownBy(() -> pool.getConnection().close())
                            .isInstanceOf(SQLException.class)
                            .satisfies(
                                    e ->
                                            assertThat(rootCause(e))
                                                    .isInstanceOf(SQLException.class)
                                                    .extracting(
                                                            cause ->
                                                                    ((SQLException) cause)
                                                                            .getSQLState())
                                                    .isEqualTo("53300"));
                }
            }
            assertThat(faults.report().connectionsRefused()).isGreaterThanOrEqualTo(2);
            faults.restore();
            try (Connection first = connect(environment);
                    Connection second = connect(environment);
                    Connection third = connect(environment)) {
                assertThat(third.isValid(5)).isTrue();
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    /** Every test starts clean: the faults above went with their copies. */
    @ProdLike
    static class OnTheSharedDatabase {

        @Test
        void aFaultThatChangesTheDatabaseIsRefusedSayingWhatToUse(
                DataSource dataSource, Faults faults) throws SQLException {
            assertThatThrownBy(() -> faults.failWrites("accounts", "40001", 0.5))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                            "failWrites() changes the test's database, and "
                                    + OnTheSharedDatabase.class.getName()
                                    + ".aFaultThatChangesTheDatabaseIsRefusedSayingWhatToUse() shares its database with every other test of the class "
                                    + "and every class of the profile. Annotate the test (or its class) with @FreshDatabase: it gets a database of its "
                                    + "own, which failWrites() may change.");
            execute(dataSource, "update accounts set balance = balance where id = 1");
        }
    }

    @ProdLike("failover")
    static class Failover {

        @Test
        void theServerRestartsAndComesBackWithItsData(
                ProdEnvironment environment, DataSource dataSource, Faults faults)
                throws SQLException {
            execute(dataSource, "insert into audit_log (note) values ('before the failover')");
            try (Connection before = dataSource.getConnection()) {
                long started = System.nanoTime();
                faults.failover(Duration.ofSeconds(2));

                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
                assertThatThrownBy(() -> before.createStatement().execute("select 1"))
                        .isInstanceOf(SQLException.class);
            }
            try (Connection after = dataSource.getConnection();
                    Statement statement = after.createStatement();
                    var rows =
                            statement.executeQuery(
                                    "select count(*) from audit_log where note = 'before the failover'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThat(faults.report().failovers()).isEqualTo(1);
        }
    }

    @ProdLike
    @FreshDatabase
    @DatabaseFault(failWrites = "audit_log", sqlState = "23505", count = 1)
    static class Declared {

        @Test
        @DatabaseFault(readOnly = true)
        void theMethodsFaultsJoinTheClasssBeforeTheTest(DataSource dataSource, Faults faults)
                throws SQLException {
            // a read-only database refuses a write before any trigger of the table sees it
            assertSqlState(
                    executing(dataSource, "insert into audit_log (note) values ('x')"), "25006");
            assertThat(faults.report().writesFailed("audit_log")).isZero();
            faults.restore();
            execute(dataSource, "insert into audit_log (note) values ('x')");
        }

        @Test
        void theProfilesFaultsTooAndEachTestStartsAfresh(DataSource dataSource, Faults faults)
                throws SQLException {
            assertSqlState(
                    executing(dataSource, "insert into audit_log (note) values ('x')"), "23505");
            assertSqlState(executing(dataSource, "update accounts set balance = 1"), "40001");
            assertSqlState(executing(dataSource, "select pg_sleep(2)"), "57014");
            execute(dataSource, "update accounts set balance = 1");
            assertThat(faults.report().writesFailed("accounts")).isEqualTo(1);
        }
    }

    @ProdLike
    static class DeclaredOnASharedDatabase {
        @Test
        void test() {}
    }

    @Test
    void declaredFaultsApplyToEachFreshTestAndAreRefusedOnASharedDatabase() {
        Map<String, String> declared =
                Map.of("parity.config", "profiles/faults.yml", "parity.profile", "declared-faults");
        EngineExecutionResults fresh = Kit.run(declared, Declared.class);
        assertThat(failures(fresh)).isEmpty();
        fresh.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        EngineExecutionResults shared = Kit.run(declared, DeclaredOnASharedDatabase.class);
        assertThat(shared.testEvents().failed().list())
                .singleElement()
                .satisfies(
                        event ->
                                assertThat(
                                                event.getPayload(
                                                                org.junit.platform.engine
                                                                        .TestExecutionResult.class)
                                                        .orElseThrow()
                                                        .getThrowable()
                                                        .orElseThrow())
                                        .isInstanceOf(
                                                org.junit.jupiter.api.extension
                                                        .ExtensionConfigurationException.class)
                                        .hasMessage(
                                                "the database faults [failWrites(\"accounts\", \"40001\", 1), statementTimeout(300 ms)] (of profile "
                                                        + "'declared-faults' or @DatabaseFault) change the test's database, and "
                                                        + DeclaredOnASharedDatabase.class.getName()
                                                        + ".test() shares its database with other tests. Annotate the test (or its class) with @FreshDatabase, which gives it a "
                                                        + "database of its own."));
    }

    /** What failed, with why: a failing fixture's own assertion says more than a count. */
    private static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(
                        event ->
                                event.getTestDescriptor().getDisplayName()
                                        + ": "
                                        + event.getPayload(
                                                        org.junit.platform.engine
                                                                .TestExecutionResult.class)
                                                .orElseThrow()
                                                .getThrowable()
                                                .map(Throwable::toString)
                                                .orElse("?"))
                .toList();
    }

    /** Runs the fixtures on a profile of faults.yml: each of their {@code tests} must pass. */
    private static void allPass(String profile, int tests, Class<?>... fixtures) {
        EngineExecutionResults results =
                Kit.run(
                        Map.of("parity.config", "profiles/faults.yml", "parity.profile", profile),
                        fixtures);
        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
    }

    @Test
    void eachFaultShowsTheServersOwnErrorAndIsUndone() {
        allPass("faults", 9, OnItsOwnDatabase.class, OnTheSharedDatabase.class);
    }

    @Test
    void onMariaDbEachFaultShowsTheServersOwnError() {
        allPass("faults-mariadb", 6, OnItsOwnMariaDbDatabase.class);
    }

    @Test
    void aConnectionLimitRefusesTheNextSessionOnPostgres17() {
        allPass("faults-17", 1, ConnectionLimitOnPostgres17.class);
    }

    @Test
    void failoverRestartsAServerNoOtherClassUses() {
        allPass("failover", 1, Failover.class);
    }
}
