package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.engine.EngineException;
import dev.parity.engine.Engines;
import dev.parity.engine.ServerFaultsContract;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** MariaDB's faults on the oldest and the newest image Parity supports: the server's own errors, as Connector/J reports them. */
@NeedsDocker
class MariaDbFaultsTest {

    @Nested
    class OnMariaDb10 extends OnMariaDb {
        @Override
        protected DatabaseSpec spec() {
            return DatabaseSpec.defaults(Engines.byId("mariadb").orElseThrow())
                    .withImage("mariadb:10.11");
        }
    }

    @Nested
    class OnMariaDb11 extends OnMariaDb {
        @Override
        protected DatabaseSpec spec() {
            return DatabaseSpec.defaults(Engines.byId("mariadb").orElseThrow())
                    .withImage("mariadb:11.8");
        }
    }

    abstract static class OnMariaDb extends ServerFaultsContract {

        @Override
        protected int signalledCode() {
            return 1644; // ER_SIGNAL_EXCEPTION
        }

        @Override
        protected ServerError killed() {
            // the server closes an idle session's socket without an error packet: Connector/J sees
            // the connection gone
            return new ServerError("08000", -1, "Socket error");
        }

        @Override
        protected String shortLockWait() {
            return "set session lock_wait_timeout = 1";
        }

        @Override
        protected ServerError lockWaitEnded() {
            return new ServerError(
                    "HY000", 1205, "Lock wait timeout exceeded"); // ER_LOCK_WAIT_TIMEOUT
        }

        @Override
        protected String sleep(double seconds) {
            return "select sleep(" + seconds + ")";
        }

        @Override
        protected ServerError timedOut() {
            return new ServerError(
                    "70100",
                    1969,
                    "Query execution was interrupted (max_statement_time exceeded)"); // ER_STATEMENT_TIMEOUT
        }

        @Override
        protected ServerError readOnlyWrite() {
            return new ServerError(
                    "HY000",
                    1290,
                    "The MariaDB server is running with the --read-only option so it cannot execute this statement");
        }

        @Override
        protected boolean readOnlyIsServerWide() {
            return true; // MariaDB has no read-only database
        }

        @Override
        protected String leftovers() {
            return "select (select count(*) from information_schema.triggers where trigger_schema = database())"
                    + " + (select count(*) from information_schema.tables where table_schema = database() and table_type = 'SEQUENCE')";
        }

        @Test
        void classesZeroAndOneAreRefused() {
            for (String sqlState : new String[] {"00000", "01000", "4000", "ab123"}) {
                assertThatThrownBy(
                                () -> faults.failWrites(database, "accounts", sqlState, 1, -1, 7))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("'" + sqlState + "'");
            }
        }

        @Test
        void aTableInItsDatabaseMayBeNamedWithItButNotInAnother() throws Exception {
            faults.failWrites(database, database + ".accounts", "40001", 0, 1, 7);
            failure(dataSource, "insert into accounts values (1, 10)");
            assertThatThrownBy(
                            () ->
                                    faults.failWrites(
                                            database, other + ".accounts", "40001", 0, 1, 7))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("'" + other + ".accounts'");
        }

        @Test
        void aStatementTimeoutKeepsWhatInitConnectHeldBefore() throws Exception {
            // what a profile's own init_connect did goes on, ahead of ours; clear leaves it as it
            // was
            try (Connection admin = admin()) {
                execute(admin, "set global init_connect = 'set @parity_profile = 1'");
                try {
                    faults.statementTimeout(database, Duration.ofMillis(300));
                    try (Connection connection = dataSource.getConnection()) {
                        assertThat(query(connection, "select @parity_profile")).isEqualTo("1");
                        assertThat(query(connection, "select @@max_statement_time"))
                                .isEqualTo("0.300000");
                    }
                    faults.clear(database);
                    assertThat(query(admin, "select @@global.init_connect"))
                            .isEqualTo("set @parity_profile = 1");
                } finally {
                    execute(admin, "set global init_connect = ''");
                }
            }
        }

        @Test
        void aConnectionLimitAndATimeoutShareInitConnectAndEachGoesWithItsDatabase()
                throws Exception {
            try (Connection admin = admin()) {
                execute(admin, "set global init_connect = 'set @parity_profile = 1'");
                try {
                    faults.statementTimeout(database, Duration.ofMillis(300));
                    faults.connectionLimit(database, 1);
                    assertThat(query(admin, "select @@global.init_connect"))
                            .isEqualTo(
                                    "set @parity_profile = 1; set session max_statement_time = "
                                            + "case database() when '"
                                            + database
                                            + "' then 0.300000000 else @@session.max_statement_time end; "
                                            + "call parity_faults.admit(database())");
                    try (Connection first = dataSource.getConnection()) {
                        assertThat(query(first, "select @parity_profile")).isEqualTo("1");
                        assertThat(query(first, "select @@max_statement_time"))
                                .isEqualTo("0.300000");
                        assertThatThrownBy(() -> dataSource.getConnection().close())
                                .isInstanceOf(SQLException.class);
                    }
                    assertThat(faults.connectionsRefused(database)).isEqualTo(1);

                    faults.clear(database);
                    assertThat(query(admin, "select @@global.init_connect"))
                            .isEqualTo("set @parity_profile = 1");
                    assertThat(faults.connectionsRefused(database)).isZero();
                    try (Connection first = dataSource.getConnection();
                            Connection second = dataSource.getConnection()) {
                        assertThat(first.isValid(5)).isTrue();
                        assertThat(query(second, "select @@max_statement_time"))
                                .isEqualTo("0.000000");
                    }
                } finally {
                    execute(admin, "set global init_connect = ''");
                }
            }
        }
    }
}
