package dev.parity.data;

import java.util.Arrays;

/**
 * A growable byte buffer of COPY text: values are escaped and encoded to UTF-8 in one pass, with no
 * intermediate String or UTF-16 builder (which would double the work for any non-Latin-1 row).
 */
final class CopyBuffer {

    private byte[] bytes;
    private int size;

    CopyBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void separator() {
        ensure(1);
        bytes[size++] = '\t';
    }

    void endOfRow() {
        ensure(1);
        bytes[size++] = '\n';
    }

    void nullValue() {
        ensure(2);
        bytes[size++] = '\\';
        bytes[size++] = 'N';
    }

    /** The value escaped for COPY text format: backslash, tab, newline and carriage return; NUL dropped. */
    void value(String value) {
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
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?'; // a lone surrogate is no character: PostgreSQL would reject its bytes
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
