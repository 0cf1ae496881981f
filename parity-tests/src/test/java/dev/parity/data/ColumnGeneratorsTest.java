package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.ValueSyntax;
import dev.parity.engine.mariadb.MariaDbEngine;
import dev.parity.engine.mariadb.MariaDbFixtures;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.engine.postgres.PostgresFixtures;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated values, thousands per column and every extreme, stay within what each engine's type stores:
 * integer and decimal ranges, text lengths and character sets, MariaDB's TIMESTAMP range and DST gaps,
 * bits, years, labels; unique values are distinct.
 */
class ColumnGeneratorsTest {

    private static final int ROWS = 2000;
    private static final ValueSyntax POSTGRES = new PostgresEngine().values();
    private static final ValueSyntax MARIADB = new MariaDbEngine().values();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ExecutorService executor;
    // one set of pools for the class, as a load shares one per seed: building them is the slow part
    private static FakerPools pools;

    @BeforeAll
    static void start() {
        executor = Executors.newSingleThreadExecutor(); // one Faker to make, not one per thread
        pools = new FakerPools(42);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    /** A column of one engine's type; its name chooses the usual values. */
    record Case(String engine, ValueSyntax syntax, String column, ColumnType type) {

        @Override
        public String toString() {
            return engine + " " + column + " " + type.sqlType();
        }
    }

    private static Case pg(String column, ColumnType type) {
        return new Case("postgres", POSTGRES, column, type);
    }

    private static Case maria(String column, ColumnType type) {
        return new Case("mariadb", MARIADB, column, type);
    }

    private static ColumnType pgType(String typname, String sqlType) {
        return PostgresFixtures.type(typname, sqlType);
    }

    private static ColumnType pgType(String typname, int typmod, String sqlType) {
        return PostgresFixtures.type(typname, typmod, null, sqlType, List.of());
    }

    private static ColumnType mariaType(String dataType, String columnType) {
        return MariaDbFixtures.type(dataType, columnType);
    }

    private static ColumnType mariaText(
            String dataType, String columnType, long maxChars, String charset) {
        long bytes = charset.equals("utf8mb4") ? maxChars * 4 : maxChars;
        return MariaDbFixtures.type(dataType, columnType, maxChars, bytes, -1, -1, charset, false);
    }

    private static ColumnType mariaDecimal(String columnType, int precision, int scale) {
        return MariaDbFixtures.type("decimal", columnType, -1, -1, precision, scale, null, false);
    }

    private static ColumnInfo column(String name, ColumnType type) {
        return new ColumnInfo(name, type, true, null, false, false);
    }

    /** Generators over the class's pools, filled once the generators asked for theirs, as {@link DatasetLoader} does. */
    private static final class Generators {

        private final ColumnGenerators generators;

        Generators(ValueSyntax syntax, ZoneId sessionZone) {
            generators = new ColumnGenerators(pools, syntax, sessionZone);
        }

        <T> T ready(T made) {
            pools.fill(executor);
            return made;
        }
    }

    /** The extremes and {@code rows} generated values of a column. */
    private static List<String> values(
            ValueSyntax syntax,
            ZoneId zone,
            String name,
            ColumnType type,
            ColumnLimits limits,
            int rows) {
        Generators g = new Generators(syntax, zone);
        ColumnValues values = g.ready(g.generators.forColumn(column(name, type), limits));
        assertThat(values).as("values for %s", type).isNotNull();
        List<String> all = new ArrayList<>(values.extremes());
        CellRandom random = new CellRandom();
        for (long row = 0; row < rows; row++) {
            all.add(values.generator().next(row, random.seed(CellRandom.mix(7, row))));
        }
        assertThat(all).as("values for %s", type).doesNotContainNull();
        return all;
    }

    private static List<String> values(Case c) {
        return values(c.syntax(), BERLIN, c.column(), c.type(), ColumnLimits.NONE, ROWS);
    }

    /** {@code rows} unique values of a column, starting past {@code offset} rows. */
    private static List<String> unique(
            ValueSyntax syntax, ZoneId zone, String name, ColumnType type, long offset, int rows) {
        Generators g = new Generators(syntax, zone);
        ValueGenerator unique =
                g.ready(g.generators.unique(column(name, type), ColumnLimits.NONE, offset, null));
        assertThat(unique).as("unique values for %s", type).isNotNull();
        List<String> all = new ArrayList<>();
        CellRandom random = new CellRandom();
        for (long row = 0; row < rows; row++) {
            all.add(unique.next(row, random.seed(CellRandom.mix(7, row))));
        }
        return all;
    }

    /** "yyyy-mm-dd hh:mm:ss[.ffffff]", read by hand: a formatter is slow for this many values. */
    private static LocalDateTime wallTime(String value) {
        LocalDateTime at =
                LocalDateTime.of(
                        Integer.parseInt(value.substring(0, 4)),
                        Integer.parseInt(value.substring(5, 7)),
                        Integer.parseInt(value.substring(8, 10)),
                        Integer.parseInt(value.substring(11, 13)),
                        Integer.parseInt(value.substring(14, 16)),
                        Integer.parseInt(value.substring(17, 19)));
        return value.length() == 19
                ? at
                : at.withNano(
                        Integer.parseInt((value.substring(20) + "00000").substring(0, 6)) * 1000);
    }

    /** Every value matches {@code regex}, compiled once. */
    private static void assertAllMatch(List<String> values, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertThat(values).allMatch(v -> pattern.matcher(v).matches(), "matching " + regex);
    }

    static Stream<Case> integers() {
        return Stream.of(
                pg("age", pgType("int2", "smallint")),
                pg("amount", pgType("int2", "smallint")),
                pg("id", pgType("int4", "integer")),
                pg("stock_count", pgType("int8", "bigint")),
                pg("misc", pgType("int4", "integer")),
                maria("year", mariaType("tinyint", "tinyint(4)")),
                maria("qty", mariaType("tinyint", "tinyint(3) unsigned")),
                maria("customer_id", mariaType("tinyint", "tinyint(3) unsigned")),
                maria("misc", mariaType("smallint", "smallint(5) unsigned")),
                maria("misc", mariaType("mediumint", "mediumint(9)")),
                maria("customer_id", mariaType("int", "int(10) unsigned")),
                maria("id", mariaType("bigint", "bigint(20) unsigned")),
                maria("balance", mariaType("bigint", "bigint(20)")));
    }

    @ParameterizedTest
    @MethodSource("integers")
    void integersStayWithinTheirType(Case c) {
        BigInteger min = BigInteger.valueOf(c.type().min());
        BigInteger max = BigInteger.valueOf(c.type().max());
        assertThat(values(c))
                .allMatch(
                        v ->
                                new BigInteger(v).compareTo(min) >= 0
                                        && new BigInteger(v).compareTo(max) <= 0,
                        "within " + min + ".." + max);
    }

    @Test
    void integerExtremesAreTheLimitsZeroAndOne() {
        Generators g = new Generators(MARIADB, BERLIN);
        assertThat(
                        g.generators
                                .forColumn(
                                        column("qty", mariaType("tinyint", "tinyint(3) unsigned")),
                                        ColumnLimits.NONE)
                                .extremes())
                .containsExactly("0", "255", "1");
        assertThat(
                        g.generators
                                .forColumn(
                                        column("qty", mariaType("tinyint", "tinyint(4)")),
                                        ColumnLimits.NONE)
                                .extremes())
                .containsExactly("-128", "127", "0", "1", "-1");
    }

    static Stream<Case> decimals() {
        return Stream.of(
                pg(
                        "price",
                        PostgresFixtures.type(
                                "numeric", (5 << 16 | 2) + 4, null, "numeric(5,2)", List.of())),
                pg(
                        "balance",
                        PostgresFixtures.type(
                                "numeric", (12 << 16 | 2) + 4, null, "numeric(12,2)", List.of())),
                pg(
                        "tax_rate",
                        PostgresFixtures.type(
                                "numeric", (3 << 16 | 3) + 4, null, "numeric(3,3)", List.of())),
                pg(
                        "total",
                        PostgresFixtures.type(
                                "numeric", (10 << 16) + 4, null, "numeric(10,0)", List.of())),
                pg(
                        "amount",
                        PostgresFixtures.type(
                                "numeric", (30 << 16 | 6) + 4, null, "numeric(30,6)", List.of())),
                pg("price", pgType("money", "money")),
                maria("balance", mariaDecimal("decimal(10,2) unsigned", 10, 2)),
                maria("ratio", mariaDecimal("decimal(4,4)", 4, 4)),
                maria("total", mariaDecimal("decimal(18,0)", 18, 0)),
                maria("amount", mariaDecimal("decimal(20,18)", 20, 18)),
                // finer than a long's 18 digits
                pg(
                        "rate",
                        PostgresFixtures.type(
                                "numeric", (38 << 16 | 20) + 4, null, "numeric(38,20)", List.of())),
                maria("balance", mariaDecimal("decimal(65,30)", 65, 30)));
    }

    @ParameterizedTest
    @MethodSource("decimals")
    void decimalsKeepTheirPrecisionAndScale(Case c) {
        boolean money = c.type().kind() == Kind.MONEY;
        int precision = money ? 15 : c.type().precision();
        int scale = money ? 2 : c.type().scale();
        BigDecimal bound = BigDecimal.TEN.pow(precision - scale);
        boolean unsigned = c.type().min() >= 0;
        assertThat(values(c))
                .allMatch(
                        v -> {
                            BigDecimal number = new BigDecimal(v);
                            return number.scale() <= scale
                                    && number.abs().compareTo(bound) < 0
                                    && (!unsigned || number.signum() >= 0);
                        },
                        "at most "
                                + (precision - scale)
                                + " digits before the point, "
                                + scale
                                + " after"
                                + (unsigned ? ", not negative" : ""));
    }

    @Test
    void unconstrainedNumericsHaveHugeAndTinyExtremes() {
        List<String> values =
                values(
                        POSTGRES,
                        BERLIN,
                        "amount",
                        pgType("numeric", "numeric"),
                        ColumnLimits.NONE,
                        ROWS);
        assertThat(values)
                .contains(
                        "123456789012345678901234567890.123456789012345",
                        "0.000000000000000000000000000001");
        values.forEach(BigDecimal::new);
    }

    static Stream<Case> floats() {
        return Stream.of(
                pg("weight", pgType("float4", "real")),
                pg("score", pgType("float8", "double precision")),
                maria("weight", mariaType("float", "float unsigned")),
                maria("score", mariaType("double", "double")));
    }

    @ParameterizedTest
    @MethodSource("floats")
    void floatsAreFiniteAndUnsignedOnesNotNegative(Case c) {
        double largest = c.type().kind() == Kind.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
        boolean unsigned = c.type().min() >= 0;
        assertThat(values(c))
                .allMatch(
                        v ->
                                Math.abs(Double.parseDouble(v)) <= largest
                                        && !(unsigned && v.startsWith("-")),
                        "finite" + (unsigned ? ", not negative" : ""));
    }

    @Test
    void floatsStayWithinAnUpperBoundBelowZero() {
        ColumnLimits below = ColumnLimits.NONE.withMax(new BigDecimal("-10"), false);
        assertThat(
                        values(
                                POSTGRES,
                                BERLIN,
                                "temperature",
                                pgType("float8", "double precision"),
                                below,
                                ROWS))
                .allMatch(v -> Double.parseDouble(v) <= -10, "at most -10");
    }

    @Test
    void booleansAreEachEnginesSpelling() {
        assertThat(
                        new HashSet<>(
                                values(
                                        POSTGRES,
                                        BERLIN,
                                        "active",
                                        pgType("bool", "boolean"),
                                        ColumnLimits.NONE,
                                        ROWS)))
                .containsExactlyInAnyOrder("t", "f");
        assertThat(
                        new HashSet<>(
                                values(
                                        MARIADB,
                                        BERLIN,
                                        "active",
                                        mariaType("tinyint", "tinyint(1)"),
                                        ColumnLimits.NONE,
                                        ROWS)))
                .containsExactlyInAnyOrder("1", "0");
    }

    static Stream<Case> texts() {
        return Stream.of(
                pg("email", pgType("varchar", 14, "character varying(10)")),
                        pg("country", pgType("bpchar", 6, "character(2)")),
                pg("currency", pgType("bpchar", 7, "character(3)")),
                        pg("description", pgType("varchar", 9, "character varying(5)")),
                pg("notes", pgType("text", "text")),
                        pg("name", pgType("varchar", 5, "character varying(1)")),
                pg("username", pgType("varchar", 16, "character varying(12)")),
                        pg("firstName", pgType("varchar", 8, "character varying(4)")),
                maria("city", mariaText("varchar", "varchar(20)", 20, "utf8mb4")),
                        maria("country", mariaText("char", "char(2)", 2, "ascii")),
                maria("bio", mariaText("tinytext", "tinytext", 255, "utf8mb4")),
                        maria("comment", mariaText("text", "text", 65_535, "latin1")),
                maria("email", mariaText("varchar", "varchar(8)", 8, "latin1")),
                        maria("login", mariaText("varchar", "varchar(6)", 6, "ascii")),
                maria("full_name", mariaText("varchar", "varchar(40)", 40, "ascii")),
                        maria("title", mariaText("varchar", "varchar(30)", 30, "utf8mb3")),
                maria("street", mariaText("varchar", "varchar(30)", 30, "ascii")),
                        maria("company", mariaText("varchar", "varchar(50)", 50, "ascii")));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void textsFitTheirLengthAndCharacterSet(Case c) {
        List<String> values = values(c);
        int length = c.type().length();
        assertThat(values)
                .allMatch(
                        v -> length < 0 || Formats.length(v) <= length,
                        "at most " + length + " characters")
                .allMatch(
                        v -> Nastiness.fits(v, c.type().repertoire()),
                        "in " + c.type().repertoire());
        // the longest extreme is as long as the column allows
        int longest =
                c.type().length() >= 0
                        ? Math.min(c.type().length(), TextValues.LONGEST)
                        : TextValues.LONGEST;
        assertThat(values.stream().mapToInt(Formats::length).max().orElseThrow())
                .isEqualTo(longest);
    }

    @Test
    void datesStayWithinTheirType() {
        LocalDate first = LocalDate.of(1000, 1, 1);
        LocalDate last = LocalDate.of(9999, 12, 31);
        assertThat(
                        values(
                                MARIADB,
                                BERLIN,
                                "due_date",
                                mariaType("date", "date"),
                                ColumnLimits.NONE,
                                ROWS))
                .allMatch(
                        v ->
                                !LocalDate.parse(v).isBefore(first)
                                        && !LocalDate.parse(v).isAfter(last),
                        "within " + first + ".." + last);
        List<String> postgres =
                values(
                        POSTGRES,
                        BERLIN,
                        "due_date",
                        pgType("date", "date"),
                        ColumnLimits.NONE,
                        ROWS);
        postgres.forEach(LocalDate::parse);
        assertThat(postgres).contains("0001-01-01", "2024-02-29");
    }

    @Test
    void datesOfBirthAreFrom1930To2008() {
        Generators g = new Generators(POSTGRES, BERLIN);
        ColumnValues values =
                g.generators.forColumn(
                        column("birth_date", pgType("date", "date")), ColumnLimits.NONE);
        CellRandom random = new CellRandom();
        for (long row = 0; row < ROWS; row++) {
            assertThat(LocalDate.parse(values.generator().next(row, random.seed(row))))
                    .isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2008, 12, 31));
        }
    }

