package dev.parity.engine.sql;

import dev.parity.engine.RowSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A growable byte buffer of tab-separated rows, the text form both PostgreSQL's {@code COPY ... FROM STDIN}
 * and MariaDB's {@code LOAD DATA} read by default: tab between values, newline after a row, {@code \N} for
 * NULL, and backslash escapes for backslash, tab, newline and carriage return. Values are encoded to
 * UTF-8 by the JDK and escaped on the way into the buffer. NUL is dropped: PostgreSQL text cannot hold it.
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

    /**
     * The value escaped: backslash, tab, newline and carriage return; NUL dropped. The JDK's own UTF-8 encoding
     * (an array copy for ASCII text) and one scan of its bytes for the five that need escaping, which most values
     * have none of, cost half of a loop over the characters (a sixth of a load's time on adventureworks).
     */
    public void value(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8); // a lone surrogate becomes '?'
        int length = utf8.length;
        int first = 0;
        while (first < length && !special(utf8[first])) {
            first++;
        }
        ensure(first + 2 * (length - first));
        System.arraycopy(utf8, 0, bytes, size, first);
        int at = size + first;
        byte[] out = bytes;
        for (int i = first; i < length; i++) {
            byte b = utf8[i];
            switch (b) {
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
                case 0 -> {
                    // PostgreSQL text cannot hold NUL
                }
                default -> out[at++] = b;
            }
        }
        size = at;
    }

    /** Backslash, tab, newline, carriage return or NUL; bytes of multi-byte characters are negative, never these. */
    private static boolean special(byte b) {
        return b <= '\\' && (b == '\\' || b == '\t' || b == '\n' || b == '\r' || b == 0);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
