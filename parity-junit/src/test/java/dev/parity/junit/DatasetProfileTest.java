package dev.parity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Datasets from the profile and @Dataset, loaded once into a real PostgreSQL, seeded, copyable. */
// checksums render timestamptz in the session's zone, which the driver takes from the JVM: read-lock it
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
class DatasetProfileTest {

    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final String CHECKSUM =
            "select md5(string_agg(c::text, ',' order by id)) from customers c";

    @ProdLike("shop")
    static class Shop {
        @Test
        void test(DataSource dataSource, ProdEnvironment environment, Faker faker) throws SQLException {
            SEEN.put("customers", ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"));
            SEEN.put("orders", ProdLikeIntegrationTest.query(dataSource, "select count(*) from orders"));
            SEEN.put("nullNames", ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers where full_name is null"));
            SEEN.put("brazilians", ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers where country = 'BR'"));
            SEEN.put("topCustomerOrders", ProdLikeIntegrationTest.query(dataSource,
                    "select max(n) from (select count(*) n from orders group by customer_id) t"));
            SEEN.put("checksum", ProdLikeIntegrationTest.query(dataSource, CHECKSUM));
            SEEN.put("seed", String.valueOf(environment.seed()));
            SEEN.put("faker", faker.name().fullName());

            DataSource copy = environment.freshCopy();
            try (Connection connection = copy.getConnection()) {
                connection.createStatement().executeUpdate("delete from orders");
            }
            SEEN.put("copyOrders", ProdLikeIntegrationTest.query(copy, "select count(*) from orders"));
            SEEN.put("ordersAfterCopyChanged", ProdLikeIntegrationTest.query(dataSource, "select count(*) from orders"));
        }
    }

    @ProdLike("shop")
    @Dataset(table = "customers", rows = 300)
    static class FewerCustomers {
        @Test
        void test(DataSource dataSource) throws SQLException {
            SEEN.put("annotated", ProdLikeIntegrationTest.query(dataSource, "select count(*) from customers"));
        }
    }

    @ProdLike("shop")
    static class Failing {
        @Test
        void test() {
            throw new AssertionError("fails on purpose");
        }
    }

    private static EngineExecutionResults run(Map<String, String> extra, Class<?>... fixtures) {
        Map<String, String> parameters = new HashMap<>(Map.of("parity.config", "profiles/data.yml"));
        parameters.putAll(extra);
        return Kit.run(parameters, fixtures);
    }

    @Test
    void theProfilesDatasetsAreLoadedMessySkewedAndSeeded() {
        SEEN.clear();
        run(Map.of(), Shop.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(SEEN).containsEntry("customers", "2000").containsEntry("orders", "10000").containsEntry("seed", "42");
        assertThat(Long.parseLong(SEEN.get("nullNames"))).as("nulls: 0.10 of 2000").isBetween(140L, 260L);
        assertThat(Long.parseLong(SEEN.get("brazilians"))).as("weight 5 of 10").isBetween(850L, 1150L);
        assertThat(Long.parseLong(SEEN.get("topCustomerOrders"))).as("zipf: one customer owns many orders").isGreaterThan(200L);
        assertThat(SEEN).containsEntry("copyOrders", "0").containsEntry("ordersAfterCopyChanged", "10000");
        String first = SEEN.get("checksum");
        String faker = SEEN.get("faker");

        SEEN.clear();
        run(Map.of(), Shop.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN.get("checksum")).as("same seed, same rows").isEqualTo(first);
        assertThat(SEEN.get("faker")).as("the Faker parameter is seeded").isEqualTo(faker);

        SEEN.clear();
        run(Map.of("parity.seed", "7"), Shop.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("seed", "7");
        assertThat(SEEN.get("checksum")).as("another seed, other rows").isNotEqualTo(first);
    }

    @Test
    void aClassAnnotationReplacesTheProfilesDatasetForItsTable() {
        SEEN.clear();
        run(Map.of(), FewerCustomers.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).containsEntry("annotated", "300");
    }

    @Test
    void aFailedTestReportsItsSeed() {
        EngineExecutionResults results = run(Map.of(), Failing.class);
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        List<ReportEntry> entries = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).extracting(ReportEntry::getKeyValuePairs).containsExactly(Map.of("parity.seed", "42"));
    }

    @Test
    void badDatasetsInTheProfileAreReportedWithTheirLines() {
        Throwable failure = Kit.onlyContainerFailure(
                Kit.run(Map.of("parity.config", "profiles/bad-data.yml"), Shop.class));
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
                "profiles/bad-data.yml has 4 problems:\n"
                        + "  - line 8: 'rows' of profile 'shop' > datasets > customers is negative. Give the number of rows to load, 0 or more, for example: rows: 100000\n"
                        + "  - line 9: unknown key 'chaos' in 'mess' of profile 'shop' > datasets > customers. Known keys here: nulls, unicode, whitespace, duplicates, extremes.\n"
                        + "  - line 9: mess 'nulls' of profile 'shop' > datasets > customers is 2.0, outside 0..1. Give the fraction of cells, e.g. 0.05 for 5%.\n"
                        + "  - line 11: profile 'shop' > datasets > customers > columns > country has 2 values but 1 weights. Give one weight per value, or none for equal weights.");
    }

    @Test
    void anUnknownTableIsReportedWithTheProfileLineAndNothingIsLeftRunning() {
        Throwable failure = Kit.onlyContainerFailure(
                Kit.run(Map.of("parity.config", "profiles/unknown-table.yml"), Shop.class));
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("profiles/unknown-table.yml, line 7: ")
                .hasMessageContaining("custmers")
                .hasMessageContaining("Did you mean 'customers'?")
                .hasMessageEndingWith("The database (postgres:15) has been stopped.");
        assertThat(DockerContainers.startedForProfile("shop")).isEmpty();
    }
}
