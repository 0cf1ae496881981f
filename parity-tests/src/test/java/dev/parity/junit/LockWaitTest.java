package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Nothing in an environment start waits on a lock for ever: a migration or an init script whose statement waits
 * on a lock another session holds longer than {@code parity.lockWait} is cancelled, and the start fails naming the
 * statement, the wait and the sessions holding the lock, with the likely fix. Reproduces the workflow engines'
 * hang: Flyway's transactional lock (its default on PostgreSQL) and a {@code CREATE INDEX CONCURRENTLY} migration.
 */
@NeedsDocker
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LockWaitTest {

    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProdLike
    static class NeedsTheDatabase {
        @Test
        void test(DataSource dataSource) {
            SEEN.put(
                    "index",
                    orMissing(
                            dataSource,
                            "select indexname from pg_indexes where indexname = 'customers_email'"));
            SEEN.put(
                    "history", orMissing(dataSource, "select count(*) from flyway_schema_history"));
            SEEN.put(
                    "schema_history", orMissing(dataSource, "select count(*) from schema_history"));
        }
    }

    private static String orMissing(DataSource dataSource, String sql) {
        try {
            return ProdLikeIntegrationTest.query(dataSource, sql);
        } catch (SQLException e) {
            return "missing";
        }
    }

    private static EngineExecutionResults run(String profile) {
        return Kit.run(
                Map.of(
                        "parity.config",
                        "profiles/lock-waits.yml",
                        "parity.profile",
                        profile,
                        "parity.lockWait",
                        BOUND.toSeconds() + "s"),
                NeedsTheDatabase.class);
    }

    @Test
    void flywaysTransactionalLockAndAnIndexBuiltConcurrentlyFailWithinTheBoundNamingBothSessions() {
        long started = System.nanoTime();
        EngineExecutionResults results = run("flyway-concurrently");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable failure = Kit.onlyContainerFailure(results);
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failure.getMessage())
                .startsWith(
                        "migration failed: db/flyway/concurrently/V2__customers_email.sql (Flyway, version 2)")
                .containsPattern(
                        "waited 3\\.\\d s on a lock \\(virtualxid[^)]*\\)+, longer than parity.lockWait \\(3\\.0 s\\) allows: Parity cancelled it\\.")
                // Flyway's two sessions: the migration's, and its lock's, idle in the transaction
                // that holds the lock
                .containsPattern(
                        "\n    waiting: session \\d+ \\(active, application 'Redgate_Flyway'\\): create index concurrently "
                                + "customers_email on customers \\(email\\)\n")
                .containsPattern(
                        "\n    holding the lock: session \\d+ \\(idle in transaction for \\d+\\.\\d s, application 'Redgate_Flyway'\\): \\S+")
                .contains("The session holding it is Flyway's own: its transactional lock")
                .contains("migrations.config: {postgresql.transactional.lock: false}")
                .endsWith("the database (postgres:15) has been stopped.");
        assertThat(DockerContainers.startedForProfile("flyway-concurrently")).isEmpty();
        // the start (a container, V1, then V2's wait) ends within the bound and Docker's own time,
        // not never
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    static java.util.stream.Stream<String> withoutTheLock() {
        return java.util.stream.Stream.of(
                "flyway-concurrently-without-lock",
                "flyway-concurrently-conf",
                "flyway-concurrently-toml");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("withoutTheLock")
    void withoutFlywaysTransactionalLockTheIndexIsBuilt(String profile) {
        SEEN.clear();
        run(profile).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("index", "customers_email");
        if (profile.equals("flyway-concurrently-without-lock")) {
            assertThat(SEEN)
                    .containsEntry("history", "2")
                    .containsEntry("schema_history", "missing");
        } else {
            assertThat(SEEN)
                    .as("the file's table is honoured too")
                    .containsEntry("history", "missing")
                    .containsEntry("schema_history", "2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"init-lock-wait", "init-lock-wait-mariadb"})
    void anInitScriptWaitingOnALockAnotherSessionHoldsFailsWithinTheBound(String profile) {
        EngineExecutionResults results = run(profile);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        String message = Kit.onlyContainerFailure(results).getMessage();
        if (profile.endsWith("mariadb")) {
            assertThat(message)
                    .startsWith("init script failed: db/locks/held-by-event.sql, line 21 waited 3.")
                    .contains("on a lock (Waiting for table metadata lock)")
                    .containsPattern(
                            "\n    waiting: session \\d+ \\(Waiting for table metadata lock, application 'root@[^']+'\\): "
                                    + "alter table orders add column total decimal\\(10, 2\\)")
                    .containsPattern(
                            "\n    may hold it \\(a transaction open\\): session \\d+ \\([^)]*\\): do sleep\\(300\\)");
        } else {
            assertThat(message)
                    .startsWith("init script failed: db/locks/held-by-dblink.sql, line 8 waited 3.")
                    .contains("on a lock (relation orders (AccessExclusiveLock))")
                    .containsPattern(
                            "\n    waiting: session \\d+ \\(active, application 'PostgreSQL JDBC Driver'\\): alter table orders add column total numeric")
                    .containsPattern(
                            "\n    holding the lock: session \\d+ \\(idle in transaction for \\d+\\.\\d s, application 'lock-holder'\\): "
                                    + "lock table orders in access share mode");
        }
        assertThat(message)
                .contains("end that session's transaction")
                .endsWith("has been stopped.");
        assertThat(DockerContainers.startedForProfile(profile)).isEmpty();
    }

    @Test
    void theDatasetLoadWaitingOnALockFailsWithinTheBoundNamingThePreparedTransactionHoldingIt() {
        EngineExecutionResults results = run("load-lock-wait");

        results.testEvents().assertStatistics(stats -> stats.started(0));
        assertThat(Kit.onlyContainerFailure(results).getMessage())
                .startsWith("the dataset load failed: a statement of it waited 3.")
                // the first statement to want the table: dropping its key for the load
                .contains("on a lock (relation customers (AccessExclusiveLock))")
                .containsPattern(
                        "\n    waiting: session \\d+ \\(active, application 'PostgreSQL JDBC Driver'\\): alter table customers drop constraint customers_pkey")
                .containsPattern(
                        "\n    holding the lock: \\(prepared transaction 'left_open' of test for \\d+\\.\\d s\\): "
                                + "COMMIT PREPARED or ROLLBACK PREPARED 'left_open' ends it\n")
                .contains("A transaction holds a lock on a table the load writes and does not end")
                .endsWith("The database (postgres:15) has been stopped.");
        assertThat(DockerContainers.startedForProfile("load-lock-wait")).isEmpty();
    }
}
