package dev.parity.engine.postgres;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import java.util.Map;

/** PostgreSQL's type names (as {@code pg_type.typname}) mapped onto Parity's kinds, with their limits. */
final class PostgresTypes {

    private static final Map<String, Kind> KINDS =
            Map.ofEntries(
                    Map.entry("numeric", Kind.DECIMAL),
                    Map.entry("money", Kind.MONEY),
                    Map.entry("float4", Kind.FLOAT),
                    Map.entry("float8", Kind.DOUBLE),
                    Map.entry("bool", Kind.BOOLEAN),
                    Map.entry("date", Kind.DATE),
                    Map.entry("timestamp", Kind.TIMESTAMP),
                    Map.entry("timestamptz", Kind.TIMESTAMP_TZ),
                    Map.entry("time", Kind.TIME),
                    Map.entry("timetz", Kind.TIME_TZ),
                    Map.entry("interval", Kind.INTERVAL),
                    Map.entry("uuid", Kind.UUID),
                    Map.entry("json", Kind.JSON),
                    Map.entry("jsonb", Kind.JSON),
                    Map.entry("bytea", Kind.BYTES),
                    Map.entry("inet", Kind.INET),
                    Map.entry("cidr", Kind.CIDR),
                    Map.entry("macaddr", Kind.MACADDR),
                    Map.entry("xml", Kind.XML),
                    Map.entry("text", Kind.TEXT),
                    Map.entry("varchar", Kind.TEXT),
                    Map.entry("bpchar", Kind.TEXT),
                    Map.entry("citext", Kind.TEXT),
                    Map.entry("name", Kind.TEXT),
                    Map.entry("char", Kind.TEXT),
                    Map.entry("tsvector", Kind.TSVECTOR),
                    Map.entry("tsquery", Kind.TSQUERY),
                    Map.entry("hstore", Kind.HSTORE));

    private PostgresTypes() {}

    /**
     * A base type (arrays, enums, domains, ranges and composites are resolved by {@link PostgresTypeCatalog}).
     *
     * @param typname the type's name ({@code pg_type.typname})
     * @param typmod  {@code pg_attribute.atttypmod}: a varchar's length + 4, a numeric's (precision, scale) + 4, a bit string's length
     * @param sqlType {@code format_type(...)}, e.g. {@code numeric(12,2)}
     */
    static ColumnType of(String typname, int typmod, String sqlType) {
        switch (typname) {
            case "int2":
                return ColumnType.integer(sqlType, Short.MIN_VALUE, Short.MAX_VALUE);
            case "int4":
                return ColumnType.integer(sqlType, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "int8":
                return ColumnType.integer(sqlType, Long.MIN_VALUE, Long.MAX_VALUE);
            case "numeric":
                return typmod > 4
                        ? ColumnType.decimal(
                                sqlType, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff)
                        : ColumnType.decimal(sqlType, -1, -1);
            case "varchar":
            case "bpchar":
                return ColumnType.text(sqlType, typmod > 4 ? typmod - 4 : -1);
            case "bit":
                return ColumnType.of(Kind.BIT, sqlType).withLength(typmod > 0 ? typmod : 1);
            case "varbit":
                return ColumnType.of(Kind.BIT, sqlType).withLength(typmod > 0 ? typmod : 64);
            case "macaddr8":
                return ColumnType.of(Kind.MACADDR, sqlType).withLength(8);
            default:
                return ColumnType.of(KINDS.getOrDefault(typname, Kind.OTHER), sqlType);
        }
    }
}
