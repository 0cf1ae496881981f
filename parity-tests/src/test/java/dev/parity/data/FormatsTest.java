package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Random;
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
    void readersTakeWhatTheWritersWriteAndNothingTheParsersWouldRead() {
        assertThat(Formats.readDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Formats.readDate("2023-02-29")).isNull(); // the caller's parser decides
        assertThat(Formats.readDate("2024-2-29")).isNull();
        assertThat(Formats.readDate("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(Formats.readDate("1900-02-29")).isNull();
        assertThat(Formats.readDate("2024-04-31")).isNull();
        assertThat(Formats.readDate("2024-12-31")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Formats.readWallTime("0001-01-01 00:00:00"))
                .isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
        assertThat(Formats.readWallTime("1970-01-01 23:59:59.000005"))
                .isEqualTo(LocalDateTime.of(1970, 1, 1, 23, 59, 59, 5_000));
        assertThat(Formats.readWallTime("1970-01-01 23:59:59.")).isNull();
        assertThat(Formats.readWallTime("1970-01-01T23:59:59")).isNull();
        assertThat(Formats.readWallTime("1970-01-01 24:00:00")).isNull();
        assertThat(Formats.wallTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999)))
                .isEqualTo("9999-12-31 23:59:59");
    }

    /**
     * Seeded texts in and around the written forms (digits changed, a character dropped or added): where a fast
     * reader reads one, {@code java.time}'s parser reads the same value; where that parser refuses it, so does the
     * reader; and every timestamp Parity writes is read back as it was made.
     */
    @Test
    void fastReadersAgreeWithJavaTimeOnSeededTexts() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        DateTimeFormatter wall =
                new DateTimeFormatterBuilder()
                        .appendPattern("uuuu-MM-dd HH:mm:ss")
                        .optionalStart()
                        .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                        .optionalEnd()
                        .toFormatter(Locale.ROOT);
        int read = 0;
        for (int i = 0; i < 2_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            int micros = random.nextInt(4) == 0 ? random.nextInt(1_000_000) : 0;
            String written = Formats.timestamp(second, micros);
            LocalDateTime made =
                    LocalDateTime.ofEpochSecond(second, micros * 1_000, ZoneOffset.UTC);
            assertThat(Formats.readWallTime(written))
                    .as("seed %d: %s", seed, written)
                    .isEqualTo(made);
            assertThat(Formats.wallTime(made))
                    .as("seed %d", seed)
                    .isEqualTo(written.substring(0, 19));
            String text = mangled(written, random);
            LocalDateTime fast = Formats.readWallTime(text);
            LocalDateTime slow = parsed(() -> LocalDateTime.parse(text, wall));
            if (fast != null) {
                read++;
                assertThat(fast).as("seed %d: %s", seed, text).isEqualTo(slow);
            } else if (slow == null) {
                assertThat(fast).as("seed %d: %s", seed, text).isNull();
            }
            String day = mangled(written.substring(0, 10), random);
            LocalDate fastDay = Formats.readDate(day);
            LocalDate slowDay = parsed(() -> LocalDate.parse(day));
            if (fastDay != null || slowDay == null) {
                assertThat(fastDay).as("seed %d: %s", seed, day).isEqualTo(slowDay);
            }
        }
        assertThat(read).as("seed %d: mangled texts the reader still read", seed).isPositive();
    }

    /** One change of four: a digit replaced, a character dropped, a digit added; or none. */
    private static String mangled(String text, Random random) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + random.nextInt(10) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + random.nextInt(10) + text.substring(at);
            default -> text;
        };
    }

    private static <T> T parsed(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DateTimeException e) {
            return null;
        }
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
