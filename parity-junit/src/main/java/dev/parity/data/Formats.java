package dev.parity.data;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Fast text forms of numbers, dates, timestamps and UUIDs, as every engine reads them. */
final class Formats {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats() {}

    /** {@code unscaled * 10^-scale}, e.g. (12345, 2) → "123.45", (-5, 2) → "-0.05". */
    static String decimal(long unscaled, int scale) {
        if (scale <= 0) {
            return Long.toString(unscaled);
        }
        if (unscaled == Long.MIN_VALUE) {
            return BigDecimal.valueOf(unscaled, scale).toPlainString();
        }
        StringBuilder digits = new StringBuilder(Long.toString(Math.abs(unscaled)));
        while (digits.length() <= scale) {
            digits.insert(0, '0');
        }
        digits.insert(digits.length() - scale, '.');
        if (unscaled < 0) {
            digits.insert(0, '-');
        }
        return digits.toString();
    }

    static String date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** "yyyy-mm-dd hh:mm:ss[.ffffff]" for seconds since 1970 (UTC) and microseconds. */
    static String timestamp(long epochSecond, int micros) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        int second = (int) Math.floorMod(epochSecond, 86_400L);
        StringBuilder text = new StringBuilder(26).append(LocalDate.ofEpochDay(day)).append(' ');
        two(text, second / 3600).append(':');
        two(text, second / 60 % 60).append(':');
        two(text, second % 60);
        if (micros > 0) {
            String fraction = Integer.toString(1_000_000 + micros);
            text.append('.').append(fraction, 1, fraction.length());
        }
        return text.toString();
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    static String uuid(long high, long low) {
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        char[] out = new char[36];
        int at = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out[at++] = '-';
            }
            long word = i < 16 ? high : low;
            out[at++] = HEX[(int) (word >>> (60 - 4 * (i % 16))) & 0xF];
        }
        return new String(out);
    }

    /** At most {@code max} characters, counted as PostgreSQL counts them: code points. */
    static String truncate(String value, int max) {
        if (max < 0 || value.length() <= max) {
            return value;
        }
        int end =
                value.offsetByCodePoints(0, Math.min(max, value.codePointCount(0, value.length())));
        return value.substring(0, end);
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
