package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Moves store credit from one account to another. Production runs it at SERIALIZABLE next to other writers
 * of the same accounts, so the database may refuse any transfer with a serialization failure (SQLSTATE
 * {@code 40001}) or pick it as a deadlock's victim ({@code 40P01}), asking the client to try again. The
 * debit and the credit are one transaction, so a refused attempt leaves nothing behind, and the whole
 * transaction is retried, a bounded number of times: each transfer takes effect exactly once, or not at all
 * and the caller is told. On MariaDB (InnoDB) SERIALIZABLE makes plain reads take shared locks, and the
 * refusal comes as a deadlock (error 1213, SQLSTATE {@code 40001}, the whole transaction rolled back): the
 * same SQLSTATE, the same retry. InnoDB's lock wait timeout (1205, {@code HY000}) is not retried: only the
 * statement was rolled back, and waiting again would double the caller's wait.
 */
public class CreditTransfer {

    private final DataSource dataSource;
    private final int attempts;
    private final Duration backoff;

    public CreditTransfer(DataSource dataSource, int attempts, Duration backoff) {
        this.dataSource = dataSource;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /**
     * Moves {@code amount} from account {@code from} to account {@code to}.
     *
     * @return how many attempts it took (1: the first went through), for the shop's metrics
     * @throws ShopException if {@code from} has too little credit, an account is unknown, or every attempt was refused
     */
    public int transfer(long from, long to, BigDecimal amount) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                connection.setAutoCommit(false);
                try {
                    move(connection, from, to, amount);
                    connection.commit();
                    return attempt;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback(); // a refused attempt leaves nothing behind
                    throw e;
                }
            } catch (SQLException e) {
                if (!isRetryable(e)) {
                    throw new ShopException(
                            "could not transfer "
                                    + amount
                                    + " from account "
                                    + from
                                    + " to "
                                    + to
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
                last = e;
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw new ShopException(
                "could not transfer "
                        + amount
                        + " from account "
                        + from
                        + " to "
                        + to
                        + " in "
                        + attempts
                        + " attempts: "
                        + last.getMessage(),
                last);
    }

    private static void move(Connection connection, long from, long to, BigDecimal amount)
            throws SQLException {
        try (PreparedStatement debit =
                        connection.prepareStatement(
                                "update accounts set balance = balance - ? where id = ? and balance >= ?");
                PreparedStatement credit =
                        connection.prepareStatement(
                                "update accounts set balance = balance + ? where id = ?")) {
            debit.setBigDecimal(1, amount);
            debit.setLong(2, from);
            debit.setBigDecimal(3, amount);
            if (debit.executeUpdate() != 1) {
                throw new ShopException(
                        "account "
                                + from
                                + " is unknown or has less than "
                                + amount
                                + " of credit");
            }
            credit.setBigDecimal(1, amount);
            credit.setLong(2, to);
            if (credit.executeUpdate() != 1) {
                throw new ShopException("account " + to + " is unknown");
            }
        }
    }

    /**
     * The server refused the transaction for what ran beside it, not for what it asked: the same transaction may
     * pass now. By SQLSTATE, which both drivers report: {@code 40001} (PostgreSQL's serialization failure, MariaDB's
     * deadlock), {@code 40P01} (PostgreSQL's deadlock).
     */
    static boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
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