    @Test
    void timestampsStayWithinTheirType() {
        LocalDateTime first = LocalDateTime.of(1000, 1, 1, 0, 0);
        LocalDateTime last = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
        assertThat(
                        values(
                                MARIADB,
                                BERLIN,
                                "shipped",
                                mariaType("datetime", "datetime(6)"),
                                ColumnLimits.NONE,
                                ROWS))
                .allMatch(
                        v -> !wallTime(v).isBefore(first) && !wallTime(v).isAfter(last),
                        "within " + first + ".." + last);
        values(
                        POSTGRES,
                        BERLIN,
                        "shipped",
                        pgType("timestamp", "timestamp without time zone"),
                        ColumnLimits.NONE,
                        ROWS)
                .forEach(value -> wallTime(value));
    }

    @Test
    void zonedTimestampsOfPostgresCarryAZone() {
        assertAllMatch(
                values(
                        POSTGRES,
                        BERLIN,
                        "created_at",
                        pgType("timestamptz", "timestamp with time zone"),
                        ColumnLimits.NONE,
                        ROWS),
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?([+-]\\d\\d(:\\d\\d)?| [A-Z][A-Za-z_]+/[A-Za-z_]+)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Europe/Berlin",
                "Australia/Lord_Howe"
            }) // gaps of an hour and of half an hour
    void mariaDbTimestampsAreWallTimesOfTheSessionZoneWithinRangeAndNeverInADstGap(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant first = Instant.parse("1970-01-01T00:00:01Z");
        Instant last = Instant.parse("2038-01-19T03:14:07Z");
        // many rows over three decades: wall times drawn at random would fall into a gap (an hour a
        // year: ~4.6 expected)
        assertThat(
                        values(
                                MARIADB,
                                zone,
                                "shipped",
                                mariaType("timestamp", "timestamp(6)"),
                                ColumnLimits.NONE,
                                40_000))
                .allMatch(
                        v -> {
                            LocalDateTime wallTime = wallTime(v);
                            Instant instant = wallTime.atZone(zone).toInstant();
                            return !zone.getRules().getValidOffsets(wallTime).isEmpty()
                                    && !instant.isBefore(first)
                                    && !instant.isAfter(last);
                        },
                        "a wall time " + zone + " has, within " + first + ".." + last);
    }

