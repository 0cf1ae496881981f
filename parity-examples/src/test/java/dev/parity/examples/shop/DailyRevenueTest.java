package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.ProdLike;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 31 March 2024 lasted 23 hours in Berlin: clocks jumped from 02:00 to 03:00. The "berlin" profile runs
 * the JVM and the database in Europe/Berlin, as the shop's servers do.
 */
@ProdLike("berlin")
class DailyRevenueTest {

    static final LocalDate DST_DAY = LocalDate.of(2024, 3, 31);

    @BeforeAll
    static void ordersAroundTheShortDay(DataSource dataSource) {
        Customer customer = new CustomerRepository(dataSource).create("dst-" + UUID.randomUUID() + "@example.com", "Kurt", "DE");
        ProductRepository products = new ProductRepository(dataSource);
        Product coffee = products.create("DST-" + UUID.randomUUID().toString().substring(0, 8), "Coffee", new BigDecimal("3.00"), 100);
        // 00:30 and 23:30 Berlin time on the short day, and 00:30 the next day
        for (String at : new String[] {"2024-03-30T23:30:00Z", "2024-03-31T21:30:00Z", "2024-03-31T22:30:00Z"}) {
            new OrderService(dataSource, Clock.fixed(Instant.parse(at), ZoneId.of("UTC"))).place(customer.id(), Map.of(coffee.id(), 1));
        }
    }

    @Test
    void theShortDayCountsItsOwnOrdersOnly(DataSource dataSource) {
        assertThat(new DailyRevenue(dataSource, ZoneId.of("Europe/Berlin")).of(DST_DAY)).isEqualByComparingTo("6.00");
    }

    @Test
    void theNaiveTwinTakesTheNextDaysFirstOrderToo(DataSource dataSource) throws SQLException {
        // 24 hours from midnight on a 23-hour day end at 01:00 the next day
        assertThat(new NaiveDailyRevenue(dataSource).of(DST_DAY)).isEqualByComparingTo("9.00");
    }
}
