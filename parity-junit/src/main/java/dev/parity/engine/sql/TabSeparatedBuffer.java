package dev.parity.engine.sql;

import dev.parity.engine.RowSource;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A growable byte buffer of tab-separated rows, the text form both PostgreSQL's {@code COPY ... FROM STDIN}
 * and MariaDB's {@code LOAD DATA} read by default: tab between values, newline after a row, {@code \N} for
 * NULL, and backslash escapes for backslash, tab, newline and carriage return. Values are escaped and
 * encoded to UTF-8 in one pass, with no intermediate String or UTF-16 builder (which would double the
 * work for any non-Latin-1 row). NUL is dropped: PostgreSQL text cannot hold it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TabSeparatedBuffer {

    private byte[] bytes;
    private int size;

    public TabSeparatedBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    /** Rows [from, to) of {@code cursor}, {@code width} values each, encoded. */
    public static byte[] encode(RowSource.Cursor cursor, int width, long from, long to) {
        TabSeparatedBuffer buffer =
                new TabSeparatedBuffer((int) (to - from) * 32 * Math.max(1, width));
        for (long row = from; row < to; row++) {
            for (int i = 0; i < width; i++) {
                if (i > 0) {
                    buffer.separator();
                }
                String value = cursor.value(row, i);
                if (value == null) {
                    buffer.nullValue();
                } else {
                    buffer.value(value);
                }
            }
            buffer.endOfRow();
        }
        return buffer.toByteArray();
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    public void separator() {
        ensure(1);
        bytes[size++] = '\t';
    }

    public void endOfRow() {
        ensure(1);
        bytes[size++] = '\n';
    }

    public void nullValue() {
        ensure(2);
        bytes[size++] = '\\';
        bytes[size++] = 'N';
    }

    /** The value escaped: backslash, tab, newline and carriage return; NUL dropped. */
    public void value(String value) {
        int length = value.length();
        ensure(length * 3 + 2);
        byte[] out = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> {
                        out[at++] = '\\';
                        out[at++] = '\\';
                    }
                    case '\t' -> {
                        out[at++] = '\\';
                        out[at++] = 't';
                    }
                    case '\n' -> {
                        out[at++] = '\\';
                        out[at++] = 'n';
                    }
                    case '\r' -> {
                        out[at++] = '\\';
                        out[at++] = 'r';
                    }
                    case '\0' -> {
                        // PostgreSQL text cannot hold NUL
                    }
                    default -> out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[at++] =
                        '?'; // a lone surrogate is no character: PostgreSQL would reject its bytes
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