    @Test
    void mariaDbTimestampExtremesAreTheDstChangesOfTheSessionZone() {
        Generators g = new Generators(MARIADB, ZoneId.of("America/New_York"));
        List<String> extremes =
                g.generators
                        .forColumn(
                                column("at", mariaType("timestamp", "timestamp")),
                                ColumnLimits.NONE)
                        .extremes();
        // the instant the clocks jump, and both passes through the hour that happens twice
        assertThat(extremes)
                .contains("2024-03-10 03:00:00", "2024-11-03 01:30:00")
                .doesNotContain("2024-03-10 02:30:00");
        assertThat(extremes.stream().filter(e -> e.equals("2024-11-03 01:30:00"))).hasSize(2);
    }

    @Test
    void timesAndIntervalsHaveTheirShape() {
        assertAllMatch(
                values(
                        POSTGRES,
                        BERLIN,
                        "opens",
                        pgType("timetz", "time with time zone"),
                        ColumnLimits.NONE,
                        ROWS),
                "([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?\\+00|24:00:00\\+00");
        assertAllMatch(
                values(
                        MARIADB,
                        BERLIN,
                        "opens",
                        mariaType("time", "time"),
                        ColumnLimits.NONE,
                        ROWS),
                "([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,6})?|24:00:00");
        assertAllMatch(
                values(
                        POSTGRES,
                        BERLIN,
                        "duration",
                        pgType("interval", "interval"),
                        ColumnLimits.NONE,
                        ROWS),
                "\\d{1,3} days \\d\\d:\\d\\d:\\d\\d|00:00:00|-?100 years|1 microsecond");
    }

