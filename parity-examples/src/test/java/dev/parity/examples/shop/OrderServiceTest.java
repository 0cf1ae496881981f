package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    @Nested
    @PostgresProduction
    @DisplayName("OrderService on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {
        OnPostgres(DataSource dataSource) {
            super(dataSource);
        }
    }

    /** Reserving stock takes two statements here (no update ... returning): the concurrent buyers check them. */
    @Nested
    @MariaDbProduction
    @DisplayName("OrderService on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {
        OnMariaDb(DataSource dataSource) {
            super(dataSource);
        }
    }

    /** Written once, run on each engine. */
    abstract static class Suite {

        private final OrderService orders;
        private final ProductRepository products;
        private final Customer customer;

        Suite(DataSource dataSource) {
            this.orders = new OrderService(dataSource);
            this.products = new ProductRepository(dataSource);
            this.customer =
                    new CustomerRepository(dataSource)
                            .create("o-" + UUID.randomUUID() + "@example.com", "Alan Turing", "GB");
        }

        private Product product(String price, int stock) {
            return products.create(
                    "SKU-" + UUID.randomUUID().toString().substring(0, 8),
                    "Widget",
                    new BigDecimal(price),
                    stock);
        }

        @Test
        void placesAnOrderAtTodaysPricesAndReservesStock() {
            Product widget = product("19.99", 10);
            Product gadget = product("5.00", 3);

            Order order = orders.place(customer.id(), Map.of(widget.id(), 2, gadget.id(), 3));

            assertThat(order.total()).isEqualByComparingTo("54.98");
            assertThat(order.status()).isEqualTo("PLACED");
            assertThat(products.findBySku(widget.sku()))
                    .get()
                    .extracting(Product::stock)
                    .isEqualTo(8);
            assertThat(products.findBySku(gadget.sku()))
                    .get()
                    .extracting(Product::stock)
                    .isEqualTo(0);
            assertThat(orders.ordersOf(customer.id())).containsExactly(order);
        }

        @Test
        void anOrderThatCannotBeFilledChangesNothing() {
            Product plenty = product("1.00", 100);
            Product scarce = product("2.00", 1);

            assertThatThrownBy(
                            () ->
                                    orders.place(
                                            customer.id(), Map.of(plenty.id(), 5, scarce.id(), 2)))
                    .isInstanceOf(ShopException.class)
                    .hasMessage(
                            "product " + scarce.id() + " is unknown or has fewer than 2 in stock");

            assertThat(products.findBySku(plenty.sku()))
                    .get()
                    .extracting(Product::stock)
                    .isEqualTo(100);
            assertThat(orders.ordersOf(customer.id())).isEmpty();
        }

        @Test
        void concurrentBuyersCannotBothTakeTheLastUnit() throws Exception {
            Product last = product("99.00", 1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Order>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<Order> buy = () -> orders.place(customer.id(), Map.of(last.id(), 1));
                    attempts.add(pool.submit(buy));
                }
                int placed = 0;
                for (Future<Order> attempt : attempts) {
                    try {
                        attempt.get();
                        placed++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ShopException.class);
                    }
                }
                assertThat(placed).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(products.findBySku(last.sku()))
                    .get()
                    .extracting(Product::stock)
                    .isEqualTo(0);
            assertThat(orders.ordersOf(customer.id())).hasSize(1);
        }
    }
}
