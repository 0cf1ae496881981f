package dev.parity.examples.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The naive twin of {@link CreditTransfer}: it retries serialization failures as bounded as the guarded one,
 * but its debit and credit are two statements in autocommit, each committed on its own. An attempt refused
 * at the credit has already taken the debit; the retry takes it again.
 */
class NaiveCreditTransfer {

    private final DataSource dataSource;
    private final int attempts;

    NaiveCreditTransfer(DataSource dataSource, int attempts) {
        this.dataSource = dataSource;
        this.attempts = attempts;
    }

    void transfer(long from, long to, BigDecimal amount) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement debit =
                            connection.prepareStatement(
                                    "update accounts set balance = balance - ? where id = ?");
                    PreparedStatement credit =
                            connection.prepareStatement(
                                    "update accounts set balance = balance + ? where id = ?")) {
                debit.setBigDecimal(1, amount);
                debit.setLong(2, from);
                debit.executeUpdate();
                credit.setBigDecimal(1, amount);
                credit.setLong(2, to);
                credit.executeUpdate();
                return;
            } catch (SQLException e) {
                if (attempt == attempts || !CreditTransfer.isRetryable(e)) {
                    throw e;
                }
            }
        }
    }
}
