package dev.parity.examples.shop;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The shop's connection pool, configured as in production. */
public final class ShopDatabase {

    private ShopDatabase() {}

    /**
     * A HikariCP pool. Connections are validated and replaced when the network broke them, and none waits
     * longer than 2 s for a free connection.
     */
    public static HikariDataSource pool(String jdbcUrl, String username, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setPoolName("shop");
        return new HikariDataSource(config);
    }
}
