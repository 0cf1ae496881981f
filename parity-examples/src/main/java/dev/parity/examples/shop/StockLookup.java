package dev.parity.examples.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Answers "how many are in stock?" for the product pages, from the shop's pool. Sessions end under a running
 * shop: an operator or a pooler terminates them, the server restarts, a failover moves the database. A
 * connection the pool handed out just before may be one of them, and its next statement fails with the
 * server's "terminating connection" ({@code 57P01}) or a connection error (class {@code 08}). The pool
 * then drops that connection; the lookup, a read that is safe to repeat, asks once more, on another.
 */
public class StockLookup {

    private final DataSource pool;
    private final AtomicLong retries = new AtomicLong();

    public StockLookup(DataSource pool) {
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
             PreparedStatement select = connection.prepareStatement("select stock from products where id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /**
     * The session, not the statement, failed: class 08 (connection exceptions) or PostgreSQL's 57P01-57P03
     * (the administrator or the server ended it, or it cannot take connections yet).
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static ShopException failure(long productId, SQLException e) {
        return new ShopException("could not read the stock of product " + productId + ": " + e.getMessage(), e);
    }
}
