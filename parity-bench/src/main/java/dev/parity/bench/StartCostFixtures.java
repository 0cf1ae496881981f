package dev.parity.bench;

import dev.parity.junit.ProdLike;
import javax.sql.DataSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The {@link ProdLike} classes {@link StartCostBenchmark} runs through the JUnit Platform launcher (not
 * tests of this module, which runs none): as small as a test class gets, one test taking the injected
 * {@link DataSource}, noting when its body starts. They run in {@link Order}: the first starts the
 * environment, the others find it running. The profile comes from the configuration parameters
 * {@code parity.config} and {@code parity.profile}.
 */
final class StartCostFixtures {

    static final Class<?>[] IN_ORDER = {
        FirstClass.class, SecondClass.class, ThirdClass.class, FourthClass.class
    };

    private StartCostFixtures() {}

    @ProdLike
    abstract static class Fixture {

        @Test
        void firstTest(DataSource dataSource) {
            StartCostTimeline.testStarted(getClass());
        }
    }

    @Order(1)
    static class FirstClass extends Fixture {}

    @Order(2)
    static class SecondClass extends Fixture {}

    @Order(3)
    static class ThirdClass extends Fixture {}

    @Order(4)
    static class FourthClass extends Fixture {}
}
