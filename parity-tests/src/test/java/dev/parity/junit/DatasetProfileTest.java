package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Datasets from the profile and @Dataset, loaded once into each engine's real server, seeded, copyable, shared. */
// checksums read timestamps in the session's zone, which the drivers take from the JVM: read-lock
// it
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@NeedsDocker
class DatasetProfileTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProdLike("shop")
    static class Shop {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment, Faker faker)
                throws SQLException {
            SEEN.put(
                    "customers",
                    ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"));
            SEEN.put(
                    "orders",
                    ProdLikeIntegrationTest.query(dataSource, "select count(*) from orders"));
            SEEN.put(
                    "nullNames",
                    ProdLikeIntegrationTest.query(
                            dataSource, "select count(*) from customers where full_name is null"));
            SEEN.put(
                    "brazilians",
                    ProdLikeIntegrationTest.query(
                            dataSource, "select count(*) from customers where country = 'BR'"));
            SEEN.put(
                    "topCustomerOrders",
                    ProdLikeIntegrationTest.query(
                            dataSource,
                            "select max(n) from (select count(*) n from orders group by customer_id) t"));
            SEEN.put("checksum", dev.parity.testing.Checksums.of(dataSource, "customers", "id"));
            SEEN.put("seed", String.valueOf(environment.seed()));
            SEEN.put("faker", faker.name().fullName());

            DataSource copy = environment.freshCopy();
            try (Connection connection = copy.getConnection()) {
                connection.createStatement().executeUpdate("delete from orders");
            }
            SEEN.put(
                    "copyOrders",
                    ProdLikeIntegrationTest.query(copy, "select count(*) from orders"));
            SEEN.put("copyChecksum", dev.parity.testing.Checksums.of(copy, "customers", "id"));
            SEEN.put(
                    "ordersAfterCopyChanged",
                    ProdLikeIntegrationTest.query(dataSource, "select count(*) from orders"));
        }
    }

    @ProdLike("shop")
    @Dataset(table = "customers", rows = 300)
    static class FewerCustomers {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            SEEN.put(
                    "annotated",
                    ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"));
            SEEN.put("server", environment.directJdbcUrl());
        }
    }

    /** Declares the same dataset as {@link FewerCustomers}, elsewhere: the two share one database and one load. */
    @ProdLike("shop")
    @Dataset(table = "customers", rows = 300)
    static class SameCustomersElsewhere {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment) throws SQLException {
            SEEN.put(
                    "elsewhere",
                    ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"));
            SEEN.put("serverElsewhere", environment.directJdbcUrl());
        }
    }

    @ProdLike("shop")
    static class Failing {
        @Test
        void test() {
            throw new AssertionError("fails on purpose");
        }
    }

    private static EngineExecutionResults run(
            TestEngine engine, Map<String, String> extra, Class<?>... fixtures) {
        Map<String, String> parameters =
                new HashMap<>(Map.of("parity.config", engine.file("data")));
        parameters.putAll(extra);
        return Kit.run(parameters, fixtures);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void theProfilesDatasetsAreLoadedMessySkewedAndSeeded(TestEngine engine) {
        SEEN.clear();
        run(engine, Map.of(), Shop.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN)
                .containsEntry("customers", "2000")
                .containsEntry("orders", "10000")
                .containsEntry("seed", "42");
        assertThat(Long.parseLong(SEEN.get("nullNames")))
                .as("nulls: 0.10 of 2000")
                .isBetween(140L, 260L);
        assertThat(Long.parseLong(SEEN.get("brazilians")))
                .as("weight 5 of 10")
                .isBetween(850L, 1150L);
        assertThat(Long.parseLong(SEEN.get("topCustomerOrders")))
                .as("zipf: one customer owns many orders")
                .isGreaterThan(200L);
        assertThat(SEEN)
                .containsEntry("copyOrders", "0")
                .containsEntry("ordersAfterCopyChanged", "10000");
        assertThat(SEEN.get("copyChecksum"))
                .as("a fresh copy holds the loaded rows exactly")
                .isEqualTo(SEEN.get("checksum"));
        String first = SEEN.get("checksum");
        String faker = SEEN.get("faker");

        SEEN.clear();
        run(engine, Map.of(), Shop.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("checksum")).as("same seed, same rows").isEqualTo(first);
        assertThat(SEEN.get("faker")).as("the Faker parameter is seeded").isEqualTo(faker);

        SEEN.clear();
        run(engine, Map.of("parity.seed", "7"), Shop.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("seed", "7");
        assertThat(SEEN.get("checksum")).as("another seed, other rows").isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void
            aClassAnnotationReplacesTheProfilesDatasetForItsTableAndClassesDeclaringTheSameShareOneLoad(
                    TestEngine engine) {
        SEEN.clear();
        Kit.runInParallel(
                        Map.of("parity.config", engine.file("data")),
                        FewerCustomers.class,
                        SameCustomersElsewhere.class)
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(2));
        assertThat(SEEN).containsEntry("annotated", "300").containsEntry("elsewhere", "300");
        assertThat(SEEN.get("serverElsewhere"))
                .as("one database for both")
                .isEqualTo(SEEN.get("server"));
    }

    @Test
    void aFailedTestReportsItsSeedAndHowToReplayIt() {
        EngineExecutionResults results = run(TestEngine.POSTGRES, Map.of(), Failing.class);
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        List<ReportEntry> entries =
                results.allEvents().reportingEntryPublished().stream()
                        .map(event -> event.getRequiredPayload(ReportEntry.class))
                        .toList();
        assertThat(entries)
                .extracting(ReportEntry::getKeyValuePairs)
                .containsExactly(
                        Map.of("parity.seed", "42"),
                        Map.of(
                                "parity.replay",
                                "-Dparity.config=profiles/data.yml -Dparity.profile=shop -Dparity.seed=42 -Dtest='DatasetProfileTest$Failing#test'"));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void badDatasetsInTheProfileAreReportedWithTheirLines(TestEngine engine) {
        Throwable failure =
                Kit.onlyContainerFailure(
                        Kit.run(Map.of("parity.config", engine.file("bad-data")), Shop.class));
        int shift =
                engine == TestEngine.MARIADB
                        ? 1
                        : 0; // its database section has one line more: engine: mariadb
        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        engine.file("bad-data")
                                + " has 4 problems:\n"
                                + "  - line "
                                + (8 + shift)
                                + ": 'rows' of profile 'shop' > datasets > customers is negative. Give the number of rows "
                                + "to load, 0 or more, for example: rows: 100000\n"
                                + "  - line "
                                + (9 + shift)
                                + ": unknown key 'chaos' in 'mess' of profile 'shop' > datasets > customers. Known keys "
                                + "here: nulls, unicode, whitespace, duplicates, extremes.\n"
                                + "  - line "
                                + (9 + shift)
                                + ": mess 'nulls' of profile 'shop' > datasets > customers is 2.0, outside 0..1. Give the "
                                + "fraction of cells, e.g. 0.05 for 5%.\n"
                                + "  - line "
                                + (11 + shift)
                                + ": profile 'shop' > datasets > customers > columns > country has 2 values but 1 weights. "
                                + "Give one weight per value, or none for equal weights.");
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void anUnknownTableIsReportedWithTheProfileLineAndNothingIsLeftRunning(TestEngine engine) {
        Throwable failure =
                Kit.onlyContainerFailure(
                        Kit.run(Map.of("parity.config", engine.file("unknown-table")), Shop.class));
        String schema = engine == TestEngine.MARIADB ? "test" : "public";
        assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage(
                        engine.file("unknown-table")
                                + ", line "
                                + (engine == TestEngine.MARIADB ? 8 : 7)
                                + ": there is no table 'custmers' in schema "
                                + schema
                                + ". Did you mean 'customers'? "
                                + "Name one of its tables: customers, orders.\nThe database ("
                                + engine.image
                                + ") has been stopped.");
        assertThat(DockerContainers.startedForProfile("shop")).isEmpty();
    }
}
