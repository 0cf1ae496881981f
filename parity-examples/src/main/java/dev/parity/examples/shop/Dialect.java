package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL in which the databases the shop runs on differ. Everything else the shop sends is SQL that
 * PostgreSQL and MariaDB both accept ({@code insert ... returning} included, MariaDB 10.5+). Chosen per
 * connection from the driver's metadata, so one pool, one class and one test work on either.
 */
interface Dialect {

    /** The dialect of the database behind {@code connection}; asks the driver, not the server. */
    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "PostgreSQL" -> PostgresDialect.INSTANCE;
            case "MariaDB" -> MariaDbDialect.INSTANCE;
            default ->
                    throw new ShopException(
                            "the shop runs on PostgreSQL or MariaDB, not on " + product);
        };
    }

    /** A condition on {@code customers}: its e-mail equals the parameter whatever the case of either, served by an index. */
    String emailIgnoringCase();

    /**
     * A condition on {@code customers}: its name contains the parameter, ignoring case and accents. The
     * parameter is escaped for LIKE with a backslash; a customer without a name never matches.
     */
    String nameContains();

    /**
     * Takes {@code quantity} of the product from stock, if it has that much, and locks it until the
     * transaction ends.
     *
     * @return the product's price, or empty if it is unknown or has too little stock
     */
    Optional<BigDecimal> reserve(Connection connection, long productId, int quantity)
            throws SQLException;

    /** Places an order for the customer unless one with {@code requestKey} exists; the id of the order with that key. */
    long placeOnce(Connection connection, UUID requestKey, long customerId) throws SQLException;

    /**
     * {@code sql}, made to wait at most {@code wait} for a lock another session holds, then fail with an error
     * {@link #isLockTimeout} knows. Call inside a transaction (autocommit off): nothing of it outlives the
     * transaction, so the pool's next borrower waits as long as ever.
     */
    String waitingForLocksAtMost(Connection connection, String sql, Duration wait)
            throws SQLException;

    /** The server gave up waiting for a lock, as {@link #waitingForLocksAtMost} asked. */
    boolean isLockTimeout(SQLException e);
}
