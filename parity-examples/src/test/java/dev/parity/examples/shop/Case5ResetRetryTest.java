package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.Faults;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The worst moment for a connection to break: after the database committed the order, before its
 * answer arrived. The client sees an error; a retry must not place the order twice.
 */
@DisplayName(
        "Case 5 · resets: order placement retried after a lost answer (timeout toxic on the way back)")
class Case5ResetRetryTest {

    /**
     * Real connections through the class's proxy; once the first one is open, its answers stop coming
     * (Toxiproxy's timeout toxic, downstream: the request reaches the database, the reply never returns,
     * and the connection is closed after 300 ms). The next connection finds the network healthy again.
     */
    static final class FirstAnswerLost implements DataSource {
        private final DataSource proxied;
        private final Faults faults;
        private final AtomicInteger connections = new AtomicInteger();

        FirstAnswerLost(DataSource proxied, Faults faults) {
            this.proxied = proxied;
            this.faults = faults;
        }

        @Override
        public Connection getConnection() throws SQLException {
            boolean first = connections.incrementAndGet() == 1;
            if (!first) {
                faults.restore();
            }
            Connection connection = proxied.getConnection();
            if (first) {
                faults.timeout(Duration.ofMillis(300));
            }
            return connection;
        }

        /** How many connections were asked for: one per attempt. */
        int opened() {
            return connections.get();
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Nested
    @PostgresProduction
    @DisplayName("Case 5 · resets on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {}

    @Nested
    @MariaDbProduction
    @DisplayName("Case 5 · resets on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {}

    /** Written once, run on each engine. */
    abstract static class Suite {

        private static long ordersOf(DataSource dataSource, long customerId) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    ResultSet row =
                            connection
                                    .createStatement()
                                    .executeQuery(
                                            "select count(*) from orders where customer_id = "
                                                    + customerId)) {
                row.next();
                return row.getLong(1);
            }
        }

        private static long newCustomer(DataSource dataSource) {
            return new CustomerRepository(dataSource)
                    .create("retry-" + UUID.randomUUID() + "@example.com", "Ada", "DE")
                    .id();
        }

        @Test
        @DisplayName(
                "guarded: an idempotency key makes the retry find the order the lost answer was about")
        void theRetryFindsTheCommittedOrder(DataSource dataSource, Faults faults)
                throws SQLException {
            long customer = newCustomer(dataSource);

            FirstAnswerLost network = new FirstAnswerLost(dataSource, faults);
            long orderId =
                    new OrderPlacement(network, 3, Duration.ofMillis(100))
                            .place(UUID.randomUUID(), customer);

            assertThat(network.opened()).as("attempts").isEqualTo(2);
            assertThat(ordersOf(dataSource, customer)).isEqualTo(1);
            assertThat(new OrderService(dataSource).ordersOf(customer))
                    .extracting(Order::id)
                    .containsExactly(orderId);
        }

        @Test
        @DisplayName("naive twin: a blind retry books the order twice")
        void theNaiveRetryDoubleBooks(DataSource dataSource, Faults faults) throws SQLException {
            long customer = newCustomer(dataSource);

            new NaiveOrderPlacement(new FirstAnswerLost(dataSource, faults), 3).place(customer);

            assertThat(ordersOf(dataSource, customer)).isEqualTo(2);
        }
    }
}
