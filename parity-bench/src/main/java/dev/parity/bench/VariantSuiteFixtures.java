package dev.parity.bench;

import dev.parity.database.ParityLabels;
import dev.parity.database.RunOwner;
import dev.parity.junit.Dataset;
import dev.parity.junit.PinTimeZone;
import dev.parity.junit.ProdLike;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The {@link ProdLike} classes {@link VariantSuiteBenchmark} runs: one profile, three dataset variants and two
 * zones, as a suite grows them. Each test notes the containers of this run that Docker shows at that moment.
 */
final class VariantSuiteFixtures {

    static final Class<?>[] SUITE = {
        FewCustomers.class, CustomersAndOrders.class, OtherSeed.class, FewCustomersInKathmandu.class
    };

    /** Every container id of this run any fixture saw. */
    static final Set<String> CONTAINERS = ConcurrentHashMap.newKeySet();

    private VariantSuiteFixtures() {}

    @ProdLike
    abstract static class Fixture {

        @Test
        void test(DataSource dataSource) {
            DockerClientFactory.instance()
                    .client()
                    .listContainersCmd()
                    .withLabelFilter(Map.of(ParityLabels.OWNER, RunOwner.current().label()))
                    .exec()
                    .forEach(container -> CONTAINERS.add(container.getId()));
        }
    }

    @Dataset(table = "customers", rows = 1_000)
    @Dataset(table = "orders", rows = 0)
    static class FewCustomers extends Fixture {}

    @Dataset(table = "customers", rows = 5_000)
    @Dataset(table = "orders", rows = 20_000)
    static class CustomersAndOrders extends Fixture {}

    @Dataset(table = "customers", rows = 1_000, seed = 7)
    @Dataset(table = "orders", rows = 2_000)
    static class OtherSeed extends Fixture {}

    @PinTimeZone("Asia/Kathmandu")
    @Dataset(table = "customers", rows = 1_000)
    @Dataset(table = "orders", rows = 0)
    static class FewCustomersInKathmandu extends Fixture {}
}
