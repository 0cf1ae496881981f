package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import org.junit.jupiter.api.Test;

/** PostgreSQL's type names and modifiers mapped onto Parity's kinds and limits. */
class PostgresTypesTest {

    private static ColumnType of(String typname, int typmod, String sqlType) {
        return PostgresTypes.of(typname, typmod, sqlType);
    }

    /** atttypmod of numeric(precision, scale). */
    private static int numeric(int precision, int scale) {
        return (precision << 16 | scale) + 4;
    }

    @Test
    void integersHaveTheirTypesRanges() {
        assertThat(of("int2", -1, "smallint"))
                .isEqualTo(ColumnType.integer("smallint", -32_768, 32_767));
        assertThat(of("int4", -1, "integer"))
                .isEqualTo(ColumnType.integer("integer", -2_147_483_648L, 2_147_483_647L));
        assertThat(of("int8", -1, "bigint"))
                .isEqualTo(ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void numericTakesPrecisionAndScaleFromTheTypmod() {
        assertThat(of("numeric", numeric(12, 2), "numeric(12,2)"))
                .isEqualTo(ColumnType.decimal("numeric(12,2)", 12, 2));
        assertThat(of("numeric", numeric(5, 0), "numeric(5,0)"))
                .isEqualTo(ColumnType.decimal("numeric(5,0)", 5, 0));
        assertThat(of("numeric", numeric(1000, 30), "numeric(1000,30)"))
                .isEqualTo(ColumnType.decimal("numeric(1000,30)", 1000, 30));
        assertThat(of("numeric", -1, "numeric")).isEqualTo(ColumnType.decimal("numeric", -1, -1));
    }

    @Test
    void varcharAndBpcharTakeTheirLength() {
        assertThat(of("varchar", 14, "character varying(10)"))
                .isEqualTo(ColumnType.text("character varying(10)", 10));
        assertThat(of("bpchar", 7, "character(3)")).isEqualTo(ColumnType.text("character(3)", 3));
        assertThat(of("varchar", -1, "character varying"))
                .isEqualTo(ColumnType.text("character varying", -1));
        assertThat(of("text", -1, "text")).isEqualTo(ColumnType.text("text", -1));
        assertThat(of("bpchar", 7, "character(3)").isFixedWidth()).isTrue();
        assertThat(of("varchar", 14, "character varying(10)").isFixedWidth()).isFalse();
    }

    @Test
    void otherKnownTypesMapByName() {
        assertThat(of("timestamptz", -1, "timestamp with time zone").kind())
                .isEqualTo(Kind.TIMESTAMP_TZ);
        assertThat(of("timestamp", 3, "timestamp(0) without time zone").kind())
                .isEqualTo(Kind.TIMESTAMP);
        assertThat(of("jsonb", -1, "jsonb").kind()).isEqualTo(Kind.JSON);
        assertThat(of("bool", -1, "boolean").kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(of("float4", -1, "real").kind()).isEqualTo(Kind.FLOAT);
        assertThat(of("money", -1, "money").kind()).isEqualTo(Kind.MONEY);
        assertThat(of("bytea", -1, "bytea").kind()).isEqualTo(Kind.BYTES);
        assertThat(of("citext", -1, "citext")).isEqualTo(ColumnType.of(Kind.TEXT, "citext"));
    }

    @Test
    void unknownTypesAreOther() {
        assertThat(of("point", -1, "point")).isEqualTo(ColumnType.of(Kind.OTHER, "point"));
        assertThat(of("geometry", -1, "geometry(Point,4326)"))
                .isEqualTo(ColumnType.of(Kind.OTHER, "geometry(Point,4326)"));
    }

    @Test
    void bitStringsCarryTheirLengthAndMacaddr8ItsOctets() {
        assertThat(of("bit", 8, "bit(8)"))
                .isEqualTo(ColumnType.of(Kind.BIT, "bit(8)").withLength(8));
        assertThat(of("varbit", 16, "bit varying(16)"))
                .isEqualTo(ColumnType.of(Kind.BIT, "bit varying(16)").withLength(16));
        assertThat(of("macaddr8", -1, "macaddr8"))
                .isEqualTo(ColumnType.of(Kind.MACADDR, "macaddr8").withLength(8));
    }
}
