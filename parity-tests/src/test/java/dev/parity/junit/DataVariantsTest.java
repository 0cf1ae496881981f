package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.support.JdbcUrls;
import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classes on one profile that differ only in their data share one server: each variant gets a database of its own
 * on it, copied from the server's migrated base and loaded with that variant's rows; {@code parity.servers=per-data}
 * gives each a server instead.
 */
@NeedsDocker
@ResourceLock(Resources.TIME_ZONE) // a fixture pins a zone
class DataVariantsTest {

    /** What each fixture saw. */
    private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

    record Seen(
            String server,
            String hostAndPort,
            String database,
            String customers,
            String orders,
            String freshCustomers,
            String containers) {}

    private static void record(String fixture, ProdEnvironment environment, DataSource dataSource)
            throws SQLException {
        String url = environment.directJdbcUrl();
        if (TestEngine.of(environment) == TestEngine.POSTGRES) {
            // what a client that sends no zone of its own gets on this variant's database
            try {
                ZONES.put(
                        "psql " + fixture,
                        DockerContainers.psql("shop", JdbcUrls.database(url), "show timezone"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        SEEN.put(
                fixture,
                new Seen(
                        ProdLikeIntegrationTest.query(
                                dataSource, TestEngine.of(environment).serverIdentity),
                        url.substring(0, url.indexOf('/', url.indexOf("://") + 3)),
                        JdbcUrls.database(url),
                        ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"),
                        ProdLikeIntegrationTest.query(dataSource, "select count(*) from orders"),
                        ProdLikeIntegrationTest.query(
                                environment.freshCopy(), "select count(*) from customers"),
                        String.valueOf(DockerContainers.startedForProfile("shop").size())));
    }

    @ProdLike("shop")
    @Order(1)
    static class ProfileData {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("profile", environment, dataSource);
        }
    }

    @ProdLike("shop")
    @Dataset(table = "customers", rows = 300)
    @Dataset(table = "orders", rows = 500)
    static class FewerRows {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("fewer", environment, dataSource);
        }
    }

    @ProdLike("shop")
    @Order(3)
    @Dataset(table = "orders", rows = 3000, seed = 7)
    static class OtherOrders {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws SQLException {
            record("other", environment, dataSource);
        }
    }

    @ProdLike("shop")
    @Order(2)
    @Dataset(table = "no_such_table", rows = 10)
    static class UnknownTable {
        @Test
        void test() {}
    }

    /** What the fixture in its own zone saw of zones. */
    private static final Map<String, String> ZONES = new ConcurrentHashMap<>();

    @ProdLike("shop")
    @PinTimeZone("Asia/Kathmandu")
    @Dataset(table = "customers", rows = 300)
    @Dataset(table = "orders", rows = 500)
    static class FewerRowsInKathmandu {
        @Test
        void test(ProdEnvironment environment, DataSource dataSource) throws Exception {
            record("kathmandu", environment, dataSource);
            TestEngine engine = TestEngine.of(environment);
            ZONES.put("jvm", java.util.TimeZone.getDefault().getID());
            ZONES.put("session", ProdLikeIntegrationTest.query(dataSource, engine.sessionZone));
            ZONES.put("default", ProdLikeIntegrationTest.query(dataSource, engine.serverZone));
            ZONES.put(
                    "fresh",
                    ProdLikeIntegrationTest.query(environment.freshCopy(), engine.serverZone));
        }
    }

    @BeforeEach
    void forget() {
        SEEN.clear();
        ZONES.clear();
    }

    /**
     * A class that pins another zone is one more data variant on PostgreSQL: a database whose sessions default to its
     * zone (also psql's, also its fresh copies'), on the same server, which stays in its own.
     */
    @ParameterizedTest(name = "parallel execution: {0}")
    @CsvSource({"false", "true"})
    void aClassInAnotherZoneGetsADatabaseInItsZoneOnTheSameServer(boolean parallel) {
        Kit.run(
                        parameters("postgres", parallel),
                        ProfileData.class,
                        FewerRows.class,
                        FewerRowsInKathmandu.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEN.get("kathmandu"))
                .extracting(Seen::customers, Seen::orders, Seen::freshCustomers)
                .containsExactly("300", "500", "300");
        assertThat(SEEN.values())
                .extracting(Seen::server)
                .as("one server")
                .containsOnly(SEEN.get("profile").server());
        assertThat(SEEN.values()).extracting(Seen::database).doesNotHaveDuplicates();
        assertThat(SEEN.values()).extracting(Seen::containers).containsOnly("2");
        assertThat(ZONES)
                .containsEntry("jvm", "Asia/Kathmandu")
                .containsEntry("session", "Asia/Kathmandu")
                .containsEntry("default", "Asia/Kathmandu")
                .containsEntry("fresh", "Asia/Kathmandu")
                .containsEntry("psql kathmandu", "Asia/Kathmandu");
        // whichever class came first took the server's primary database: the others keep the
        // server's zone
        assertThat(ZONES.get("psql profile")).isNotNull().isNotEqualTo("Asia/Kathmandu");
        assertThat(ZONES.get("psql fewer")).isNotNull().isNotEqualTo("Asia/Kathmandu");
    }

    /** MariaDB keeps one zone per server (no database has one of its own): there, another zone is another server. */
    @Test
    void onMariaDbAClassInAnotherZoneGetsAServerInItsZone() {
        Kit.run(parameters("mariadb", false), FewerRows.class, FewerRowsInKathmandu.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2));

        assertThat(SEEN.get("kathmandu").server()).isNotEqualTo(SEEN.get("fewer").server());
        assertThat(ZONES)
                .containsEntry("session", "Asia/Kathmandu")
                .containsEntry("default", "Asia/Kathmandu");
    }

    @ParameterizedTest(name = "{0}, parallel execution: {1}")
    @CsvSource({"postgres, false", "postgres, true", "mariadb, false", "mariadb, true"})
    void classesThatDifferInDataShareOneServerWithADatabaseEach(String engine, boolean parallel) {
        Map<String, String> parameters = parameters(engine, parallel);

        Kit.run(parameters, ProfileData.class, FewerRows.class, OtherOrders.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEN.get("profile"))
                .extracting(Seen::customers, Seen::orders, Seen::freshCustomers)
                .containsExactly("2000", "10000", "2000");
        assertThat(SEEN.get("fewer"))
                .extracting(Seen::customers, Seen::orders, Seen::freshCustomers)
                .containsExactly("300", "500", "300");
        assertThat(SEEN.get("other"))
                .extracting(Seen::customers, Seen::orders, Seen::freshCustomers)
                .containsExactly("2000", "3000", "2000");
        assertThat(SEEN.values())
                .extracting(Seen::server)
                .as("one server")
                .containsOnly(SEEN.get("profile").server());
        assertThat(SEEN.values())
                .extracting(Seen::hostAndPort)
                .as("one server")
                .containsOnly(SEEN.get("profile").hostAndPort());
        assertThat(SEEN.values())
                .extracting(Seen::database)
                .as("a database each")
                .doesNotHaveDuplicates();
        // the database server and its Toxiproxy, whatever moment each class looked
        assertThat(SEEN.values()).extracting(Seen::containers).containsOnly("2");
        assertThat(DockerContainers.startedForProfile("shop"))
                .as("stopped when the run ends")
                .isEmpty();
    }

    @Test
    void perDataGivesEachVariantAServerOfItsOwn() {
        Map<String, String> parameters = parameters("postgres", false);
        parameters.put("parity.servers", "per-data");

        Kit.run(parameters, ProfileData.class, FewerRows.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2));

        assertThat(SEEN.get("profile").customers()).isEqualTo("2000");
        assertThat(SEEN.get("fewer").customers()).isEqualTo("300");
        assertThat(SEEN.get("fewer").hostAndPort()).isNotEqualTo(SEEN.get("profile").hostAndPort());
        assertThat(SEEN.get("fewer").server()).isNotEqualTo(SEEN.get("profile").server());
    }

