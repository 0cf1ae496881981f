package dev.parity.spring;

import static dev.parity.spring.Timed.timed;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code @SpringBootTest} that is {@code @ProdLike}: Boot's own pool, from {@code spring.datasource.*} that Parity
 * set (over application.properties' unreachable URL), through the proxy, its sessions in the pinned zone. Spring's
 * annotation comes first here: its extension's before-all callback runs before Parity's and must not create the context.
 */
@NeedsDocker
@SpringBootTest
@ProdLike
class SpringDataSourceTest {

    @Autowired Environment properties;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext applicationContext;

    @Test
    void springDatasourcePropertiesPointAtTheEnvironmentThroughItsProxy(
            ProdEnvironment environment) {
        assertThat(properties.getProperty("spring.datasource.url"))
                .isEqualTo(environment.jdbcUrl())
                .isNotEqualTo(environment.directJdbcUrl());
        assertThat(properties.getProperty("spring.datasource.username"))
                .isEqualTo(environment.username());
        assertThat(properties.getProperty("spring.datasource.password"))
                .isEqualTo(environment.password());
        assertThat(properties.getProperty("spring.datasource.driver-class-name"))
                .isEqualTo("org.postgresql.Driver");
        assertThat(dataSource).isInstanceOf(HikariDataSource.class);
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(environment.jdbcUrl());
        assertThat(jdbc.queryForList("select text from greetings order by id", String.class))
                .containsExactly("hello", "servus");
    }

    /** The pool connects after the pin: PostgreSQL's driver sends the JVM's zone when a connection opens. */
    @Test
    void pooledSessionsCarryThePinnedZoneAndTheJvmItsLocale() {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Kathmandu");
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        assertThat(jdbc.queryForObject("show timezone", String.class)).isEqualTo("Asia/Kathmandu");
        assertThat(
                        jdbc.queryForObject(
                                "select to_char(timestamptz '2024-01-01 00:00:00+00', 'HH24:MI')",
                                String.class))
                .isEqualTo("05:45");
    }

    @Test
    void faultsReachSpringsPool(Faults faults) {
        assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                .isLessThan(Duration.ofMillis(250));

        faults.latency(Duration.ofMillis(400));
        assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    /** Parity put the proxy back before this test: the previous test's latency is gone (whichever order they run in). */
    @Test
    void eachTestStartsFromItsClassToxics() {
        assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                .isLessThan(Duration.ofMillis(250));
    }

    /** A nested class runs in its enclosing class's environment and gets its context, as Spring inherits configuration. */
    @Nested
    class InANestedClass {

        @Autowired ApplicationContext context;

        @Test
        void seesTheSameContextAndEnvironment(ProdEnvironment environment) {
            assertThat(context).isSameAs(applicationContext); // the enclosing instance's
            assertThat(properties.getProperty("spring.datasource.url"))
                    .isEqualTo(environment.jdbcUrl());
            assertThat(jdbc.queryForObject("show timezone", String.class))
                    .isEqualTo("Asia/Kathmandu");
        }
    }
}
