package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * MariaDB: an indexed generated column instead of an expression index, a collation instead of
 * {@code unaccent}, and no {@code update ... returning}: changes and reads are two statements in the
 * caller's transaction.
 */
final class MariaDbDialect implements Dialect {

    static final MariaDbDialect INSTANCE = new MariaDbDialect();

    private MariaDbDialect() {}

    /** MariaDB 10.11 uses an index on a generated column only where the query names the column. */
    @Override
    public String emailIgnoringCase() {
        return "email_lower = lower(?)";
    }

    /** The column's collation (utf8mb4_uca1400_ai_ci) ignores case and accents; a backslash is LIKE's default escape. */
    @Override
    public String nameContains() {
        return "full_name like concat('%', ?, '%')";
    }

    @Override
    public Optional<BigDecimal> reserve(Connection connection, long productId, int quantity)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement(
                        "update products set stock = stock - ? where id = ? and stock >= ?")) {
            update.setInt(1, quantity);
            update.setLong(2, productId);
            update.setInt(3, quantity);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        // the update locked the row until commit: this is the price the stock was taken at
        try (PreparedStatement select =
                connection.prepareStatement("select price from products where id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Optional.of(row.getBigDecimal(1));
            }
        }
    }

    /**
     * Inserting an existing key changes nothing ({@code on duplicate key update} with no change: the key is
     * the only unique one an insert can hit), then the order with the key is read, whichever attempt placed it.
     */
    @Override
    public long placeOnce(Connection connection, UUID requestKey, long customerId)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "insert into orders (customer_id, idempotency_key) values (?, ?) on duplicate key update id = id")) {
            insert.setLong(1, customerId);
            insert.setObject(2, requestKey);
            insert.executeUpdate();
        }
        try (PreparedStatement select =
                connection.prepareStatement("select id from orders where idempotency_key = ?")) {
            select.setObject(1, requestKey);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * For this statement alone ({@code set statement ... for}): a metadata lock ({@code lock tables}, DDL) and a
     * row lock each wait whole seconds at most; the server gives up with error 1205.
     */
    @Override
    public String waitingForLocksAtMost(Connection connection, String sql, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return "set statement lock_wait_timeout = "
                + seconds
                + ", innodb_lock_wait_timeout = "
                + seconds
                + " for "
                + sql;
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205;
    }
}
