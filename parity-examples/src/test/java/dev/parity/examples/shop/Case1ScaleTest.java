package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.ProdEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The support dashboard looks customers up by e-mail, whatever case they typed it in. On the 100
 * customers of a developer's database any query is instant; among production's million only a lookup an
 * index serves stays fast: a scan grows with the table, an index probe does not. Times are compared with
 * each other, never with a fixed budget, so that a loaded build machine slows both alike.
 */
@DisplayName(
        "Case 1 · scale: the dashboard's e-mail lookup among a million customers (datasets: 1,000,000 rows)")
class Case1ScaleTest {

    @Nested
    @PostgresProduction
    @DisplayName("Case 1 · scale on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {
        OnPostgres() {
            super("customers_email_lower_idx", "Seq Scan on customers");
        }
    }

    /** The lookup names the indexed generated column email_lower; the naive twin's upper(email) reads every entry. */
    @Nested
    @MariaDbProduction
    @DisplayName("Case 1 · scale on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {
        OnMariaDb() {
            super(
                    "key=customers_email_lower_idx",
                    "type=(ALL|index) "); // a full table or a full index scan
        }
    }

    /** Written once, run on each engine; the class lifecycle keeps one pool and one measurement per engine. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        /**
         * The naive scan takes at least this many times the indexed lookup. Measured on a busy 2-core
         * machine: 40 to 105 times on either engine (an idle one gave 19: 10 ms against 193 ms). The busier
         * the machine, the larger the gap: a scan needs CPU, a probe mostly waits for the network.
         */
        static final long SCAN_OVER_PROBE = 5;

        private final String probePlan;
        private final String scanPlan;
        private String engine;
        private String email;
        private long id;

        /** The dashboard's pool, as in production: no connection set-up inside a measured lookup. */
        private HikariDataSource pool;

        private Medians medians;

        /**
         * @param probePlan what the plan of the indexed lookup contains
         * @param scanPlan  a pattern the plan of the naive twin's scan matches
         */
        Suite(String probePlan, String scanPlan) {
            this.probePlan = probePlan;
            this.scanPlan = scanPlan;
        }

        @BeforeAll
        void aCustomerFromTheMiddle(DataSource dataSource, ProdEnvironment environment)
                throws SQLException {
            engine = environment.engine();
            pool =
                    ShopDatabase.pool(
                            environment.jdbcUrl(), environment.username(), environment.password());
            try (Connection connection = dataSource.getConnection();
                    ResultSet row =
                            connection
                                    .createStatement()
                                    .executeQuery(
                                            "select id, email, (select count(*) from customers) from customers order by id limit 1 offset 499999")) {
                row.next();
                id = row.getLong(1);
                email = row.getString(2);
                assertThat(row.getLong(3)).isGreaterThanOrEqualTo(1_000_000);
            }
        }

        @AfterAll
        void closePool() {
            pool.close();
        }

        /** The median times of the indexed lookup and of its naive twin, in ms. */
        record Medians(long probe, long scan) {}

        /** Measured once for both tests: five lookups each, the median of each. */
        private Medians medians() {
            if (medians == null) {
                CustomerDirectory directory = new CustomerDirectory(pool);
                NaiveCustomerDirectory naive = new NaiveCustomerDirectory(pool);
                medians =
                        new Medians(
                                medianMillis(() -> directory.findByEmail(email)),
                                medianMillis(() -> naive.findByEmail(email)));
                System.out.printf(
                        "Case 1 (%s): indexed lookup %d ms, naive scan %d ms%n",
                        engine, medians.probe(), medians.scan());
            }
            return medians;
        }

        private static long medianMillis(Runnable lookup) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                lookup.run();
                times.add((System.nanoTime() - started) / 1_000_000);
            }
            Collections.sort(times);
            return times.get(times.size() / 2);
        }

        private String planOf(String condition) throws SQLException {
            return QueryPlan.of(
                    pool,
                    "select id from customers where " + condition,
                    email.toUpperCase(Locale.ROOT));
        }

        private String lookupCondition() throws SQLException {
            try (Connection connection = pool.getConnection()) {
                return Dialect.of(connection).emailIgnoringCase();
            }
        }

        @Test
        @DisplayName(
                "guarded: the case-insensitive lookup probes the e-mail index, a fraction of a scan's time")
        void theLookupUsesTheIndex() throws SQLException {
            Optional<Customer> found =
                    new CustomerDirectory(pool).findByEmail(email.toUpperCase(Locale.ROOT));

            assertThat(found).get().extracting(Customer::id).isEqualTo(id);
            assertThat(planOf(lookupCondition())).contains(probePlan);
            assertThat(medians().probe() * SCAN_OVER_PROBE)
                    .as("the probe's median times %d, in ms", SCAN_OVER_PROBE)
                    .isLessThan(medians().scan());
        }

        @Test
        @DisplayName(
                "naive twin: upper(email) = upper(?) scans a million rows, several times the indexed lookup")
        void theNaiveTwinScans() throws SQLException {
            NaiveCustomerDirectory naive = new NaiveCustomerDirectory(pool);

            assertThat(naive.findByEmail(email.toUpperCase(Locale.ROOT))).contains(id);
            assertThat(planOf("upper(email) = upper(?)")).containsPattern(scanPlan);
            assertThat(medians().scan())
                    .as("the scan's median, in ms")
                    .isGreaterThan(medians().probe() * SCAN_OVER_PROBE);
        }
    }
}
