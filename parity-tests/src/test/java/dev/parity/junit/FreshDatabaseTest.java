package dev.parity.junit;

import static dev.parity.junit.ProdLikeIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.settings.Settings;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link FreshDatabase} on real servers: a database per test, copied from the loaded state, through the
 * class's proxy, from a bounded pool, in parallel.
 */
@NeedsDocker
class FreshDatabaseTest {

    private static final int POOL_SIZE = 3;
    private static final int THREADS = 4; // Kit.runInParallel's parallelism

    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_RUNNING = new AtomicInteger();
    private static final AtomicInteger MOST_ON_SERVER = new AtomicInteger();
    private static final AtomicInteger OWN_ROW_SEEN = new AtomicInteger();

    /** 40 tests, each inserting the same unique e-mail into its database. */
    abstract static class FortySuite {

        @RepeatedTest(40)
        void insertsTheSameUniqueKeyAndSeesOnlyItsOwnRow(
                DataSource dataSource, ProdEnvironment environment) throws Exception {
            MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                String database =
                        query(
                                dataSource,
                                TestEngine.of(environment) == TestEngine.MARIADB
                                        ? "select database()"
                                        : "select current_database()");
                DATABASES.add(database);
                assertThat(environment.directJdbcUrl()).contains(database);
                try (Connection connection = dataSource.getConnection()) {
                    connection
                            .createStatement()
                            .executeUpdate(
                                    "insert into customer (name, email) values ('"
                                            + database
                                            + "', 'same@example.com')");
                }
                Thread.sleep(50); // long enough for the others to insert theirs meanwhile
                assertThat(
                                query(
                                        dataSource,
                                        "select name from customer where email = 'same@example.com'"))
                        .isEqualTo(database);
                assertThat(query(dataSource, "select count(*) from customer"))
                        .as("the two seeded rows and its own")
                        .isEqualTo("3");
                OWN_ROW_SEEN.incrementAndGet();
                MOST_ON_SERVER.accumulateAndGet(
                        copiesOnServer(dataSource, environment, database), Math::max);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    @ProdLike("default")
    @FreshDatabase
    static class FortyOnPostgres extends FortySuite {}

    @ProdLike("mariadb")
    @FreshDatabase
    static class FortyOnMariaDb extends FortySuite {}

    /** The copies of this test's pool the server holds now: named as its own, up to the pool's number. */
    private static int copiesOnServer(
            DataSource dataSource, ProdEnvironment environment, String database)
            throws SQLException {
        String prefix = database.substring(0, database.lastIndexOf('_') + 1).replace("_", "\\_");
        String sql =
                TestEngine.of(environment) == TestEngine.MARIADB
                        ? "select count(*) from information_schema.schemata where schema_name like '"
                                + prefix.replace("\\", "\\\\")
                                + "%'"
                        : "select count(*) from pg_database where datname like '" + prefix + "%'";
        return Integer.parseInt(query(dataSource, sql));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void fortyTestsInParallelEachSeeOnlyTheirOwnRowsAndThePoolStaysWithinItsBounds(
            TestEngine engine) {
        DATABASES.clear();
        MOST_RUNNING.set(0);
        MOST_ON_SERVER.set(0);
        OWN_ROW_SEEN.set(0);
        Class<?> fixture =
                engine == TestEngine.MARIADB ? FortyOnMariaDb.class : FortyOnPostgres.class;
        // at most THREADS tests at once: no thread added to make up for one that blocks
        EngineExecutionResults results =
                Kit.runInParallel(
                        Map.of(
                                Settings.POOL_SIZE.name(),
                                String.valueOf(POOL_SIZE),
                                "junit.jupiter.execution.parallel.config.fixed.max-pool-size",
                                String.valueOf(THREADS)),
                        fixture);

        results.testEvents().assertStatistics(stats -> stats.succeeded(40).failed(0));
        assertThat(OWN_ROW_SEEN.get()).isEqualTo(40);
        assertThat(DATABASES)
                .as("a database per test")
                .hasSize(40)
                .allSatisfy(name -> assertThat(name).startsWith("parity_fresh_"));
        assertThat(MOST_RUNNING.get()).as("tests really ran at the same time").isGreaterThan(1);
        assertThat(MOST_ON_SERVER.get())
                .as(
                        "copies on the server at once: at most the pool's size plus one per running test")
                .isBetween(1, POOL_SIZE + THREADS);
    }

    /** One fresh test between two that share the class's database; its constructor's DataSource is the test's too. */
    @ProdLike("default")
    static class MethodLevel {

        private final DataSource constructed;

        MethodLevel(DataSource constructed) {
            this.constructed = constructed;
        }

        @Test
        void sharedBefore(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            SEEN.put(
                    "sharedBefore",
                    query(dataSource, "select current_database()")
                            + " "
                            + query(dataSource, "select count(*) from customer"));
            SEEN.put("sharedUrl", environment.directJdbcUrl());
        }

        @Test
        @FreshDatabase
        void fresh(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().executeUpdate("delete from customer");
            }
            SEEN.put(
                    "fresh",
                    query(dataSource, "select current_database()")
                            + " "
                            + query(dataSource, "select count(*) from customer"));
            SEEN.put("freshUrl", environment.directJdbcUrl());
            SEEN.put("freshProxied", environment.jdbcUrl());
            SEEN.put(
                    "freshViaEnvironment",
                    query(environment.dataSource(), "select current_database()"));
            SEEN.put("freshViaConstructor", query(constructed, "select current_database()"));
        }

        @Test
        void sharedAfter(DataSource dataSource) throws SQLException {
            SEEN.put(
                    "sharedAfter",
                    query(dataSource, "select current_database()")
                            + " "
                            + query(dataSource, "select count(*) from customer"));
        }
    }

    @Test
    void aFreshTestBesideSharedOnesChangesOnlyItsOwnDatabase() {
        SEEN.clear();
        Kit.runInParallel(MethodLevel.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEN.get("sharedBefore")).isEqualTo("test 2");
        assertThat(SEEN.get("sharedAfter"))
                .as("the fresh test's delete stayed in its copy")
                .isEqualTo("test 2");
        assertThat(SEEN.get("fresh")).matches("parity_fresh_\\d+_\\d+ 0");
        String copy = SEEN.get("fresh").split(" ")[0];
        assertThat(SEEN.get("freshViaEnvironment")).isEqualTo(copy);
        assertThat(SEEN.get("freshViaConstructor"))
                .as("a constructor parameter is the test's")
                .isEqualTo(copy);
        assertThat(SEEN.get("freshUrl")).contains("/" + copy).isNotEqualTo(SEEN.get("sharedUrl"));
        assertThat(SEEN.get("freshProxied"))
                .as("through the class's proxy")
                .contains("/" + copy)
                .isNotEqualTo(SEEN.get("freshUrl"));
    }

    /** The profile's 150 ms each way reaches the copy: it is reached through the class's proxy. */
    @ProdLike("slow-network")
    @FreshDatabase
    static class SlowFresh {

        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            long proxied;
            long direct;
            try (Connection connection = dataSource.getConnection()) {
                proxied = NetworkLatencyTest.roundTripMillis(connection);
                SEEN.put("database", query(dataSource, "select current_database()"));
            }
            try (Connection connection =
                    DriverManager.getConnection(
                            environment.directJdbcUrl(),
                            environment.username(),
                            environment.password())) {
                direct = NetworkLatencyTest.roundTripMillis(connection);
            }
            SEEN.put("proxied", String.valueOf(proxied));
            SEEN.put("direct", String.valueOf(direct));
        }
    }

    @Test
    void theProfilesToxicsReachAFreshDatabase() {
        SEEN.clear();
        Kit.run(SlowFresh.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("database")).startsWith("parity_fresh_");
        // every round trip through the proxy waits out the toxic's 150 ms each way; a loaded
        // machine
        // adds to either side, so the difference alone could fall short
        assertThat(Long.parseLong(SEEN.get("proxied")))
                .isGreaterThanOrEqualTo(300L)
                .isGreaterThan(2 * Long.parseLong(SEEN.get("direct")));
    }

    /** With no pool, each copy is made as its test starts: the same isolation, slower. */
    @ProdLike("default")
    @FreshDatabase
    static class Cold {

        @RepeatedTest(3)
        void test(DataSource dataSource) throws SQLException {
            DATABASES.add(query(dataSource, "select current_database()"));
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .executeUpdate(
                                "insert into customer (name, email) values ('x', 'same@example.com')");
            }
        }
    }

    @Test
    void aPoolOfSizeZeroMakesEachCopyWhenItsTestStarts() {
        DATABASES.clear();
        Kit.run(Map.of(Settings.POOL_SIZE.name(), "0"), Cold.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));
        assertThat(DATABASES).hasSize(3);
    }
}
