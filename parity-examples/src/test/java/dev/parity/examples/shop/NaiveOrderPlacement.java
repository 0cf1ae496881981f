package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The naive twin of {@link OrderPlacement}: it retries on connection errors, but has no idempotency key. */
class NaiveOrderPlacement {

    private final DataSource dataSource;
    private final int attempts;

    NaiveOrderPlacement(DataSource dataSource, int attempts) {
        this.dataSource = dataSource;
        this.attempts = attempts;
    }

    void place(long customerId) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert =
                            connection.prepareStatement(
                                    "insert into orders (customer_id) values (?)")) {
                insert.setLong(1, customerId);
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                if (attempt == attempts || !OrderPlacement.isTransient(e)) {
                    throw e;
                }
            }
        }
    }
}
