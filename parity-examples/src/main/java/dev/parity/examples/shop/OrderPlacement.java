package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Places single-product orders, retrying when the connection breaks. A break can come after the
 * database committed but before the answer arrived, so each request carries an idempotency key: a
 * retry finds the order the lost answer was about instead of placing a second one.
 */
public class OrderPlacement {

    private final DataSource dataSource;
    private final int attempts;
    private final Duration backoff;

    public OrderPlacement(DataSource dataSource, int attempts, Duration backoff) {
        this.dataSource = dataSource;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** The id of the order for {@code requestKey}, placed now or by an earlier attempt of the same request. */
    public long place(UUID requestKey, long customerId) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return Dialect.of(connection).placeOnce(connection, requestKey, customerId);
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw new ShopException("could not place the order: " + e.getMessage(), e);
                }
                last = e;
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw new ShopException(
                "could not place the order after " + attempts + " attempts: " + last.getMessage(),
                last);
    }

    /** Connection exceptions (class 08): the network, not the request, was at fault. */
    static boolean isTransient(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopException("interrupted while retrying", e);
        }
    }
}
