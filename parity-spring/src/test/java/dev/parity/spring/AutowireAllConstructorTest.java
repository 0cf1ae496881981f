package dev.parity.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.ProdLike;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestConstructor;

/**
 * {@code @TestConstructor(autowireMode = ALL)}: Spring claims every constructor parameter, so Parity leaves the
 * {@code DataSource} to it. And with the per-class lifecycle (the instance, and with it Spring's context, before
 * the before-all callbacks) Parity opens the environment and pins the zone before the instance is constructed.
 */
@NeedsDocker
@ProdLike
@SpringBootTest
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutowireAllConstructorTest {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    AutowireAllConstructorTest(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Test
    void everyConstructorParameterIsSprings() {
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(jdbc.getDataSource()).isSameAs(dataSource);
    }

    @Test
    void theContextCameAfterThePinEvenPerClass() {
        assertThat(jdbc.queryForObject("show timezone", String.class)).isEqualTo("Asia/Kathmandu");
    }

    @Test
    void faultsStillReachThePool(Faults faults) {
        faults.latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        jdbc.queryForObject("select 1", Integer.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
