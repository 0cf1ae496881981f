package dev.parity.engine.schema;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A column's type in terms every engine maps onto, with the limits of the engine's own type, so that
 * generators need not know which engine they write for.
 *
 * @param kind       what kind of value
 * @param sqlType    the type as the engine spells it, e.g. {@code numeric(12,2)}, {@code int(10) unsigned}
 * @param length     most characters of a text, bits of a {@link Kind#BIT}; -1 when unbounded
 * @param precision  total digits of a decimal, -1 when unconstrained
 * @param scale      digits after the point of a decimal, -1 when unconstrained
 * @param min        lowest value of an integer type (e.g. 0 when unsigned)
 * @param max        highest value of an integer type, at most {@link Long#MAX_VALUE}
 * @param earliest   earliest value of a date or time type the engine stores; null: no limit worth knowing
 * @param latest     latest such value; null: no limit worth knowing
 * @param repertoire which characters a text column can hold (its character set)
 * @param labels     the labels of an enum or a set, else empty
 * @param element    the element type of an array, the subtype of a range, else null
 * @param fields     the field types of a composite type, in order, else empty
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnType(
        Kind kind,
        String sqlType,
        int length,
        int precision,
        int scale,
        long min,
        long max,
        LocalDateTime earliest,
        LocalDateTime latest,
        Repertoire repertoire,
        List<String> labels,
        ColumnType element,
        List<ColumnType> fields) {

    /** What kind of value a column holds. */
    public enum Kind {
        INTEGER,
        DECIMAL,
        FLOAT,
        DOUBLE,
        MONEY,
        BOOLEAN,
        TEXT,
        DATE,
        TIMESTAMP,
        TIMESTAMP_TZ,
        TIME,
        TIME_TZ,
        YEAR,
        INTERVAL,
        UUID,
        JSON,
        BYTES,
        BIT,
        INET,
        CIDR,
        MACADDR,
        XML,
        ENUM,
        SET,
        ARRAY,
        /** A range of its {@link #element()} type ({@code int4range}, {@code tstzrange}, ...). */
        RANGE,
        /** A row of {@link #fields()} (PostgreSQL's composite types). */
        COMPOSITE,
        /** Full-text search: a document's lexemes ({@code tsvector}) or a query ({@code tsquery}). */
        TSVECTOR,
        TSQUERY,
        /** Key/value pairs (PostgreSQL's {@code hstore}). */
        HSTORE,
        /** A type Parity cannot generate values for. */
        OTHER
    }

    /** The characters a text column can store. */
    public enum Repertoire {
        /** All of Unicode (PostgreSQL UTF8, MariaDB utf8mb4). */
        UNICODE,
        /** The Basic Multilingual Plane only: no emoji (MariaDB utf8mb3). */
        BMP,
        /** ISO 8859-1 (MariaDB latin1). */
        LATIN1,
        /** Seven-bit ASCII. */
        ASCII
    }

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sqlType, "sqlType");
        labels = List.copyOf(labels);
        fields = fields == null ? List.of() : List.copyOf(fields);
        repertoire = repertoire == null ? Repertoire.UNICODE : repertoire;
    }

    /** A type of {@code kind} with no limits beyond its kind's. */
    public static ColumnType of(Kind kind, String sqlType) {
        return new ColumnType(
                kind,
                sqlType,
                -1,
                -1,
                -1,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                null,
                null,
                Repertoire.UNICODE,
                List.of(),
                null,
                List.of());
    }

    public static ColumnType integer(String sqlType, long min, long max) {
        return of(Kind.INTEGER, sqlType).withRange(min, max);
    }

    public static ColumnType text(String sqlType, int length) {
        return of(Kind.TEXT, sqlType).withLength(length);
    }

    public static ColumnType decimal(String sqlType, int precision, int scale) {
        return new ColumnType(
                Kind.DECIMAL,
                sqlType,
                -1,
                precision,
                scale,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                null,
                null,
                Repertoire.UNICODE,
                List.of(),
                null,
                List.of());
    }

    public static ColumnType labelled(Kind kind, String sqlType, List<String> labels) {
        return of(kind, sqlType).withLabels(labels);
    }

    public static ColumnType array(String sqlType, ColumnType element) {
        return of(Kind.ARRAY, sqlType).withElement(element);
    }

    public static ColumnType range(String sqlType, ColumnType subtype) {
        return of(Kind.RANGE, sqlType).withElement(subtype);
    }

    public static ColumnType composite(String sqlType, List<ColumnType> fields) {
        return new ColumnType(
                Kind.COMPOSITE,
                sqlType,
                -1,
                -1,
                -1,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                null,
                null,
                Repertoire.UNICODE,
                List.of(),
                null,
                fields);
    }

    public ColumnType withLength(int newLength) {
        return new ColumnType(
                kind,
                sqlType,
                newLength,
                precision,
                scale,
                min,
                max,
                earliest,
                latest,
                repertoire,
                labels,
                element,
                fields);
    }

    public ColumnType withRange(long newMin, long newMax) {
        return new ColumnType(
                kind,
                sqlType,
                length,
                precision,
                scale,
                newMin,
                newMax,
                earliest,
                latest,
                repertoire,
                labels,
                element,
                fields);
    }

    public ColumnType withTimeRange(LocalDateTime from, LocalDateTime to) {
        return new ColumnType(
                kind,
                sqlType,
                length,
                precision,
                scale,
                min,
                max,
                from,
                to,
                repertoire,
                labels,
                element,
                fields);
    }

    public ColumnType withRepertoire(Repertoire newRepertoire) {
        return new ColumnType(
                kind,
                sqlType,
                length,
                precision,
                scale,
                min,
                max,
                earliest,
                latest,
                newRepertoire,
                labels,
                element,
                fields);
    }

    public ColumnType withLabels(List<String> newLabels) {
        return new ColumnType(
                kind,
                sqlType,
                length,
                precision,
                scale,
                min,
                max,
                earliest,
                latest,
                repertoire,
                newLabels,
                element,
                fields);
    }

    public ColumnType withElement(ColumnType newElement) {
        return new ColumnType(
                kind,
                sqlType,
                length,
                precision,
                scale,
                min,
                max,
                earliest,
                latest,
                repertoire,
                labels,
                newElement,
                fields);
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /** A fixed-width text ({@code char(n)}), whose trailing spaces the engine drops. */
    public boolean isFixedWidth() {
        return kind == Kind.TEXT
                && sqlType.toLowerCase(java.util.Locale.ROOT)
                        .matches("(character|char|bpchar|nchar)(\\(.*)?");
    }
}
