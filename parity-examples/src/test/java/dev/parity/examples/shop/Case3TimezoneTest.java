package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.ProdEnvironment;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 31 March 2024 lasted 23 hours in Berlin: clocks jumped from 02:00 to 03:00. The profiles run the JVM,
 * the database server and every JDBC session in Europe/Berlin, as the shop's servers do.
 */
@DisplayName("Case 3 · timezone: daily revenue on Berlin's 23-hour day (timezone: Europe/Berlin)")
class Case3TimezoneTest {

    static final LocalDate DST_DAY = LocalDate.of(2024, 3, 31);

    @Nested
    @PostgresProduction
    @DisplayName("Case 3 · timezone on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {}

    @Nested
    @MariaDbProduction
    @DisplayName("Case 3 · timezone on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {}

    /** Written once, run on each engine; the class lifecycle gives each engine its own copy of the data. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        private DataSource shop;

        /** A copy of its own: the generated orders stay out of these totals. */
        @BeforeAll
        void ordersAroundTheShortDay(ProdEnvironment environment) throws SQLException {
            shop = environment.freshCopy();
            try (Connection connection = shop.getConnection();
                    Statement statement = connection.createStatement()) {
                // not truncate: MariaDB truncates one table at a time, and none that a foreign key
                // references
                statement.executeUpdate("delete from order_items");
                statement.executeUpdate("delete from orders");
            }
            Customer customer =
                    new CustomerRepository(shop)
                            .create("dst-" + UUID.randomUUID() + "@example.com", "Kurt", "DE");
            Product coffee =
                    new ProductRepository(shop)
                            .create(
                                    "DST-" + UUID.randomUUID().toString().substring(0, 8),
                                    "Kaffee",
                                    new BigDecimal("3.00"),
                                    100);
            // 00:30 and 23:30 Berlin time on the short day, and 00:30 the next day
            for (String at :
                    new String[] {
                        "2024-03-30T23:30:00Z", "2024-03-31T21:30:00Z", "2024-03-31T22:30:00Z"
                    }) {
                new OrderService(shop, Clock.fixed(Instant.parse(at), ZoneId.of("UTC")))
                        .place(customer.id(), Map.of(coffee.id(), 1));
            }
        }

        @Test
        @DisplayName("guarded: the day runs from midnight to midnight in the business's zone")
        void theShortDayCountsItsOwnOrdersOnly() {
            assertThat(new DailyRevenue(shop, ZoneId.of("Europe/Berlin")).of(DST_DAY))
                    .isEqualByComparingTo("6.00");
        }

        @Test
        @DisplayName(
                "naive twin: 24 hours from local midnight also takes the next day's first order")
        void theNaiveTwinTakesTheNextDaysFirstOrderToo() throws SQLException {
            // 24 hours from midnight on a 23-hour day end at 01:00 the next day; in UTC it would
            // pass
            assertThat(new NaiveDailyRevenue(shop).of(DST_DAY)).isEqualByComparingTo("9.00");
        }
    }
}
