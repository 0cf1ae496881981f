package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The probe's load: 200 tests in 8 classes running at once on one profile leave no connection open on the
 * server once the classes have ended (counted on the server itself, before the run stops it), even though
 * one test leaks a connection; that test is named in a warning, and its connection closed.
 */
@NeedsDocker
class ConnectionLoadTest {

    private static final int CLASSES = 8;
    private static final int TESTS_PER_CLASS = 25;

    private static final AtomicReference<ProdEnvironment> ENVIRONMENT = new AtomicReference<>();
    private static final AtomicReference<Connection> LEAKED = new AtomicReference<>();

    /** Client sessions on the server once every class has ended, by engine. */
    private static final Map<String, Long> SESSIONS_AT_END = new ConcurrentHashMap<>();

    /**
     * Counts the server's client sessions when the run's root store closes: it was put there after the
     * environment, so it is closed before it (the store closes in the reverse order of insertion).
     */
    static class SessionsAtEnd implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(SessionsAtEnd.class))
                    .getOrComputeIfAbsent(
                            "count",
                            key ->
                                    (AutoCloseable)
                                            () ->
                                                    SESSIONS_AT_END.put(
                                                            ENVIRONMENT.get().engine(),
                                                            settled(ENVIRONMENT.get())));
        }

        /** A server ends a session shortly after its client closes it, not at once: the count once it is 0, or after 10 s. */
        private static long settled(ProdEnvironment environment)
                throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            long sessions = count(environment);
            while (sessions > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                sessions = count(environment);
            }
            return sessions;
        }

        /** Every client session but the counting one, on the whole server, as its administrator. */
        private static long count(ProdEnvironment environment) throws SQLException {
            boolean postgres = environment.engine().equals("postgres");
            String sql =
                    postgres
                            ? "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()"
                            : "select count(*) from information_schema.processlist where id <> connection_id() and user not in ('system user', 'event_scheduler')";
            try (Connection connection =
                            DriverManager.getConnection(
                                    environment.directJdbcUrl(),
                                    postgres ? environment.username() : "root",
                                    environment.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @ProdLike
    @ExtendWith(SessionsAtEnd.class)
    abstract static class Load {

        @BeforeAll
        static void remember(ProdEnvironment environment) {
            ENVIRONMENT.set(environment);
        }

        /** Most through the injected DataSource, every fifth through the proxy's URL, as a pool would connect. */
        @RepeatedTest(TESTS_PER_CLASS)
        void queriesAndCloses(
                DataSource dataSource, ProdEnvironment environment, RepetitionInfo repetition)
                throws SQLException {
            try (Connection connection =
                            repetition.getCurrentRepetition() % 5 == 0
                                    ? DriverManager.getConnection(
                                            environment.jdbcUrl(),
                                            environment.username(),
                                            environment.password())
                                    : dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select 1")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    static class Load1 extends Load {}

    static class Load2 extends Load {}

    static class Load3 extends Load {}

    static class Load4 extends Load {}

    static class Load5 extends Load {}

    static class Load6 extends Load {}

    static class Load7 extends Load {}

    /** The eighth class: its 25 tests, and one more that forgets to close a connection. */
    static class Leaky extends Load {
        @Test
        void forgetsToClose(DataSource dataSource) throws SQLException {
            LEAKED.set(dataSource.getConnection());
        }
    }

    @BeforeEach
    void forget() {
        SESSIONS_AT_END.clear();
        LEAKED.set(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void twoHundredTestsInEightParallelClassesLeaveNoConnectionOpenAndTheLeakIsNamed(String engine)
            throws SQLException {
        EngineExecutionResults results =
                Kit.run(
                        Map.of(
                                "parity.config",
                                "profiles/load.yml",
                                "parity.profile",
                                engine,
                                "junit.jupiter.execution.parallel.enabled",
                                "true",
                                "junit.jupiter.execution.parallel.mode.default",
                                "concurrent",
                                "junit.jupiter.execution.parallel.mode.classes.default",
                                "concurrent",
                                "junit.jupiter.execution.parallel.config.strategy",
                                "fixed",
                                "junit.jupiter.execution.parallel.config.fixed.parallelism",
                                String.valueOf(CLASSES)),
                        Load1.class,
                        Load2.class,
                        Load3.class,
                        Load4.class,
                        Load5.class,
                        Load6.class,
                        Load7.class,
                        Leaky.class);

        results.testEvents()
                .assertStatistics(
                        stats ->
                                stats.started(CLASSES * TESTS_PER_CLASS + 1)
                                        .succeeded(CLASSES * TESTS_PER_CLASS + 1));
        assertThat(SESSIONS_AT_END)
                .as("client sessions on the server after the classes ended")
                .containsExactly(Map.entry(engine, 0L));
        assertThat(LEAKED.get().isClosed()).as("the leaked connection, closed by Parity").isTrue();
        assertThat(
                        results.allEvents().reportingEntryPublished().stream()
                                .filter(
                                        event ->
                                                event.getPayload(
                                                                org.junit.platform.engine.reporting
                                                                        .ReportEntry.class)
                                                        .orElseThrow()
                                                        .getKeyValuePairs()
                                                        .containsKey("parity.connectionsLeftOpen"))
                                .map(
                                        event ->
                                                event.getTestDescriptor().getDisplayName()
                                                        + "="
                                                        + event.getPayload(
                                                                        org.junit.platform.engine
                                                                                .reporting
                                                                                .ReportEntry.class)
                                                                .orElseThrow()
                                                                .getKeyValuePairs()
                                                                .get("parity.connectionsLeftOpen")))
                .as("the tests named for leaking")
                .containsExactly("forgetsToClose(DataSource)=1");
    }
}
