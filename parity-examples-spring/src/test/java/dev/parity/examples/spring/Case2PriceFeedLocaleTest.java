package dev.parity.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.junit.ProdLike;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ERP imports the nightly price feed. Production's servers run in German (the profile's {@code locale: de-DE}),
 * pinned before Spring creates the service. The same context as case 1's: Spring caches it for both classes.
 */
@ProdLike
@SpringBootTest
@DisplayName(
        "Spring case 2 · locale: the ERP's price feed keeps its decimal point on German servers (locale: de-DE)")
class Case2PriceFeedLocaleTest {

    @Autowired PriceFeed feed;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("guarded: Locale.ROOT writes 1011.50, which the ERP reads")
    void theFeedIsLocaleFree() {
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        String lines = feed.lines();

        assertThat(lines).startsWith("SKU-1;1011.50");
        assertThat(Erp.prices(lines)).hasSize(40).first().isEqualTo(new BigDecimal("1011.50"));
    }

    @Test
    @DisplayName(
            "naive twin: String.format writes 1011,50 on a German server, and the ERP's import fails")
    void theNaiveTwinWritesADecimalComma() {
        String lines = new NaivePriceFeed(jdbc).lines();

        assertThat(lines).startsWith("SKU-1;1011,50");
        assertThatThrownBy(() -> Erp.prices(lines)).isInstanceOf(NumberFormatException.class);
    }
}
