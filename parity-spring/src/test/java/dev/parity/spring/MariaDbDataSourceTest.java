package dev.parity.spring;

import static dev.parity.spring.Timed.timed;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.Faults;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same wiring on MariaDB: Boot's pool on MariaDB Connector/J, through the proxy, with the class's faults. */
@NeedsDocker
@ProdLike("mariadb")
@SpringBootTest
class MariaDbDataSourceTest {

    @Autowired Environment properties;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void bootsPoolUsesMariaDbsDriverThroughTheProxy(ProdEnvironment environment) {
        assertThat(environment.engine()).isEqualTo("mariadb");
        assertThat(properties.getProperty("spring.datasource.driver-class-name"))
                .isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(((HikariDataSource) dataSource).getJdbcUrl())
                .isEqualTo(environment.jdbcUrl())
                .isNotEqualTo(environment.directJdbcUrl());
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("11.8");
        assertThat(jdbc.queryForList("select text from greetings order by id", String.class))
                .containsExactly("hello", "servus");
    }

    @Test
    void faultsReachSpringsPool(Faults faults) {
        faults.latency(Duration.ofMillis(300));
        assertThat(timed(() -> jdbc.queryForObject("select 1", Integer.class)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
