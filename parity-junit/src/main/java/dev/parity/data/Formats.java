package dev.parity.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;

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

    /** "yyyy-mm-dd hh:mm:ss" of a wall time in years 1 to 9999; its fraction is left off. */
    static String wallTime(LocalDateTime at) {
        StringBuilder text = new StringBuilder(19);
        int year = at.getYear();
        two(text, year / 100);
        two(text, year % 100).append('-');
        two(text, at.getMonthValue()).append('-');
        two(text, at.getDayOfMonth()).append(' ');
        two(text, at.getHour()).append(':');
        two(text, at.getMinute()).append(':');
        two(text, at.getSecond());
        return text.toString();
    }

    /**
     * "yyyy-mm-dd", the form {@link #date} writes, read without a {@code DateTimeFormatter} (which allocates a map
     * of fields per call: a third of a load's time on schemas with CHECKs over dates); null for any other text, or
     * a day that does not exist, which the caller's own parser then decides on.
     */
    static LocalDate readDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && !fits(year, month, day)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * "yyyy-mm-dd hh:mm:ss" with up to nine digits of fraction, the form {@link #timestamp} writes, read fast; null
     * for any other text or a time that does not exist (the caller's parser decides on those).
     */
    static LocalDateTime readWallTime(String text) {
        int length = text.length();
        if (length < 19
                || length == 20
                || length > 29
                || text.charAt(10) != ' '
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || length > 19 && text.charAt(19) != '.') {
            return null;
        }
        LocalDate date = readDate(text.substring(0, 10));
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = length > 19 ? digits(text, 20, length - 20) : 0;
        if (date == null
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        for (int i = length - 20; i < 9 && length > 19; i++) {
            nanos *= 10;
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
    }

    /** The number the {@code count} ASCII digits at {@code at} spell; -1 when any is no digit. */
    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether the month has the day: arithmetic, as YearMonth's checks cost more than the parse itself. */
    private static boolean fits(int year, int month, int day) {
        int days =
                switch (month) {
                    case 2 -> Year.isLeap(year) ? 29 : 28;
                    case 4, 6, 9, 11 -> 30;
                    default -> 31;
                };
        return day <= days;
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
