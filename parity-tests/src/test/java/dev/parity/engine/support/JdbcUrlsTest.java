package dev.parity.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rewriting the database, host and port of both drivers' URLs, parameters kept. */
class JdbcUrlsTest {

    @Test
    void withDatabaseReplacesTheDatabaseAndKeepsParameters() {
        assertThat(
                        JdbcUrls.withDatabase(
                                "jdbc:postgresql://localhost:5432/test?loggerLevel=OFF&ssl=false",
                                "copy_1"))
                .isEqualTo("jdbc:postgresql://localhost:5432/copy_1?loggerLevel=OFF&ssl=false");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306/test", "shop"))
                .isEqualTo("jdbc:mariadb://db:3306/shop");
    }

    @Test
    void withDatabaseAddsADatabaseToAUrlWithout() {
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306", "shop"))
                .isEqualTo("jdbc:mariadb://db:3306/shop");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306/", "shop"))
                .isEqualTo("jdbc:mariadb://db:3306/shop");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432?ssl=false", "shop"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?ssl=false");
    }

    @Test
    void aSlashInTheParametersIsNoDatabase() {
        // a path in a parameter, and no database: the slash belongs to the parameter
        String url = "jdbc:postgresql://db:5432?sslrootcert=/etc/ssl/ca.pem";
        assertThat(JdbcUrls.withDatabase(url, "shop"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?sslrootcert=/etc/ssl/ca.pem");
        assertThat(JdbcUrls.database(url)).isEmpty();
        assertThat(
                        JdbcUrls.withDatabase(
                                "jdbc:postgresql://db:5432/test?sslrootcert=/etc/ssl/ca.pem",
                                "shop"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?sslrootcert=/etc/ssl/ca.pem");
    }

    @Test
    void withHostAndPortReplacesOnlyTheServer() {
        assertThat(
                        JdbcUrls.withHostAndPort(
                                "jdbc:postgresql://localhost:5432/test?ssl=false", "proxy", 8666))
                .isEqualTo("jdbc:postgresql://proxy:8666/test?ssl=false");
        assertThat(JdbcUrls.withHostAndPort("jdbc:mariadb://db:3306", "127.0.0.1", 1))
                .isEqualTo("jdbc:mariadb://127.0.0.1:1");
        assertThat(JdbcUrls.withHostAndPort("jdbc:mariadb://db:3306?a=/b", "p", 2))
                .isEqualTo("jdbc:mariadb://p:2?a=/b");
    }

    @Test
    void databaseIsWhatTheUrlNames() {
        assertThat(JdbcUrls.database("jdbc:postgresql://localhost:5432/test?ssl=false"))
                .isEqualTo("test");
        assertThat(JdbcUrls.database("jdbc:mariadb://db:3306/shop")).isEqualTo("shop");
        assertThat(JdbcUrls.database("jdbc:mariadb://db:3306")).isEmpty();
    }

    @Test
    void somethingElseThanAJdbcUrlIsRejected() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("postgresql://db:5432/test", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "not a jdbc:<engine>://host:port/database URL: postgresql://db:5432/test");
        assertThatThrownBy(() -> JdbcUrls.database("jdbc:postgresql:test"))
                .hasMessage("not a jdbc:<engine>://host:port/database URL: jdbc:postgresql:test");
        assertThatThrownBy(() -> JdbcUrls.withHostAndPort("", "h", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
