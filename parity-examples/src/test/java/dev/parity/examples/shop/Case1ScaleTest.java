package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The support dashboard looks customers up by e-mail, whatever case they typed it in. On the 100
 * customers of a developer's database any query is instant; on production's million only one that can
 * use an index meets the dashboard's budget.
 */
@ProdLike
@DisplayName("Case 1 · scale: the dashboard's e-mail lookup among a million customers (datasets: 1,000,000 rows)")
class Case1ScaleTest {

    /** The dashboard's budget for one lookup, network round trip included. */
    static final long BUDGET_MILLIS = 50;

    private static String email;
    private static long id;
    /** The dashboard's pool, as in production: no connection set-up inside the budget. */
    private static HikariDataSource pool;

    @BeforeAll
    static void aCustomerFromTheMiddle(DataSource dataSource, ProdEnvironment environment) throws SQLException {
        pool = ShopDatabase.pool(environment.jdbcUrl(), environment.username(), environment.password());
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "select id, email, (select count(*) from customers) from customers order by id offset 499999 limit 1")) {
            row.next();
            id = row.getLong(1);
            email = row.getString(2);
            assertThat(row.getLong(3)).isGreaterThanOrEqualTo(1_000_000);
        }
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    static long medianMillis(Runnable lookup) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long started = System.nanoTime();
            lookup.run();
            times.add((System.nanoTime() - started) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    static String plan(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
            explain.setString(1, email.toUpperCase(Locale.ROOT));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    @Test
    @DisplayName("guarded: lower(email) = lower(?) probes the index and meets the budget")
    void theLookupUsesTheIndexAndMeetsItsBudget(DataSource dataSource) throws SQLException {
        CustomerDirectory directory = new CustomerDirectory(pool);
        Optional<Customer> found = directory.findByEmail(email.toUpperCase(Locale.ROOT));

        assertThat(found).get().extracting(Customer::id).isEqualTo(id);
        assertThat(plan(dataSource, "select id from customers where lower(email) = lower(?)")).contains("customers_email_lower_idx");
        long median = medianMillis(() -> directory.findByEmail(email));
        System.out.printf("Case 1: guarded lookup %d ms (budget %d ms)%n", median, BUDGET_MILLIS);
        assertThat(median).isLessThan(BUDGET_MILLIS);
    }

    @Test
    @DisplayName("naive twin: upper(email) = upper(?) scans a million rows and misses the budget")
    void theNaiveTwinScansAndMissesTheBudget(DataSource dataSource) throws SQLException {
        NaiveCustomerDirectory naive = new NaiveCustomerDirectory(pool);

        assertThat(naive.findByEmail(email.toUpperCase(Locale.ROOT))).isPresent();
        assertThat(plan(dataSource, "select id from customers where upper(email) = upper(?)")).contains("Seq Scan on customers");
        long median = medianMillis(() -> naive.findByEmail(email));
        System.out.printf("Case 1: naive lookup %d ms (budget %d ms)%n", median, BUDGET_MILLIS);
        assertThat(median).isGreaterThan(BUDGET_MILLIS);
    }
}