    @Test
    void uuidsAreVersionFour() {
        for (Case c :
                List.of(pg("id", pgType("uuid", "uuid")), maria("id", mariaType("uuid", "uuid")))) {
            assertThat(values(c))
                    .allMatch(
                            v ->
                                    UUID.fromString(v).version() == 4
                                            && UUID.fromString(v).toString().equals(v),
                            "version 4, lower case");
        }
    }

    @Test
    void jsonValuesAreObjectsOrOddButValidJson() {
        for (Case c :
                List.of(
                        pg("doc", pgType("jsonb", "jsonb")),
                        maria(
                                "doc",
                                MariaDbFixtures.type(
                                        "longtext",
                                        "longtext",
                                        4_294_967_295L,
                                        4_294_967_295L,
                                        -1,
                                        -1,
                                        "utf8mb4",
                                        true)))) {
            List<String> values = values(c);
            assertThat(values).contains("{}", "[]", "null", "\"\"");
            assertAllMatch(
                    values.subList(values.size() - ROWS, values.size()),
                    "\\{\"id\": \\d+, \"tag\": \"[a-z]+\", \"active\": (true|false), \"score\": \\d\\.\\d}");
        }
    }

    @Test
    void bytesAreEachEnginesHexWithinTheirLength() {
        List<String> bytea =
                values(POSTGRES, BERLIN, "data", pgType("bytea", "bytea"), ColumnLimits.NONE, ROWS);
        assertAllMatch(bytea, "\\\\x(?:[0-9a-f][0-9a-f])*");
        assertThat(bytea).allMatch(v -> v.length() <= 2 + 2 * 1024);
        ColumnType varbinary =
                MariaDbFixtures.type("varbinary", "varbinary(4)", 4, 4, -1, -1, null, false);
        assertAllMatch(
                values(MARIADB, BERLIN, "data", varbinary, ColumnLimits.NONE, ROWS),
                "([0-9a-f]{2}){0,4}");
    }

