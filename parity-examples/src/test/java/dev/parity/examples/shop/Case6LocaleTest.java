package dev.parity.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.junit.PinLocale;
import dev.parity.junit.ProdLike;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The profile runs the shop in German (locale: de-DE); some tests pin Turkish. The ERP feed, the JSON
 * status keys and the receipt must come out right on both.
 */
@ProdLike
@DisplayName("Case 6 · locale: machine formats stay fixed under de-DE and tr-TR (locale: de-DE, @PinLocale(\"tr-TR\"))")
class Case6LocaleTest {

    private static final BigDecimal PRICE = new BigDecimal("1234.5");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 31);

    @Test
    @DisplayName("guarded: prices and days for machines are locale-free, receipts are German")
    void machineFormatsIgnoreTheGermanDefaultLocale() {
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        assertThat(MachineFormat.price(PRICE)).isEqualTo("1234.50");
        assertThat(MachineFormat.parsePrice(MachineFormat.price(PRICE))).isEqualByComparingTo(PRICE);
        assertThat(MachineFormat.day(DAY)).isEqualTo("31 Mar 2024");
        assertThat(MachineFormat.parseDay("31 Mar 2024")).isEqualTo(DAY);
        assertThat(MachineFormat.forPeople(PRICE, Locale.GERMANY)).isEqualTo("1.234,50\u00a0€");
    }

    @Test
    @PinLocale("tr-TR")
    @DisplayName("guarded: status keys are lower-cased without the Turkish dotless i")
    void statusKeysSurviveTurkish() {
        assertThat(MachineFormat.statusKey("PAID")).isEqualTo("paid");
        assertThat(MachineFormat.statusKey("SHIPPED")).isEqualTo("shipped");
    }

    @Test
    @DisplayName("naive twin: String.format writes a decimal comma the ERP cannot read, MMM a German month")
    void theNaiveTwinFollowsTheGermanLocale() {
        assertThat(NaiveFormat.price(PRICE)).isEqualTo("1234,50");
        assertThatThrownBy(() -> MachineFormat.parsePrice(NaiveFormat.price(PRICE))).isInstanceOf(NumberFormatException.class);
        assertThat(NaiveFormat.day(DAY)).isEqualTo("31 März 2024");
        assertThatThrownBy(() -> MachineFormat.parseDay(NaiveFormat.day(DAY))).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    @PinLocale("tr-TR")
    @DisplayName("naive twin: \"PAID\".toLowerCase() is \"paıd\" on a Turkish server")
    void theNaiveTwinBreaksStatusKeysInTurkish() {
        assertThat(NaiveFormat.statusKey("PAID")).isEqualTo("paıd").isNotEqualTo("paid");
    }
}