    @Test
    void aFurtherVariantWhoseLoadFailsIsDroppedAndTheServerServesTheOthers() {
        Map<String, String> parameters = parameters("postgres", false);
        parameters.put(
                "junit.jupiter.testclass.order.default",
                "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");

        // in @Order: ProfileData starts the server, UnknownTable's load fails on it, OtherOrders
        // still gets its data
        var results = Kit.run(parameters, UnknownTable.class, ProfileData.class, OtherOrders.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Kit.onlyContainerFailure(results))
                .hasMessageContaining("no_such_table")
                .hasMessageEndingWith("Its database (test_v2 on postgres:15) has been dropped.");
        assertThat(SEEN.get("other"))
                .extracting(Seen::customers, Seen::orders)
                .containsExactly("2000", "3000");
        assertThat(SEEN.get("other").server()).isEqualTo(SEEN.get("profile").server());
    }

    private static Map<String, String> parameters(String engine, boolean parallel) {
        Map<String, String> parameters =
                new HashMap<>(
                        Map.of(
                                "parity.config",
                                engine.equals("mariadb")
                                        ? "profiles/data-mariadb.yml"
                                        : "profiles/data.yml"));
        if (parallel) {
            parameters.put("junit.jupiter.execution.parallel.enabled", "true");
            parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "3");
        }
        return parameters;
    }
}
