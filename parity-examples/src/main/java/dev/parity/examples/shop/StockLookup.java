package dev.parity.examples.shop;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers "how many are in stock?" for the product pages, from the shop's pool. Sessions end under a running
 * shop: an operator or a pooler terminates them, the server restarts, a failover moves the database. The
 * next statement on such a connection fails with the server's "terminating connection" ({@code 57P01}) or a
 * connection error (class {@code 08}: MariaDB closes a killed session's socket, "Socket error"), and the pool drops that one connection. But the server rarely ends one
 * session alone, and HikariCP hands out a connection used in the last half second without checking it: the
 * pool's other connections are as dead, and a plain retry may well get one of them. So the lookup, a read
 * that is safe to repeat, has the pool retire all its connections (soft eviction: idle ones now, busy ones
 * when they come back) and asks once more, on a new one.
 */
public class StockLookup {

    /** MariaDB's error for a statement whose session was killed while it ran. */
    private static final int ER_CONNECTION_KILLED = 1927;

    private final HikariDataSource pool;
    private final AtomicLong retries = new AtomicLong();

    public StockLookup(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The stock of the product, or empty if it is unknown. */
    public OptionalInt stockOf(long productId) {
        try {
            return read(productId);
        } catch (SQLException e) {
            if (!isConnectionLost(e)) {
                throw failure(productId, e);
            }
            retries.incrementAndGet();
            pool.getHikariPoolMXBean()
                    .softEvictConnections(); // its other connections went with this one
            try {
                return read(productId);
            } catch (SQLException again) {
                again.addSuppressed(e);
                throw failure(productId, again);
            }
        }
    }

    /** How many lookups found their connection gone and asked again: for the shop's metrics. */
    public long retries() {
        return retries.get();
    }

    private OptionalInt read(long productId) throws SQLException {
        try (Connection connection = pool.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select stock from products where id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /**
     * The session, not the statement, failed: class 08 (connection exceptions: MariaDB Connector/J's "Socket
     * error", 08000, when the server closed a killed session's socket), PostgreSQL's 57P01-57P03 (the
     * administrator or the server ended it, or it cannot take connections yet), or MariaDB's 1927
     * (ER_CONNECTION_KILLED, 70100: the session was killed while its statement ran; other errors of 70100,
     * statement timeouts and interrupted queries, leave the session alive).
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("70100") && e.getErrorCode() == ER_CONNECTION_KILLED);
    }

    private static ShopException failure(long productId, SQLException e) {
        return new ShopException(
                "could not read the stock of product " + productId + ": " + e.getMessage(), e);
    }
}