    @Test
    void networkAddressesAndXmlHaveTheirShape() {
        String octet = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
        assertAllMatch(
                values(POSTGRES, BERLIN, "ip", pgType("inet", "inet"), ColumnLimits.NONE, ROWS),
                "(" + octet + "\\.){3}" + octet + "|::1|2001:db8::ff00:42:8329");
        assertAllMatch(
                values(POSTGRES, BERLIN, "net", pgType("cidr", "cidr"), ColumnLimits.NONE, ROWS),
                "10\\." + octet + "\\.0\\.0/16|0\\.0\\.0\\.0/0|::/0");
        assertAllMatch(
                values(
                        POSTGRES,
                        BERLIN,
                        "mac",
                        pgType("macaddr", "macaddr"),
                        ColumnLimits.NONE,
                        ROWS),
                "[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        assertAllMatch(
                values(POSTGRES, BERLIN, "doc", pgType("xml", "xml"), ColumnLimits.NONE, ROWS),
                "<note>[a-z]+</note>");
    }

    @Test
    void enumsTakeOnlyTheirLabels() {
        List<String> labels = List.of("new", "it's", "back\\slash", "x,y");
        ColumnType postgres = PostgresFixtures.type("mood", -1, null, "mood", labels);
        ColumnType mariadb = mariaType("enum", "enum('new','it''s','back\\\\slash','x,y')");
        assertThat(mariadb.labels()).isEqualTo(labels);
        assertThat(
                        new HashSet<>(
                                values(
                                        POSTGRES,
                                        BERLIN,
                                        "mood",
                                        postgres,
                                        ColumnLimits.NONE,
                                        ROWS)))
                .isEqualTo(Set.copyOf(labels));
        assertThat(new HashSet<>(values(MARIADB, BERLIN, "mood", mariadb, ColumnLimits.NONE, ROWS)))
                .isEqualTo(Set.copyOf(labels));
    }

