package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Answers "where is my order?" within a deadline: a slow or stalled database gives a clear
 * {@link DeadlineExceededException} in time, not a request that hangs until the client gives up.
 */
public class OrderStatusLookup {

    // the driver only needs an executor to abort a connection; running inline is enough
    private static final Executor INLINE = Runnable::run;

    private final DataSource dataSource;
    private final Duration deadline;

    public OrderStatusLookup(DataSource dataSource, Duration deadline) {
        this.dataSource = dataSource;
        this.deadline = deadline;
    }

    public Optional<String> statusOf(long orderId) {
        try (Connection connection = dataSource.getConnection()) {
            // the socket read timeout bounds a stalled network; the query timeout a slow query
            connection.setNetworkTimeout(INLINE, (int) deadline.toMillis());
            try (PreparedStatement select =
                    connection.prepareStatement("select status from orders where id = ?")) {
                select.setQueryTimeout((int) Math.max(1, deadline.toSeconds()));
                select.setLong(1, orderId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            if (isTimeout(e)) {
                throw new DeadlineExceededException("the status of order " + orderId, deadline, e);
            }
            throw new ShopException(
                    "could not read the status of order " + orderId + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTimeout(SQLException e) {
        if (e instanceof java.sql.SQLTransientConnectionException) {
            return true; // the pool found no live connection in time
        }
        if (e instanceof java.sql.SQLTimeoutException) {
            return true; // MariaDB's query timeout (max_statement_time); PostgreSQL reports 57014
            // instead
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || "57014".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
