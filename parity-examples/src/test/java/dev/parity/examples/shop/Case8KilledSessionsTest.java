package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.FreshDatabase;
import dev.parity.junit.ProdEnvironment;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Sessions end under a running shop: an operator terminates them, a pooler recycles them, a failover moves
 * the database. The product pages must keep answering, from fresh connections, not fail until a restart.
 */
@DisplayName(
        "Case 8 · killed sessions: stock lookups through a pool that replaces them (killSessions: 57P01, MariaDB 08000)")
class Case8KilledSessionsTest {

    private static final int STOCK = 17;

    @Nested
    @PostgresProduction
    @DisplayName("Case 8 · killed sessions on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {
        OnPostgres() {
            super(
                    "57P01",
                    "08003"); // "terminating connection due to administrator command", then "This
            // connection has been closed."
        }
    }

    /**
     * MariaDB's fault is {@code KILL CONNECTION}: the server closes an idle session's socket without a word, and
     * Connector/J reports "(conn=N) Socket error" (08000) on its next statement, then the connection is closed.
     */
    @Nested
    @MariaDbProduction
    @DisplayName("Case 8 · killed sessions on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {
        OnMariaDb() {
            super("08000", "08000"); // "Socket error", then "Connection is closed"
        }
    }

    /** Written once, for each engine; killSessions ends the sessions of the test's own database only. */
    @FreshDatabase
    abstract static class Suite {

        private final String killedState;
        private final String closedState;

        /** What the naive lookup's connection reports: on its first statement after the kill, and on every one after. */
        Suite(String killedState, String closedState) {
            this.killedState = killedState;
            this.closedState = closedState;
        }

        private static long product(DataSource dataSource) {
            return new ProductRepository(dataSource)
                    .create(
                            "kill-" + UUID.randomUUID().toString().substring(0, 8),
                            "Kettle",
                            new BigDecimal("39.90"),
                            STOCK)
                    .id();
        }

        @Test
        @DisplayName(
                "guarded: on a connection error the lookup retires the pool's connections and asks once more: no page fails")
        void lookupsKeepAnsweringWhileSessionsAreKilled(
                ProdEnvironment environment, DataSource dataSource, Faults faults)
                throws Exception {
            long product = product(dataSource);
            try (HikariDataSource pool =
                    ShopDatabase.pool(
                            environment.jdbcUrl(),
                            environment.username(),
                            environment.password())) {
                StockLookup lookup = new StockLookup(pool);
                // the shop's traffic: two product pages asking one lookup after another, so that
                // the pool holds
                // more than one connection when the server ends them all
                AtomicInteger answered = new AtomicInteger();
                List<Throwable> failed = new CopyOnWriteArrayList<>();
                List<Thread> pages = new ArrayList<>();
                for (int page = 1; page <= 2; page++) {
                    Thread traffic =
                            new Thread(
                                    () -> {
                                        while (!Thread.currentThread().isInterrupted()
                                                && answered.get() < 1_000) {
                                            try {
                                                assertThat(lookup.stockOf(product))
                                                        .isEqualTo(OptionalInt.of(STOCK));
                                                answered.incrementAndGet();
                                            } catch (Throwable e) {
                                                failed.add(e);
                                            }
                                        }
                                    },
                                    "case8-page-" + page);
                    pages.add(traffic);
                    traffic.start();
                }
                try {
                    awaitAnswers(answered, 20);
                    faults.killSessions();
                    int atKill = answered.get();
                    awaitAnswers(answered, atKill + 40);
                } finally {
                    for (Thread traffic : pages) {
                        traffic.interrupt();
                        traffic.join();
                    }
                }

                assertThat(failed).as("lookups that failed").isEmpty();
                assertThat(faults.report().sessionsKilled()).as("sessions killed").isPositive();
                assertThat(lookup.retries())
                        .as("lookups that found their connection gone and asked again")
                        .isPositive();
                System.out.printf(
                        "Case 8: %d lookups, %d sessions killed, %d retried%n",
                        answered.get(), faults.report().sessionsKilled(), lookup.retries());
            }
        }

        private static void awaitAnswers(AtomicInteger answered, int count)
                throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (answered.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(answered.get())
                    .as("lookups answered within 30 s")
                    .isGreaterThanOrEqualTo(count);
        }

        @Test
        @DisplayName(
                "naive twin: one connection kept for good: after the kill every lookup fails, until a restart")
        void theNaiveLookupFailsForGood(
                ProdEnvironment environment, DataSource dataSource, Faults faults)
                throws SQLException {
            long product = product(dataSource);
            try (NaiveStockLookup naive = new NaiveStockLookup(environment)) {
                assertThat(naive.stockOf(product)).isEqualTo(OptionalInt.of(STOCK));

                faults.killSessions();

                assertThatThrownBy(() -> naive.stockOf(product))
                        .isInstanceOf(SQLException.class)
                        .satisfies(
                                e ->
                                        System.out.printf(
                                                "Case 8 (naive): first lookup after the kill: %s %d %s%n",
                                                ((SQLException) e).getSQLState(),
                                                ((SQLException) e).getErrorCode(),
                                                e.getMessage()))
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo(killedState);
                for (int later = 0; later < 3; later++) {
                    assertThatThrownBy(() -> naive.stockOf(product))
                            .isInstanceOf(SQLException.class)
                            .satisfies(
                                    e ->
                                            System.out.printf(
                                                    "Case 8 (naive): a later lookup: %s %d %s%n",
                                                    ((SQLException) e).getSQLState(),
                                                    ((SQLException) e).getErrorCode(),
                                                    e.getMessage()))
                            .extracting(e -> ((SQLException) e).getSQLState())
                            .isEqualTo(closedState);
                }
                assertThat(faults.report().sessionsKilled()).as("sessions killed").isPositive();
            }
        }
    }
}
