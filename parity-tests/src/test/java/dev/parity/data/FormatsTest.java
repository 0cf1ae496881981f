package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text forms of decimals, dates, timestamps and UUIDs, and lengths counted in code points. */
class FormatsTest {

    @Test
    void decimalsPlaceThePointScaleDigitsFromTheRight() {
        assertThat(Formats.decimal(12345, 2)).isEqualTo("123.45");
        assertThat(Formats.decimal(-5, 2)).isEqualTo("-0.05");
        assertThat(Formats.decimal(5, 3)).isEqualTo("0.005");
        assertThat(Formats.decimal(0, 3)).isEqualTo("0.000");
        assertThat(Formats.decimal(-120, 1)).isEqualTo("-12.0");
        assertThat(Formats.decimal(42, 0)).isEqualTo("42");
        assertThat(Formats.decimal(-42, 0)).isEqualTo("-42");
        assertThat(Formats.decimal(Long.MAX_VALUE, 18)).isEqualTo("9.223372036854775807");
        assertThat(Formats.decimal(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
    }

    @Test
    void datesAreIsoDays() {
        assertThat(Formats.date(0)).isEqualTo("1970-01-01");
        assertThat(Formats.date(-1)).isEqualTo("1969-12-31");
        assertThat(Formats.date(19_782)).isEqualTo("2024-02-29");
    }

    @Test
    void timestampsHaveMicrosecondsOnlyWhenThereAreAny() {
        assertThat(Formats.timestamp(0, 0)).isEqualTo("1970-01-01 00:00:00");
        assertThat(Formats.timestamp(-1, 0)).isEqualTo("1969-12-31 23:59:59");
        assertThat(Formats.timestamp(86_399, 5)).isEqualTo("1970-01-01 23:59:59.000005");
        assertThat(Formats.timestamp(2_147_483_647L, 999_999))
                .isEqualTo("2038-01-19 03:14:07.999999");
        assertThat(Formats.timestamp(-62_135_596_800L, 0)).isEqualTo("0001-01-01 00:00:00");
    }

    @Test
    void uuidsAreVersionFourOfTheIetfVariant() {
        assertThat(Formats.uuid(0, 0)).isEqualTo("00000000-0000-4000-8000-000000000000");
        assertThat(Formats.uuid(-1, -1)).isEqualTo("ffffffff-ffff-4fff-bfff-ffffffffffff");
        UUID uuid = UUID.fromString(Formats.uuid(0x0123456789abcdefL, 0xfedcba9876543210L));
        assertThat(uuid.toString()).isEqualTo("01234567-89ab-4def-bedc-ba9876543210");
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Test
    void truncateCountsCodePointsAndNeverSplitsAPair() {
        assertThat(Formats.truncate("😀😀😀", 2)).isEqualTo("😀😀");
        assertThat(Formats.truncate("a😀b", 2)).isEqualTo("a😀");
        assertThat(Formats.truncate("abc", 0)).isEmpty();
        assertThat(Formats.truncate("abc", 3)).isEqualTo("abc");
        assertThat(Formats.truncate("abc", -1)).isEqualTo("abc");
        assertThat(Formats.truncate("😀", 5)).isEqualTo("😀");
    }

    @Test
    void lengthCountsCodePoints() {
        assertThat(Formats.length("😀a")).isEqualTo(2);
        assertThat(Formats.length("")).isZero();
        assertThat(Formats.length("e\u0301"))
                .isEqualTo(2); // a combining mark is a character of its own
    }
}
