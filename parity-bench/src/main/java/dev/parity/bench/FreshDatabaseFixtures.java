package dev.parity.bench;

import dev.parity.junit.FreshDatabase;
import dev.parity.junit.ProdLike;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The classes {@link FreshDatabaseBenchmark} runs through the JUnit Platform launcher: the same test on the
 * shared database and on a fresh one. Each notes how long it took from its start (as the launcher reports
 * it, before any before-each callback) to its body, where its database is ready; then it writes a row and
 * works for {@value #WORK_MILLIS} ms, as a test that changes data might.
 */
final class FreshDatabaseFixtures {

    static final int TESTS = 40;
    static final long WORK_MILLIS = 100;

    /** How long each test works this run, in ms. */
    static volatile long work = WORK_MILLIS;

    /** Wait of each test, in nanoseconds, in the order the tests ran. */
    static final List<Long> WAITS = new CopyOnWriteArrayList<>();

    private static volatile long started;
    private static volatile long firstBody;

    private FreshDatabaseFixtures() {}

    @ProdLike
    abstract static class Fixture {

        @RepeatedTest(TESTS)
        void test(DataSource dataSource) throws SQLException, InterruptedException {
            long body = System.nanoTime();
            WAITS.add(body - started);
            if (WAITS.size() == 1) {
                firstBody = body;
            }
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .executeUpdate("update orders set status = 'cancelled' where id = 1");
            }
            TimeUnit.MILLISECONDS.sleep(work);
        }
    }

    static class Shared extends Fixture {}

    @FreshDatabase
    static class Fresh extends Fixture {}

    /** Notes when each test starts (the fixtures run one at a time) and keeps the first failure. */
    static final class Timeline implements TestExecutionListener {

        volatile Throwable failure;
        volatile long firstBody;
        volatile long lastFinished;

        @Override
        public void executionStarted(TestIdentifier identifier) {
            if (identifier.isTest()) {
                started = System.nanoTime();
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.isTest()) {
                lastFinished = System.nanoTime();
                this.firstBody = FreshDatabaseFixtures.firstBody;
            }
            if (failure == null && result.getThrowable().isPresent()) {
                failure = result.getThrowable().get();
            }
        }
    }
}
