package dev.parity.engine.mariadb;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import dev.parity.engine.schema.ColumnType.Repertoire;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** MariaDB's types (as {@code information_schema.COLUMNS} describes them) mapped onto Parity's kinds, with their limits. */
final class MariaDbTypes {

    /** TIMESTAMP is stored as seconds since 1970 in 32 bits (UTC instants); a day's margin keeps every session zone inside. */
    static final LocalDateTime TIMESTAMP_FROM = LocalDateTime.of(1970, 1, 2, 0, 0);

    static final LocalDateTime TIMESTAMP_TO = LocalDateTime.of(2038, 1, 18, 0, 0);
    static final LocalDateTime DATETIME_FROM = LocalDateTime.of(1000, 1, 1, 0, 0);
    static final LocalDateTime DATETIME_TO = LocalDateTime.of(9999, 12, 31, 23, 59, 59);

    private MariaDbTypes() {}

    /**
     * @param dataType     {@code DATA_TYPE}, e.g. {@code int}
     * @param columnType   {@code COLUMN_TYPE}, e.g. {@code int(10) unsigned}, {@code enum('a','b')}
     * @param maxChars     {@code CHARACTER_MAXIMUM_LENGTH}, or -1
     * @param maxBytes     {@code CHARACTER_OCTET_LENGTH}, or -1
     * @param precision    {@code NUMERIC_PRECISION} (bits of a BIT), or -1
     * @param scale        {@code NUMERIC_SCALE}, or -1
     * @param charset      {@code CHARACTER_SET_NAME}, or null
     * @param json         the column carries {@code CHECK (json_valid(col))}: MariaDB's JSON
     */
    static ColumnType of(
            String dataType,
            String columnType,
            long maxChars,
            long maxBytes,
            int precision,
            int scale,
            String charset,
            boolean json) {
        String type = dataType.toLowerCase(Locale.ROOT);
        String full = columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = full.contains("unsigned");
        switch (type) {
            case "tinyint":
                return full.startsWith("tinyint(1)") && !unsigned
                        ? ColumnType.of(Kind.BOOLEAN, columnType)
                        : ColumnType.integer(
                                columnType,
                                unsigned ? 0 : Byte.MIN_VALUE,
                                unsigned ? 255 : Byte.MAX_VALUE);
            case "smallint":
                return ColumnType.integer(
                        columnType,
                        unsigned ? 0 : Short.MIN_VALUE,
                        unsigned ? 65_535 : Short.MAX_VALUE);
            case "mediumint":
                return ColumnType.integer(
                        columnType, unsigned ? 0 : -8_388_608, unsigned ? 16_777_215 : 8_388_607);
            case "int":
            case "integer":
                return ColumnType.integer(
                        columnType,
                        unsigned ? 0 : Integer.MIN_VALUE,
                        unsigned ? 4_294_967_295L : Integer.MAX_VALUE);
            case "bigint":
                return ColumnType.integer(
                        columnType, unsigned ? 0 : Long.MIN_VALUE, Long.MAX_VALUE);
            case "decimal":
            case "numeric":
                return ColumnType.decimal(columnType, precision, scale)
                        .withRange(unsigned ? 0 : Long.MIN_VALUE, Long.MAX_VALUE);
            case "float":
                return ColumnType.of(Kind.FLOAT, columnType)
                        .withRange(unsigned ? 0 : Long.MIN_VALUE, Long.MAX_VALUE);
            case "double":
            case "real":
                return ColumnType.of(Kind.DOUBLE, columnType)
                        .withRange(unsigned ? 0 : Long.MIN_VALUE, Long.MAX_VALUE);
            case "char":
            case "varchar":
            case "tinytext":
            case "text":
            case "mediumtext":
            case "longtext":
                if (json) {
                    return ColumnType.of(Kind.JSON, "json");
                }
                return ColumnType.text(columnType, characters(maxChars, maxBytes, charset))
                        .withRepertoire(repertoire(charset));
            case "binary":
            case "varbinary":
            case "tinyblob":
            case "blob":
            case "mediumblob":
            case "longblob":
                return ColumnType.of(Kind.BYTES, columnType)
                        .withLength(
                                maxBytes > 0 && maxBytes < Integer.MAX_VALUE ? (int) maxBytes : -1);
            case "date":
                return ColumnType.of(Kind.DATE, columnType)
                        .withTimeRange(DATETIME_FROM, DATETIME_TO);
            case "datetime":
                return ColumnType.of(Kind.TIMESTAMP, columnType)
                        .withTimeRange(DATETIME_FROM, DATETIME_TO);
            case "timestamp":
                // an instant, read from and written in the session's zone
                return ColumnType.of(Kind.TIMESTAMP_TZ, columnType)
                        .withTimeRange(TIMESTAMP_FROM, TIMESTAMP_TO);
            case "time":
                return ColumnType.of(Kind.TIME, columnType);
            case "year":
                return ColumnType.of(Kind.YEAR, columnType).withRange(1901, 2155);
            case "enum":
                return ColumnType.labelled(Kind.ENUM, columnType, labels(columnType));
            case "set":
                return ColumnType.labelled(Kind.SET, columnType, labels(columnType));
            case "bit":
                return ColumnType.of(Kind.BIT, columnType)
                        .withLength(precision > 0 ? precision : 1);
            case "uuid":
                return ColumnType.of(Kind.UUID, columnType);
            case "inet6":
                return ColumnType.of(Kind.INET, columnType);
            default:
                return ColumnType.of(Kind.OTHER, columnType);
        }
    }

    /** Characters that fit: a TEXT of 65,535 bytes holds 16,383 four-byte characters. */
    private static int characters(long maxChars, long maxBytes, String charset) {
        if (maxChars < 0) {
            return -1;
        }
        long fit =
                maxBytes > 0 ? Math.min(maxChars, maxBytes / bytesPerCharacter(charset)) : maxChars;
        return fit >= Integer.MAX_VALUE / 4 ? -1 : (int) fit;
    }

    private static int bytesPerCharacter(String charset) {
        if (charset == null) {
            return 1;
        }
        String name = charset.toLowerCase(Locale.ROOT);
        return name.equals("utf8mb4")
                ? 4
                : name.startsWith("utf8")
                        ? 3
                        : name.startsWith("utf16") || name.equals("ucs2")
                                ? 2
                                : name.equals("utf32") ? 4 : 1;
    }

    static Repertoire repertoire(String charset) {
        if (charset == null) {
            return Repertoire.ASCII;
        }
        String name = charset.toLowerCase(Locale.ROOT);
        if (name.equals("utf8mb4")
                || name.startsWith("utf16")
                || name.equals("utf32")) { // utf16 and utf16le
            return Repertoire.UNICODE;
        }
        if (name.startsWith("utf8") || name.equals("ucs2")) {
            return Repertoire.BMP;
        }
        return name.equals("latin1") ? Repertoire.LATIN1 : Repertoire.ASCII;
    }

    /** {@code enum('a','it''s')} → [a, it's]. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length()) {
            char c = columnType.charAt(i);
            if (c == '\'') {
                StringBuilder label = new StringBuilder();
                i++;
                while (i < columnType.length()) {
                    char d = columnType.charAt(i);
                    if (d == '\''
                            && i + 1 < columnType.length()
                            && columnType.charAt(i + 1) == '\'') {
                        label.append('\'');
                        i += 2;
                    } else if (d == '\\' && i + 1 < columnType.length()) {
                        label.append(columnType.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        label.append(d);
                        i++;
                    }
                }
                labels.add(label.toString());
            } else {
                i++;
            }
        }
        return labels;
    }
}
