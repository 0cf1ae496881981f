package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.FreshDatabase;
import dev.parity.junit.ProdEnvironment;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A migration takes an exclusive lock on {@code orders} and holds it for seconds. A dashboard query must
 * say "try later" within its lock wait and give its pooled connection back, not queue behind the migration
 * for as long as it runs.
 */
@DisplayName(
        "Case 9 · a locked table: the order backlog within its lock wait while a migration holds orders (lock)")
class Case9LockedTableTest {

    /** What the migration takes: as long as a big table's rewrite on a busy day, scaled down. */
    private static final Duration MIGRATION = Duration.ofSeconds(5);

    private static final Duration LOCK_WAIT = Duration.ofMillis(500);

    @Nested
    @PostgresProduction
    @DisplayName("Case 9 · a locked table on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {}

    /**
     * MariaDB's fault is {@code LOCK TABLES orders WRITE}; the dialect's {@code set statement lock_wait_timeout = 1 for}
     * (whole seconds: the 0.5 s rounded up) ends the wait with error 1205 (HY000), "Lock wait timeout exceeded".
     */
    @Nested
    @MariaDbProduction
    @DisplayName("Case 9 · a locked table on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {}

    /** Written once, for each engine; the lock is on the test's own copy of {@code orders}. */
    @FreshDatabase
    abstract static class Suite {

        private HikariDataSource pool;

        @BeforeEach
        void pool(ProdEnvironment environment) {
            pool =
                    ShopDatabase.pool(
                            environment.jdbcUrl(), environment.username(), environment.password());
        }

        @AfterEach
        void closePool() {
            pool.close();
        }

        @Test
        @DisplayName(
                "guarded: a lock wait of 0.5 s: \"try later\" well before the migration ends, then the counts again")
        void saysTryLaterWithinItsLockWait(Faults faults) {
            OrderBacklog backlog = new OrderBacklog(pool, LOCK_WAIT);
            Map<String, Long> before = backlog.byStatus().orElseThrow();
            assertThat(before.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(100_000);

            faults.lock("orders", MIGRATION);
            long started = System.nanoTime();
            Optional<Map<String, Long>> during = backlog.byStatus();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(during).as("the backlog while orders is locked").isEmpty();
            assertThat(took).isBetween(LOCK_WAIT, MIGRATION.dividedBy(2));
            faults.restore(); // the migration ends
            assertThat(backlog.byStatus()).contains(before);
            assertThat(faults.report().lockHeld("orders")).isGreaterThanOrEqualTo(LOCK_WAIT);
            System.out.printf("Case 9: \"try later\" after %d ms%n", took.toMillis());
        }

        @Test
        @DisplayName(
                "naive twin: no lock wait: the dashboard hangs, holding its connection, until the migration ends")
        void theNaiveBacklogWaitsOutTheMigration(Faults faults) throws SQLException {
            NaiveOrderBacklog backlog = new NaiveOrderBacklog(pool);
            Map<String, Long> before = backlog.byStatus();

            faults.lock("orders", MIGRATION);
            long started = System.nanoTime();
            Map<String, Long> during = backlog.byStatus();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(during).isEqualTo(before);
            // the whole migration, less the moments between taking the lock and asking
            assertThat(took).isGreaterThanOrEqualTo(MIGRATION.minusMillis(500));
            assertThat(faults.report().lockHeld("orders"))
                    .isGreaterThanOrEqualTo(MIGRATION.minusMillis(500));
            System.out.printf("Case 9 (naive): the backlog took %d ms%n", took.toMillis());
        }
    }
}
