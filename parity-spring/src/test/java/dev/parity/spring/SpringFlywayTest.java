package dev.parity.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.ProdLike;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The profile's Flyway migrations run as the application configures Flyway: {@code spring.flyway.*} from its
 * application.properties ({@code table}) and from the test's properties (the placeholder, and the transactional
 * lock turned off, without which the index built concurrently would wait until parity.lockWait ends it).
 */
@NeedsDocker
@ProdLike("spring-flyway")
@SpringBootTest(
        properties = {
            "spring.flyway.postgresql.transactional-lock=false",
            "spring.flyway.placeholders.owner=spring",
            // not a key of Flyway's: left out, and logged
            "spring.flyway.drop-first=true"
        })
class SpringFlywayTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theApplicationsSpringFlywayPropertiesConfigureTheProfilesMigrations() {
        assertThat(
                        jdbc.queryForObject(
                                "select count(*) from spring_history where success", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select name from owners", String.class))
                .isEqualTo("spring");
        assertThat(
                        jdbc.queryForList(
                                "select indexname from pg_indexes where tablename = 'customers'",
                                String.class))
                .contains("customers_email");
    }
}