    @Test
    void setsTakeEachLabelAtMostOnceInOrder() {
        ColumnType set = mariaType("set", "set('r','w','x')");
        List<String> values = values(MARIADB, BERLIN, "mode", set, ColumnLimits.NONE, ROWS);
        for (String value : values) {
            List<String> labels = value.isEmpty() ? List.of() : List.of(value.split(",", -1));
            // in label order, none twice: a subsequence of r, w, x
            assertThat(List.of("r", "w", "x").stream().filter(labels::contains).toList())
                    .as(value)
                    .isEqualTo(labels);
        }
        assertThat(values).contains("", "r,w,x", "w");
    }

    @Test
    void checkListsOverrideTheType() {
        ColumnLimits listed = ColumnLimits.NONE.withAllowed(List.of("1", "5"));
        assertThat(
                        new HashSet<>(
                                values(
                                        MARIADB,
                                        BERLIN,
                                        "level",
                                        mariaType("int", "int(11)"),
                                        listed,
                                        ROWS)))
                .containsExactlyInAnyOrder("1", "5");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 63, 64})
    void bitsStayWithinTheirLength(int length) {
        ColumnType bit =
                MariaDbFixtures.type("bit", "bit(" + length + ")", -1, -1, length, -1, null, false);
        BigInteger limit = BigInteger.TWO.pow(length);
        assertThat(values(MARIADB, BERLIN, "flags", bit, ColumnLimits.NONE, ROWS))
                .allMatch(
                        v ->
                                new BigInteger(v).signum() >= 0
                                        && new BigInteger(v).compareTo(limit) < 0,
                        "within 0.." + limit + " (exclusive)");
    }

    @Test
    void yearsStayWithin1901And2155() {
        assertThat(
                        values(
                                MARIADB,
                                BERLIN,
                                "built",
                                mariaType("year", "year(4)"),
                                ColumnLimits.NONE,
                                ROWS))
                .allMatch(
                        v -> Integer.parseInt(v) >= 1901 && Integer.parseInt(v) <= 2155,
                        "within 1901..2155");
    }

    @Test
    void arraysHoldElementsOfTheirType() {
        ColumnType integers = PostgresFixtures.type("_int4", -1, "int4", "integer[]", List.of());
        List<String> arrays = values(POSTGRES, BERLIN, "ids", integers, ColumnLimits.NONE, ROWS);
        assertThat(arrays).contains("{}", "{NULL}");
        arrays.forEach(
                a -> arrayItems(a).stream().filter(i -> i != null).forEach(Integer::parseInt));

        ColumnType codes =
                PostgresFixtures.type(
                        "_varchar", 7, "varchar", "character varying(3)[]", List.of());
        for (String array : values(POSTGRES, BERLIN, "tags", codes, ColumnLimits.NONE, ROWS)) {
            assertThat(arrayItems(array)).allMatch(i -> i == null || Formats.length(i) <= 3);
        }

        List<String> labels = List.of("happy", "it's \"so\"", "back\\slash");
        ColumnType moods = PostgresFixtures.type("_mood", -1, "mood", "mood[]", labels);
        Set<String> items = new HashSet<>();
        values(POSTGRES, BERLIN, "moods", moods, ColumnLimits.NONE, ROWS)
                .forEach(a -> items.addAll(arrayItems(a)));
        items.remove(null);
        assertThat(items).isEqualTo(Set.copyOf(labels));
    }

    /** The items of PostgreSQL's array text, {@code {a,"b \"c\""}}, NULL as null. */
    private static List<String> arrayItems(String array) {
        assertThat(array).startsWith("{").endsWith("}");
        String body = array.substring(1, array.length() - 1);
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) == '"') {
                StringBuilder item = new StringBuilder();
                i++;
                while (body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\') {
                        i++;
                    }
                    item.append(body.charAt(i++));
                }
                items.add(item.toString());
                i++;
            } else {
                int end = body.indexOf(',', i) < 0 ? body.length() : body.indexOf(',', i);
                String item = body.substring(i, end);
                items.add(item.equals("NULL") ? null : item);
                i = end;
            }
            if (i < body.length()) {
                assertThat(body.charAt(i)).isEqualTo(',');
                i++;
            }
        }
        return items;
    }

    @Test
    void otherTypesGetNoValues() {
        Generators postgres = new Generators(POSTGRES, BERLIN);
        assertThat(
                        postgres.generators.forColumn(
                                column("at", pgType("point", "point")), ColumnLimits.NONE))
                .isNull();
        Generators mariadb = new Generators(MARIADB, BERLIN);
        assertThat(
                        mariadb.generators.forColumn(
                                column("area", mariaType("geometry", "geometry")),
                                ColumnLimits.NONE))
                .isNull();
        // nor an array of what has none
        ColumnType points = PostgresFixtures.type("_point", -1, "point", "point[]", List.of());
        assertThat(postgres.generators.forColumn(column("at", points), ColumnLimits.NONE)).isNull();
        // nor a range or a row of what has none
        assertThat(
                        postgres.generators.forColumn(
                                column("at", ColumnType.range("r", points.element())),
                                ColumnLimits.NONE))
                .isNull();
        assertThat(
                        postgres.generators.forColumn(
                                column("at", ColumnType.composite("c", List.of(points.element()))),
                                ColumnLimits.NONE))
                .isNull();
    }

    @Test
    void everyKindButOtherGetsValues() {
        Generators g = new Generators(POSTGRES, BERLIN);
        for (Kind kind : Kind.values()) {
            ColumnType type =
                    kind == Kind.ARRAY
                            ? ColumnType.array("integer[]", ColumnType.integer("integer", 0, 10))
                            : kind == Kind.RANGE
                                    ? ColumnType.range(
                                            "int4range", ColumnType.integer("integer", 0, 10))
                                    : kind == Kind.COMPOSITE
                                            ? ColumnType.composite(
                                                    "address",
                                                    List.of(
                                                            ColumnType.text("text", -1),
                                                            ColumnType.of(Kind.DATE, "date")))
                                            : kind == Kind.ENUM || kind == Kind.SET
                                                    ? ColumnType.labelled(
                                                            kind, "labels", List.of("a"))
                                                    : ColumnType.of(kind, kind.name());
            ColumnValues values = g.generators.forColumn(column("c", type), ColumnLimits.NONE);
            assertThat(values)
                    .as(kind.name())
                    .matches(v -> kind == Kind.OTHER ? v == null : v != null);
        }
    }

    @Test
    void uniqueIntegersOfATinyintUnsignedKeyAreItsWholeRange() {
        ColumnType tinyint = mariaType("tinyint", "tinyint(3) unsigned");
        assertThat(ColumnGenerators.uniqueCapacity(column("id", tinyint), ColumnLimits.NONE))
                .isEqualTo(255);
        List<String> values = unique(MARIADB, BERLIN, "id", tinyint, 0, 255);
        assertThat(values).doesNotHaveDuplicates().first().isEqualTo("1");
        assertThat(values).last().isEqualTo("255");
        // rows already in the table push the values past them
        assertThat(unique(MARIADB, BERLIN, "id", tinyint, 5, 1)).containsExactly("6");
    }

    @Test
    void uniqueCapacityFollowsTheTypeAndTheLimits() {
        ColumnLimits tenToTwenty =
                ColumnLimits.NONE
                        .withMin(BigDecimal.TEN, false)
                        .withMax(new BigDecimal("20"), false);
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("id", pgType("int4", "integer")), tenToTwenty))
                .isEqualTo(11);
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("id", pgType("int2", "smallint")), ColumnLimits.NONE))
                .isEqualTo(32_767);
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("id", pgType("int8", "bigint")), ColumnLimits.NONE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("y", mariaType("year", "year(4)")), ColumnLimits.NONE))
                .isEqualTo(255);
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("at", mariaType("timestamp", "timestamp")),
                                ColumnLimits.NONE))
                .isEqualTo(
                        ChronoUnit.DAYS.between(
                                LocalDate.of(2000, 1, 1), LocalDate.of(2038, 1, 18)));
        assertThat(
                        ColumnGenerators.uniqueCapacity(
                                column("code", pgType("text", "text")), ColumnLimits.NONE))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void uniqueYearsAreYearsTheTypeHolds() {
        ColumnType year = mariaType("year", "year(4)");
        List<String> values = unique(MARIADB, BERLIN, "built", year, 0, 255);
        assertThat(values)
                .doesNotHaveDuplicates()
                .allMatch(v -> Integer.parseInt(v) >= 1901 && Integer.parseInt(v) <= 2155);
    }

    @Test
    void uniqueTextsAreDistinctWithinTheirLength() {
        for (Case c :
                List.of(
                        pg("email", pgType("varchar", 12, "character varying(8)")),
                        pg("email", pgType("text", "text")),
                        maria("username", mariaText("varchar", "varchar(30)", 30, "utf8mb4")),
                        maria("code", mariaText("char", "char(4)", 4, "ascii")))) {
            List<String> values = unique(c.syntax(), BERLIN, c.column(), c.type(), 100, 5000);
            assertThat(values).as(c.toString()).doesNotHaveDuplicates();
            if (c.type().length() >= 0) {
                assertThat(values)
                        .as(c.toString())
                        .allMatch(v -> Formats.length(v) <= c.type().length());
            }
            assertThat(values)
                    .as(c.toString())
                    .allMatch(v -> Nastiness.fits(v, c.type().repertoire()));
        }
    }

    @Test
    void uniqueUuidsDatesAndTimestampsAreDistinct() {
        List<Case> cases =
                List.of(
                        pg("id", pgType("uuid", "uuid")),
                        pg("day", pgType("date", "date")),
                        pg("at", pgType("timestamp", "timestamp without time zone")),
                        pg("at", pgType("timestamptz", "timestamp with time zone")),
                        maria("day", mariaType("date", "date")),
                        maria("at", mariaType("datetime", "datetime")));
        for (Case c : cases) {
            assertThat(unique(c.syntax(), BERLIN, c.column(), c.type(), 0, 5000))
                    .as(c.toString())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void uniqueMariaDbTimestampsAreDistinctValidWallTimes() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ColumnType timestamp = mariaType("timestamp", "timestamp");
        int capacity =
                (int) ColumnGenerators.uniqueCapacity(column("at", timestamp), ColumnLimits.NONE);
        List<String> values = unique(MARIADB, newYork, "at", timestamp, 0, capacity);
        assertThat(values).doesNotHaveDuplicates();
        LocalDateTime first = LocalDateTime.of(1970, 1, 2, 0, 0);
        LocalDateTime last = LocalDateTime.of(2038, 1, 18, 0, 0);
        assertThat(values)
                .allMatch(
                        v -> newYork.getRules().getValidOffsets(wallTime(v)).size() == 1,
                        "neither in a gap nor in an overlap")
                .allMatch(
                        v -> !wallTime(v).isBefore(first) && !wallTime(v).isAfter(last),
                        "within " + first + ".." + last);
    }

    @Test
    void kindsThatCannotBeUniqueGetNoUniqueValues() {
        Generators g = new Generators(POSTGRES, BERLIN);
        assertThat(
                        g.generators.unique(
                                column("flag", pgType("bool", "boolean")),
                                ColumnLimits.NONE,
                                0,
                                null))
                .isNull();
        assertThat(
                        g.generators.unique(
                                column("doc", pgType("jsonb", "jsonb")),
                                ColumnLimits.NONE,
                                0,
                                null))
                .isNull();
    }

    @Test
    void withSuffixKeepsTheSuffixWholeWithinTheLength() {
        assertThat(ColumnGenerators.withSuffix("john@example.org", "1z", -1))
                .isEqualTo("john+1z@example.org");
        assertThat(ColumnGenerators.withSuffix("john@example.org", "1z", 18))
                .isEqualTo("john@example.or-1z"); // no room for "+1z"
        assertThat(ColumnGenerators.withSuffix("abcdefgh", "12", 6)).isEqualTo("abc-12");
        assertThat(ColumnGenerators.withSuffix("abc", "12", -1)).isEqualTo("abc-12");
        assertThat(ColumnGenerators.withSuffix("abc", "12345", 5)).isEqualTo("12345");
        assertThat(ColumnGenerators.withSuffix("😀😀😀", "7", 3)).isEqualTo("😀-7");
    }
}
