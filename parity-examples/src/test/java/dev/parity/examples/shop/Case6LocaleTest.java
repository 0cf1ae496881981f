package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.junit.PinLocale;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The profiles run the shop in German (locale: de-DE); some tests pin Turkish. The ERP feed, the JSON
 * status keys and the receipt must come out right on both, for values as each database's driver hands
 * them back (under the pinned locale: drivers have had their own Turkish-i bugs).
 */
@DisplayName(
        "Case 6 · locale: machine formats stay fixed under de-DE and tr-TR (locale: de-DE, @PinLocale(\"tr-TR\"))")
class Case6LocaleTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 31);

    /** The loaded orders take every status the schema's CHECK allows. */
    private static final List<String> STATUS_KEYS =
            List.of("cancelled", "paid", "placed", "shipped");

    @Nested
    @PostgresProduction
    @DisplayName("Case 6 · locale on PostgreSQL 15 (profile default)")
    class OnPostgres extends Suite {}

    @Nested
    @MariaDbProduction
    @DisplayName("Case 6 · locale on MariaDB 10.11 (profile mariadb)")
    class OnMariaDb extends Suite {}

    /** Written once, run on each engine. */
    abstract static class Suite {

        /** 1234.50, stored as a product's price and read back. */
        private static BigDecimal storedPrice(DataSource dataSource) {
            ProductRepository products = new ProductRepository(dataSource);
            String sku = "LOC-" + UUID.randomUUID().toString().substring(0, 8);
            products.create(sku, "Kaffeemaschine", new BigDecimal("1234.5"), 1);
            return products.findBySku(sku).orElseThrow().price();
        }

        private static List<String> storedStatuses(DataSource dataSource) throws SQLException {
            List<String> statuses = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                    ResultSet rows =
                            connection
                                    .createStatement()
                                    .executeQuery("select distinct status from orders")) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }

        @Test
        @DisplayName("guarded: prices and days for machines are locale-free, receipts are German")
        void machineFormatsIgnoreTheGermanDefaultLocale(DataSource dataSource) {
            BigDecimal price = storedPrice(dataSource);

            assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
            assertThat(MachineFormat.price(price)).isEqualTo("1234.50");
            assertThat(MachineFormat.parsePrice(MachineFormat.price(price)))
                    .isEqualByComparingTo(price);
            assertThat(MachineFormat.day(DAY)).isEqualTo("31 Mar 2024");
            assertThat(MachineFormat.parseDay("31 Mar 2024")).isEqualTo(DAY);
            assertThat(MachineFormat.forPeople(price, Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
        }

        @Test
        @PinLocale("tr-TR")
        @DisplayName("guarded: status keys are lower-cased without the Turkish dotless i")
        void statusKeysSurviveTurkish(DataSource dataSource) throws SQLException {
            assertThat(storedStatuses(dataSource))
                    .extracting(MachineFormat::statusKey)
                    .containsExactlyInAnyOrderElementsOf(STATUS_KEYS);
        }

        @Test
        @DisplayName(
                "naive twin: String.format writes a decimal comma the ERP cannot read, MMM a German month")
        void theNaiveTwinFollowsTheGermanLocale(DataSource dataSource) {
            BigDecimal price = storedPrice(dataSource);

            assertThat(NaiveFormat.price(price)).isEqualTo("1234,50");
            assertThatThrownBy(() -> MachineFormat.parsePrice(NaiveFormat.price(price)))
                    .isInstanceOf(NumberFormatException.class);
            assertThat(NaiveFormat.day(DAY)).isEqualTo("31 März 2024");
            assertThatThrownBy(() -> MachineFormat.parseDay(NaiveFormat.day(DAY)))
                    .isInstanceOf(DateTimeParseException.class);
        }

        @Test
        @PinLocale("tr-TR")
        @DisplayName("naive twin: \"PAID\".toLowerCase() is \"paıd\" on a Turkish server")
        void theNaiveTwinBreaksStatusKeysInTurkish(DataSource dataSource) throws SQLException {
            assertThat(storedStatuses(dataSource))
                    .extracting(NaiveFormat::statusKey)
                    .contains("paıd", "shıpped")
                    .doesNotContain("paid", "shipped");
        }
    }
}
