package dev.parity.engine.sql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.RowSource;
import org.junit.jupiter.api.Test;

/** The tab-separated text COPY and LOAD DATA read: escapes, NULL, and UTF-8 written by hand. */
class TabSeparatedBufferTest {

    private static String encoded(String value) {
        TabSeparatedBuffer buffer = new TabSeparatedBuffer(0);
        buffer.value(value);
        return new String(buffer.toByteArray(), UTF_8);
    }

    private static byte[] bytes(String value) {
        TabSeparatedBuffer buffer = new TabSeparatedBuffer(0);
        buffer.value(value);
        return buffer.toByteArray();
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        assertThat(encoded("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(encoded("plain 'text' \"as is\"; 100%"))
                .isEqualTo("plain 'text' \"as is\"; 100%");
    }

    @Test
    void nulIsDropped() {
        assertThat(encoded("a\0b\0")).isEqualTo("ab");
    }

    @Test
    void nullIsBackslashN() {
        TabSeparatedBuffer buffer = new TabSeparatedBuffer(0);
        buffer.nullValue();
        buffer.separator();
        buffer.value("\\N"); // the text \N, escaped: not NULL
        buffer.endOfRow();
        assertThat(new String(buffer.toByteArray(), UTF_8)).isEqualTo("\\N\t\\\\N\n");
    }

    @Test
    void charactersOfTwoThreeAndFourBytesAreUtf8() {
        for (String text :
                new String[] {
                    "é", "ß", "ж", "€", "山田", "\uFFFD", "😀", "👨‍👩‍👧", "𝔘", "a€😀ö"
                }) {
            assertThat(bytes(text)).as(text).isEqualTo(text.getBytes(UTF_8));
        }
        assertThat(bytes("é€😀"))
                .containsExactly(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80);
        assertThat(bytes("\u07FF\u0800"))
                .containsExactly(0xDF, 0xBF, 0xE0, 0xA0, 0x80); // the edges of two and three bytes
    }

    /** Seeded strings of every kind of character: the bytes are those of the escaped text, encoded by the JDK. */
    @Test
    void anyTextIsItsEscapedUtf8() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        char[] kinds = {
            'a', 'Z', '0', ' ', '\\', '\t', '\n', '\r', '\0', 'é', '€', '\uD83D', '\uDE00'
        };
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(
                        random.nextBoolean()
                                ? kinds[random.nextInt(kinds.length)]
                                : (char) random.nextInt(0x10000));
            }
            String value = text.toString();
            String escaped =
                    value.replace("\\", "\\\\")
                            .replace("\t", "\\t")
                            .replace("\n", "\\n")
                            .replace("\r", "\\r");
            // NUL is dropped from the bytes: the surrogates beside it stay apart, no pair
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            for (byte b : escaped.getBytes(UTF_8)) {
                if (b != 0) {
                    expected.write(b);
                }
            }
            assertThat(bytes(value))
                    .as("seed %d, text %s", seed, value.codePoints().boxed().toList())
                    .isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMark() {
        assertThat(encoded("a\uD83Db")).isEqualTo("a?b"); // high without low
        assertThat(encoded("a\uDE00b")).isEqualTo("a?b"); // low without high
        assertThat(encoded("end\uD83D")).isEqualTo("end?");
        assertThat(encoded("\uDE00\uD83D")).isEqualTo("??"); // the wrong order is no pair
    }

    @Test
    void theBufferGrowsPastItsCapacity() {
        String longText = "😀ä\t".repeat(10_000);
        TabSeparatedBuffer buffer = new TabSeparatedBuffer(1);
        buffer.value(longText);
        buffer.separator();
        buffer.value(longText);
        String expected = longText.replace("\t", "\\t");
        assertThat(new String(buffer.toByteArray(), UTF_8)).isEqualTo(expected + "\t" + expected);
    }

    @Test
    void encodeWritesRowsFromToOfTheCursor() {
        RowSource.Cursor cursor =
                (row, column) ->
                        column == 1 && row % 2 == 0
                                ? null
                                : "r" + row + "c" + column + (column == 2 ? "\tä" : "");
        assertThat(new String(TabSeparatedBuffer.encode(cursor, 3, 2, 4), UTF_8))
                .isEqualTo("r2c0\t\\N\tr2c2\\tä\nr3c0\tr3c1\tr3c2\\tä\n");
        assertThat(TabSeparatedBuffer.encode(cursor, 3, 5, 5)).isEmpty();
        assertThat(new String(TabSeparatedBuffer.encode(cursor, 1, 0, 2), UTF_8))
                .isEqualTo("r0c0\nr1c0\n");
    }
}
