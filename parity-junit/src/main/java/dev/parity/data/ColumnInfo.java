package dev.parity.data;

import java.util.List;

/**
 * A column as the database describes it.
 *
 * @param type         the engine's type name, lower case: {@code int8}, {@code varchar}, {@code bpchar},
 *                     {@code timestamptz}, an enum's name, {@code _int4} for {@code int4[]}
 * @param length       maximum characters of a varchar(n)/char(n), or -1
 * @param precision    total digits of a numeric(p,s), or -1 when unconstrained
 * @param scale        digits after the point of a numeric(p,s), or -1
 * @param defaultValue the column default as SQL, or null
 * @param generated    a generated (computed) column: never written
 * @param enumLabels   the labels of an enum column (or of an enum array's elements), else empty
 * @param elementType  the element type of an array column, else null
 * @param sqlType      the type as SQL spells it, e.g. {@code numeric(12,2)}, for casts
 */
record ColumnInfo(String name, String type, int length, int precision, int scale, boolean nullable, String defaultValue,
                  boolean generated, List<String> enumLabels, String elementType, String sqlType) {

    boolean isArray() {
        return elementType != null;
    }

    boolean isEnum() {
        return !enumLabels.isEmpty() && !isArray();
    }

    /** Filled by a sequence (serial, bigserial, identity), which must be moved past the loaded rows. */
    boolean isSequenceBacked() {
        return defaultValue != null && defaultValue.startsWith("nextval(") || "identity".equals(defaultValue);
    }
}
