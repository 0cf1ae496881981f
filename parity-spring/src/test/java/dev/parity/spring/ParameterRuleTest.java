package dev.parity.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parity.junit.ProdEnvironment;
import dev.parity.junit.ProdLike;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who resolves a {@code DataSource} parameter in a class both Parity and Spring extend: whatever Spring's extension
 * claims is Spring's (here every parameter of the {@code @Autowired} constructor, unannotated too, and an
 * {@code @Autowired} method parameter); an unannotated method parameter is Parity's. Without parity-spring's rule the
 * constructor would fail with JUnit's "competing ParameterResolvers".
 */
@NeedsDocker
@ProdLike
@SpringBootTest
class ParameterRuleTest {

    private final DataSource fromConstructor;

    @Autowired DataSource bean;

    @Autowired
    ParameterRuleTest(DataSource dataSource) {
        this.fromConstructor = dataSource;
    }

    @Test
    void aConstructorSpringAutowiresGetsSpringsBeanUnannotated() {
        assertThat(fromConstructor).isInstanceOf(HikariDataSource.class).isSameAs(bean);
    }

    @Test
    void anAutowiredParameterIsSprings(@Autowired DataSource dataSource) {
        assertThat(dataSource).isSameAs(bean);
    }

    @Test
    void anUnannotatedParameterIsParitys(DataSource dataSource, ProdEnvironment environment)
            throws SQLException {
        assertThat(dataSource).isNotInstanceOf(HikariDataSource.class).isNotSameAs(bean);
        try (Connection connection =
                dataSource.getConnection()) { // Parity's: a connection of its own, through the same
            // proxy
            assertThat(connection.getMetaData().getURL()).isEqualTo(environment.jdbcUrl());
        }
    }
}
