package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import dev.parity.engine.schema.ColumnType.Repertoire;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's types, as information_schema.COLUMNS describes them, mapped onto Parity's kinds and limits. */
class MariaDbTypesTest {

    private static ColumnType plain(String dataType, String columnType) {
        return MariaDbTypes.of(dataType, columnType, -1, -1, -1, -1, null, false);
    }

    private static ColumnType text(
            String dataType, String columnType, long maxChars, long maxBytes, String charset) {
        return MariaDbTypes.of(dataType, columnType, maxChars, maxBytes, -1, -1, charset, false);
    }

    @Test
    void tinyintOfOneIsBoolean() {
        assertThat(plain("tinyint", "tinyint(1)"))
                .isEqualTo(ColumnType.of(Kind.BOOLEAN, "tinyint(1)"));
        assertThat(plain("TINYINT", "TINYINT(1)"))
                .isEqualTo(ColumnType.of(Kind.BOOLEAN, "TINYINT(1)"));
        // unsigned, it counts to 255
        assertThat(plain("tinyint", "tinyint(1) unsigned"))
                .isEqualTo(ColumnType.integer("tinyint(1) unsigned", 0, 255));
    }

    @Test
    void signedIntegersHaveTheirTypesRanges() {
        assertThat(plain("tinyint", "tinyint(4)"))
                .isEqualTo(ColumnType.integer("tinyint(4)", -128, 127));
        assertThat(plain("smallint", "smallint(6)"))
                .isEqualTo(ColumnType.integer("smallint(6)", -32_768, 32_767));
        assertThat(plain("mediumint", "mediumint(9)"))
                .isEqualTo(ColumnType.integer("mediumint(9)", -8_388_608, 8_388_607));
        assertThat(plain("int", "int(11)"))
                .isEqualTo(ColumnType.integer("int(11)", -2_147_483_648L, 2_147_483_647L));
        assertThat(plain("bigint", "bigint(20)"))
                .isEqualTo(ColumnType.integer("bigint(20)", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void unsignedIntegersStartAtZero() {
        assertThat(plain("tinyint", "tinyint(3) unsigned"))
                .isEqualTo(ColumnType.integer("tinyint(3) unsigned", 0, 255));
        assertThat(plain("smallint", "smallint(5) unsigned"))
                .isEqualTo(ColumnType.integer("smallint(5) unsigned", 0, 65_535));
        assertThat(plain("mediumint", "mediumint(8) unsigned"))
                .isEqualTo(ColumnType.integer("mediumint(8) unsigned", 0, 16_777_215));
        assertThat(plain("int", "int(10) unsigned"))
                .isEqualTo(ColumnType.integer("int(10) unsigned", 0, 4_294_967_295L));
        assertThat(plain("integer", "int(10) unsigned zerofill"))
                .isEqualTo(ColumnType.integer("int(10) unsigned zerofill", 0, 4_294_967_295L));
        // a bigint unsigned counts past Long.MAX_VALUE; Parity stays below
        assertThat(plain("bigint", "bigint(20) unsigned"))
                .isEqualTo(ColumnType.integer("bigint(20) unsigned", 0, Long.MAX_VALUE));
    }

    @Test
    void decimalsHaveTheirPrecisionScaleAndSign() {
        assertThat(MariaDbTypes.of("decimal", "decimal(12,2)", -1, -1, 12, 2, null, false))
                .isEqualTo(ColumnType.decimal("decimal(12,2)", 12, 2));
        assertThat(MariaDbTypes.of("decimal", "decimal(5,5) unsigned", -1, -1, 5, 5, null, false))
                .isEqualTo(
                        ColumnType.decimal("decimal(5,5) unsigned", 5, 5)
                                .withRange(0, Long.MAX_VALUE));
        assertThat(plain("double", "double unsigned").min()).isZero();
        assertThat(plain("float", "float").kind()).isEqualTo(Kind.FLOAT);
        assertThat(plain("double", "double").kind()).isEqualTo(Kind.DOUBLE);
    }

    @Test
    void textLengthsAreCharactersThatFitTheBytes() {
        assertThat(text("varchar", "varchar(100)", 100, 400, "utf8mb4"))
                .isEqualTo(ColumnType.text("varchar(100)", 100));
        // TEXT holds 65,535 bytes: 16,383 four-byte characters
        assertThat(text("text", "text", 65_535, 65_535, "utf8mb4"))
                .isEqualTo(ColumnType.text("text", 16_383));
        assertThat(text("tinytext", "tinytext", 255, 255, "utf8mb4"))
                .isEqualTo(ColumnType.text("tinytext", 63));
        assertThat(text("mediumtext", "mediumtext", 16_777_215, 16_777_215, "utf8mb4"))
                .isEqualTo(ColumnType.text("mediumtext", 4_194_303));
        assertThat(text("text", "text", 65_535, 65_535, "utf8mb3").length()).isEqualTo(21_845);
        assertThat(text("text", "text", 65_535, 65_535, "latin1"))
                .isEqualTo(ColumnType.text("text", 65_535).withRepertoire(Repertoire.LATIN1));
        assertThat(text("tinytext", "tinytext", 255, 255, "latin1").length()).isEqualTo(255);
        assertThat(text("char", "char(2)", 2, 2, "ascii"))
                .isEqualTo(ColumnType.text("char(2)", 2).withRepertoire(Repertoire.ASCII));
    }

    @Test
    void hugeTextsAreUnbounded() {
        assertThat(text("longtext", "longtext", 4_294_967_295L, 4_294_967_295L, "utf8mb4").length())
                .isEqualTo(-1);
        assertThat(text("longtext", "longtext", 4_294_967_295L, 4_294_967_295L, "latin1").length())
                .isEqualTo(-1);
    }

    @Test
    void textsCarryTheRepertoireOfTheirCharacterSet() {
        assertThat(MariaDbTypes.repertoire("utf8mb4")).isEqualTo(Repertoire.UNICODE);
        assertThat(MariaDbTypes.repertoire("UTF8MB4")).isEqualTo(Repertoire.UNICODE);
        assertThat(MariaDbTypes.repertoire("utf16")).isEqualTo(Repertoire.UNICODE);
        assertThat(MariaDbTypes.repertoire("utf16le")).isEqualTo(Repertoire.UNICODE);
        assertThat(MariaDbTypes.repertoire("utf32")).isEqualTo(Repertoire.UNICODE);
        assertThat(MariaDbTypes.repertoire("utf8mb3")).isEqualTo(Repertoire.BMP);
        assertThat(MariaDbTypes.repertoire("utf8")).isEqualTo(Repertoire.BMP);
        assertThat(MariaDbTypes.repertoire("ucs2")).isEqualTo(Repertoire.BMP);
        assertThat(MariaDbTypes.repertoire("latin1")).isEqualTo(Repertoire.LATIN1);
        assertThat(MariaDbTypes.repertoire("ascii")).isEqualTo(Repertoire.ASCII);
        assertThat(MariaDbTypes.repertoire(null)).isEqualTo(Repertoire.ASCII);
        assertThat(text("varchar", "varchar(10)", 10, 40, "utf8mb4").repertoire())
                .isEqualTo(Repertoire.UNICODE);
        assertThat(text("varchar", "varchar(10)", 10, 30, "utf8mb3").repertoire())
                .isEqualTo(Repertoire.BMP);
    }

    @Test
    void jsonIsALongtextWithJsonValid() {
        assertThat(
                        MariaDbTypes.of(
                                "longtext",
                                "longtext",
                                4_294_967_295L,
                                4_294_967_295L,
                                -1,
                                -1,
                                "utf8mb4",
                                true))
                .isEqualTo(ColumnType.of(Kind.JSON, "json"));
        assertThat(text("longtext", "longtext", 4_294_967_295L, 4_294_967_295L, "utf8mb4").kind())
                .isEqualTo(Kind.TEXT);
    }

    @Test
    void enumAndSetLabelsUnescapeQuotesAndBackslashes() {
        assertThat(MariaDbTypes.labels("enum('a','it''s','back\\\\slash','x,y','(z)','')"))
                .containsExactly("a", "it's", "back\\slash", "x,y", "(z)", "");
        assertThat(plain("enum", "enum('new','it''s')"))
                .isEqualTo(
                        ColumnType.labelled(
                                Kind.ENUM, "enum('new','it''s')", List.of("new", "it's")));
        assertThat(plain("set", "set('r','w','x')"))
                .isEqualTo(
                        ColumnType.labelled(Kind.SET, "set('r','w','x')", List.of("r", "w", "x")));
    }

    @Test
    void timestampIsAnInstantWithinTheThirtyTwoBitRange() {
        assertThat(plain("timestamp", "timestamp"))
                .isEqualTo(
                        ColumnType.of(Kind.TIMESTAMP_TZ, "timestamp")
                                .withTimeRange(
                                        LocalDateTime.of(1970, 1, 2, 0, 0),
                                        LocalDateTime.of(2038, 1, 18, 0, 0)));
        assertThat(plain("timestamp", "timestamp(6)").kind()).isEqualTo(Kind.TIMESTAMP_TZ);
    }

    @Test
    void datesAndDatetimesSpanYearsOneThousandToNineThousandNineHundredNinetyNine() {
        LocalDateTime from = LocalDateTime.of(1000, 1, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
        assertThat(plain("date", "date"))
                .isEqualTo(ColumnType.of(Kind.DATE, "date").withTimeRange(from, to));
        assertThat(plain("datetime", "datetime(3)"))
                .isEqualTo(ColumnType.of(Kind.TIMESTAMP, "datetime(3)").withTimeRange(from, to));
        assertThat(plain("time", "time").kind()).isEqualTo(Kind.TIME);
    }

    @Test
    void yearCountsFrom1901To2155() {
        assertThat(plain("year", "year(4)"))
                .isEqualTo(ColumnType.of(Kind.YEAR, "year(4)").withRange(1901, 2155));
    }

    @Test
    void bitHasItsLengthInBits() {
        assertThat(MariaDbTypes.of("bit", "bit(5)", -1, -1, 5, -1, null, false))
                .isEqualTo(ColumnType.of(Kind.BIT, "bit(5)").withLength(5));
        assertThat(MariaDbTypes.of("bit", "bit(64)", -1, -1, 64, -1, null, false).length())
                .isEqualTo(64);
        assertThat(plain("bit", "bit").length()).isEqualTo(1);
    }

    @Test
    void bytesHaveTheirLengthWhenBounded() {
        assertThat(MariaDbTypes.of("varbinary", "varbinary(16)", 16, 16, -1, -1, null, false))
                .isEqualTo(ColumnType.of(Kind.BYTES, "varbinary(16)").withLength(16));
        assertThat(
                        MariaDbTypes.of(
                                        "longblob",
                                        "longblob",
                                        4_294_967_295L,
                                        4_294_967_295L,
                                        -1,
                                        -1,
                                        null,
                                        false)
                                .length())
                .isEqualTo(-1);
    }

    @Test
    void unknownTypesAreOther() {
        assertThat(plain("geometry", "geometry")).isEqualTo(ColumnType.of(Kind.OTHER, "geometry"));
        assertThat(plain("point", "point").kind()).isEqualTo(Kind.OTHER);
        assertThat(plain("uuid", "uuid").kind()).isEqualTo(Kind.UUID);
        assertThat(plain("inet6", "inet6").kind()).isEqualTo(Kind.INET);
    }
}
