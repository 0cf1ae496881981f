package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** PostgreSQL: an expression index, {@code unaccent}, and single statements that change rows and return them. */
final class PostgresDialect implements Dialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {}

    /** Served by the index on {@code lower(email)}. */
    @Override
    public String emailIgnoringCase() {
        return "lower(email) = lower(?)";
    }

    @Override
    public String nameContains() {
        return "unaccent(lower(full_name)) like '%' || unaccent(lower(?)) || '%' escape '\\'";
    }

    @Override
    public Optional<BigDecimal> reserve(Connection connection, long productId, int quantity)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement(
                        "update products set stock = stock - ? where id = ? and stock >= ? returning price")) {
            update.setInt(1, quantity);
            update.setLong(2, productId);
            update.setInt(3, quantity);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(row.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** One statement: the new order's id, or the existing one's when the key is taken. */
    @Override
    public long placeOnce(Connection connection, UUID requestKey, long customerId)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "with placed as (insert into orders (customer_id, idempotency_key) values (?, ?) "
                                + "on conflict (idempotency_key) do nothing returning id) "
                                + "select id from placed union all select id from orders where idempotency_key = ?")) {
            insert.setLong(1, customerId);
            insert.setObject(2, requestKey);
            insert.setObject(3, requestKey);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** {@code lock_timeout} for the transaction ({@code set local}): the server cancels with 55P03. */
    @Override
    public String waitingForLocksAtMost(Connection connection, String sql, Duration wait)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = " + Math.max(1, wait.toMillis()));
        }
        return sql;
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }
}
