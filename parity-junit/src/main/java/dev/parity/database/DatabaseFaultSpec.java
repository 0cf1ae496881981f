package dev.parity.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A database fault declared for every test (in a profile's {@code database-faults:} or a
 * {@code @DatabaseFault}): one of failing writes to a table, a statement timeout, a connection limit, or a
 * read-only database.
 *
 * @param failWrites          the table whose writes fail, or empty
 * @param sqlState            the SQLSTATE they fail with
 * @param probability         the share of writes that fail, from 0 to 1 (when {@code count} is negative)
 * @param count               the number of writes that fail, then pass; negative: {@code probability} decides
 * @param statementTimeoutMillis a statement timeout, or negative for none
 * @param connectionLimit     the sessions the database admits, or negative for no limit
 * @param readOnly            whether the database refuses writes
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record DatabaseFaultSpec(
        String failWrites,
        String sqlState,
        double probability,
        long count,
        long statementTimeoutMillis,
        int connectionLimit,
        boolean readOnly) {

    /** Five digits or capital letters, as SQLSTATEs are; class 00 is success, which no error can carry. */
    private static final Pattern SQL_STATE = Pattern.compile("(?!00)[0-9A-Z]{5}");

    public static DatabaseFaultSpec failWrites(
            String table, String sqlState, double probability, long count) {
        return new DatabaseFaultSpec(table, sqlState, probability, count, -1, -1, false);
    }

    public static DatabaseFaultSpec statementTimeout(long millis) {
        return new DatabaseFaultSpec("", "40001", 1.0, -1, millis, -1, false);
    }

    public static DatabaseFaultSpec connectionLimit(int connections) {
        return new DatabaseFaultSpec("", "40001", 1.0, -1, -1, connections, false);
    }

    public static DatabaseFaultSpec readOnlyDatabase() {
        return new DatabaseFaultSpec("", "40001", 1.0, -1, -1, -1, true);
    }

    /** What is wrong with it, in words that say how to fix it; empty if nothing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        int kinds =
                (failWrites.isEmpty() ? 0 : 1)
                        + (statementTimeoutMillis >= 0 ? 1 : 0)
                        + (connectionLimit >= 0 ? 1 : 0)
                        + (readOnly ? 1 : 0);
        if (kinds != 1) {
            problems.add(
                    "a database fault is one of: failing writes to a table, a statement timeout, a connection limit, read-only; this one is "
                            + (kinds == 0 ? "none of them" : "several")
                            + ". Declare each fault on its own");
        }
        if (!failWrites.isEmpty()) {
            sqlStateProblem(sqlState).ifPresent(problems::add);
            if (!(probability >= 0 && probability <= 1)) {
                problems.add(
                        "the probability "
                                + probability
                                + " is outside 0..1. Give the share of writes that fail, e.g. 0.05");
            }
        }
        return problems;
    }

    /** What is wrong with {@code sqlState} as the code a failed write carries, in words that say how to fix it; empty if nothing. */
    public static Optional<String> sqlStateProblem(String sqlState) {
        if (sqlState != null && SQL_STATE.matcher(sqlState).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                "'"
                        + sqlState
                        + "' is not a SQLSTATE. Give five digits or capital letters, not of class 00, for example 40001 "
                        + "(serialization failure) or 40P01 (deadlock)");
    }

    /** As a person reads it: {@code failWrites("accounts", "40001", 0.05)}. */
    @Override
    public String toString() {
        if (!failWrites.isEmpty()) {
            return "failWrites(\""
                    + failWrites
                    + "\", \""
                    + sqlState
                    + "\", "
                    + (count >= 0 ? String.valueOf(count) : String.valueOf(probability))
                    + ")";
        }
        if (statementTimeoutMillis >= 0) {
            return "statementTimeout(" + statementTimeoutMillis + " ms)";
        }
        return connectionLimit >= 0 ? "connectionLimit(" + connectionLimit + ")" : "readOnly()";
    }
}
