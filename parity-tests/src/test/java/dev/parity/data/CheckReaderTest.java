package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.mariadb.MariaDbFixtures;
import dev.parity.engine.postgres.PostgresFixtures;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CHECK constraints read into column limits and conditions, from the form each engine's own print is rewritten
 * into: the whole way from what the server prints to what generators respect.
 */
class CheckReaderTest {

    private static final List<String> COLUMNS =
            List.of(
                    "balance",
                    "qty",
                    "price",
                    "status",
                    "level",
                    "code",
                    "name",
                    "left_on",
                    "hired_on",
                    "start_at",
                    "end_at",
                    "email",
                    "max_qty");

    private static TableInfo table(List<String> columns, TableInfo.Check... checks) {
        List<ColumnInfo> infos =
                columns.stream()
                        .map(c -> new ColumnInfo(c, type(c), true, null, false, false))
                        .toList();
        return new TableInfo(
                "s", "t", "\"s\".\"t\"", infos, List.of(), List.of(), List.of(), List.of(checks));
    }

    /** Numbers, dates and timestamps where the names say so, else text. */
    private static ColumnType type(String column) {
        String name = column.toLowerCase(java.util.Locale.ROOT);
        if (List.of("balance", "qty", "price", "level", "max_qty").contains(name)) {
            return ColumnType.decimal("numeric", -1, -1);
        }
        if (name.endsWith("_on")) {
            return ColumnType.of(ColumnType.Kind.DATE, "date");
        }
        return name.endsWith("_at")
                ? ColumnType.of(ColumnType.Kind.TIMESTAMP, "timestamp")
                : ColumnType.text("text", -1);
    }

    private static CheckReader.Result read(TableInfo.Check... checks) {
        return CheckReader.read(table(COLUMNS, checks));
    }

    private static TableInfo.Check pg(String definition) {
        return PostgresFixtures.check("c", definition);
    }

    private static TableInfo.Check maria(String clause) {
        return MariaDbFixtures.check("c", clause);
    }

    private static TableInfo.Check neutral(String neutral) {
        return new TableInfo.Check("c", "CHECK (" + neutral + ")", neutral, neutral);
    }

    private static ColumnLimits range(
            String min, boolean minExclusive, String max, boolean maxExclusive) {
        return new ColumnLimits(
                min == null ? null : new BigDecimal(min),
                minExclusive,
                max == null ? null : new BigDecimal(max),
                maxExclusive,
                null,
                0,
                -1);
    }

    private static ColumnLimits allowed(String... values) {
        return ColumnLimits.NONE.withAllowed(List.of(values));
    }

    private static ColumnLimits lengths(int min, int max) {
        return new ColumnLimits(null, false, null, false, null, min, max);
    }

    @Test
    void rangesFromBothEngines() {
        assertThat(
                        read(pg(
                                        "CHECK (((balance >= ('-5000'::integer)::numeric) AND (balance <= (1000000)::numeric)))"))
                                .of("balance"))
                .isEqualTo(range("-5000", false, "1000000", false));
        assertThat(read(pg("CHECK ((amount >= '-0.5'::numeric))")).limits())
                .isEmpty(); // no such column
        assertThat(read(pg("CHECK ((qty >= '-5'::integer))")).of("qty"))
                .isEqualTo(range("-5", false, null, false));
        assertThat(read(maria("`qty` between 1 and 50")).of("qty"))
                .isEqualTo(range("1", false, "50", false));
        assertThat(read(maria("`balance` >= -10.5 and `balance` <= 1e6")).of("balance"))
                .isEqualTo(range("-10.5", false, "1e6", false));
    }

    @Test
    void exclusiveBounds() {
        assertThat(
                        read(pg("CHECK ((price > (0)::numeric))"), pg("CHECK ((price < 100.5))"))
                                .of("price"))
                .isEqualTo(range("0", true, "100.5", true));
        assertThat(read(maria("`price` > 0")).of("price")).isEqualTo(range("0", true, null, false));
    }

    @Test
    void aNumberOnTheLeftIsFlipped() {
        assertThat(read(maria("0 < `qty` and 100 >= `qty`")).of("qty"))
                .isEqualTo(range("0", true, "100", false));
    }

    @Test
    void theTightestBoundsWin() {
        assertThat(
                        read(
                                        maria("`qty` >= 1 and `qty` <= 10"),
                                        maria("`qty` > 5"),
                                        maria("`qty` < 10"),
                                        maria("`qty` >= 2"))
                                .of("qty"))
                .isEqualTo(range("5", true, "10", true));
    }

    @Test
    void inListsWithQuotes() {
        ColumnLimits expected = allowed("new", "it's");
        assertThat(
                        read(pg(
                                        "CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character varying])::text[])))"))
                                .of("status"))
                .isEqualTo(expected);
        assertThat(read(maria("`status` in ('new','it\\'s')")).of("status")).isEqualTo(expected);
        assertThat(read(maria("`status` in ('new','it''s')")).of("status")).isEqualTo(expected);
        assertThat(read(maria("`status` in ('a, b','(c)','')")).of("status"))
                .isEqualTo(allowed("a, b", "(c)", ""));
    }

    @Test
    void numberListsAndEqualities() {
        assertThat(read(maria("`level` in (1,2,3)")).of("level")).isEqualTo(allowed("1", "2", "3"));
        assertThat(read(pg("CHECK ((level = ANY (ARRAY[1, 2, 3])))")).of("level"))
                .isEqualTo(allowed("1", "2", "3"));
        assertThat(read(pg("CHECK ((level = 3))")).of("level")).isEqualTo(allowed("3"));
    }

    @Test
    void inListsNextToARange() {
        CheckReader.Result result =
                read(
                        pg(
                                "CHECK ((((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])) AND (qty > 0)))"));
        assertThat(result.of("status")).isEqualTo(allowed("a", "b"));
        assertThat(result.of("qty")).isEqualTo(range("0", true, null, false));
    }

    @Test
    void lengths() {
        assertThat(read(pg("CHECK ((char_length((code)::text) >= 3))")).of("code"))
                .isEqualTo(lengths(3, -1));
        assertThat(read(maria("char_length(`code`) >= 3")).of("code")).isEqualTo(lengths(3, -1));
        assertThat(read(maria("char_length(`code`) <= 10 and char_length(`code`) > 3")).of("code"))
                .isEqualTo(lengths(4, 10));
        assertThat(read(maria("character_length(`code`) < 10")).of("code"))
                .isEqualTo(lengths(0, 9));
        assertThat(read(pg("CHECK ((length((code)::text) = 2))")).of("code"))
                .isEqualTo(lengths(2, 2));
    }

    @Test
    void notEmpty() {
        assertThat(read(pg("CHECK ((name <> ''::text))")).of("name")).isEqualTo(lengths(1, -1));
        assertThat(read(maria("`name` <> ''")).of("name")).isEqualTo(lengths(1, -1));
    }

    @Test
    void checksThatAreNotLimitsGiveNoLimitsButAreRead() {
        TableInfo.Check postgres =
                pg("CHECK (((left_on IS NULL) OR (left_on > hired_on))) NOT VALID");
        TableInfo.Check mariadb = maria("`end_at` > `start_at` or `end_at` is null");
        CheckReader.Result result = read(postgres, mariadb);
        assertThat(result.limits()).isEmpty();
        assertThat(result.checks())
                .extracting(CheckReader.Parsed::columns)
                .containsExactly(Set.of("left_on", "hired_on"), Set.of("end_at", "start_at"));
        assertThat(result.checks())
                .extracting(p -> p.branches().orElseThrow().size())
                .containsExactly(2, 2);
        // the server can evaluate the condition as printed
        assertThat(postgres.condition()).isEqualTo("(((left_on IS NULL) OR (left_on > hired_on)))");
    }

    @Test
    void isNotNullMakesTheColumnNotNull() {
        CheckReader.Result result =
                read(
                        maria("`email` is not null"),
                        pg("CHECK (((code IS NOT NULL) AND (char_length((code)::text) <= 5)))"));
        assertThat(result.notNull()).containsExactly("email", "code");
        assertThat(result.of("code")).isEqualTo(lengths(0, 5));
    }

    @Test
    void aCheckReadOnlyInPartAddsNoLimits() {
        // qty > 0 alone would be limits, but the check as a whole is not
        CheckReader.Result result =
                read(
                        pg("CHECK ((qty < 1000))"),
                        pg("CHECK (((qty > 0) AND (qty <= (max_qty * 2))))"));
        assertThat(result.of("qty")).isEqualTo(range(null, false, "1000", true));
        assertThat(result.checks().get(1).columns()).containsExactly("qty", "max_qty");
    }

    @Test
    void inListsWithOtherThanPlainValuesAreNoLimits() {
        assertThat(read(maria("`level` in (1,`qty`)")).limits()).isEmpty();
    }

    @Test
    void quotedNamesMatchExactlyAndBareNamesIgnoringCase() {
        List<String> columns = List.of("Qty", "note");
        assertThat(CheckReader.read(table(columns, neutral("\"Qty\" >= 1"))).of("Qty"))
                .isEqualTo(range("1", false, null, false));
        assertThat(CheckReader.read(table(columns, neutral("QTY >= 1"))).of("Qty"))
                .isEqualTo(range("1", false, null, false));
        assertThat(CheckReader.read(table(columns, neutral("char_length(NOTE) <= 5"))).of("note"))
                .isEqualTo(lengths(0, 5));
        // "qty" quoted is another column than Qty: none of this table's
        CheckReader.Result other = CheckReader.read(table(columns, neutral("\"qty\" >= 1")));
        assertThat(other.limits()).isEmpty();
        assertThat(other.checks().get(0).columns()).isEmpty();
    }

    @Test
    void mentionedColumnsAreQuotedOrBareButNotInStrings() {
        List<String> columns = List.of("Qty", "note");
        TableInfo.Check check =
                neutral("\"Qty\" > 0 OR lower(NOTE) = 'Qty note' OR \"NOTE\" IS NULL");
        assertThat(CheckReader.read(table(columns, check)).checks().get(0).columns())
                .containsExactly("Qty", "note");
    }

    @Test
    void whatTheEvaluatorsWordIsFinalOn() {
        CheckReader.Result result =
                read(
                        pg("CHECK ((qty > 0))"),
                        pg("CHECK ((code ~ '^[A-Z]+$'::text))"),
                        pg("CHECK (controlled_for_whitespace(name))"),
                        pg("CHECK ((name > 'M'::text))"));
        assertThat(result.checks())
                .extracting(CheckReader.Parsed::exact)
                .containsExactly(true, false, false, false);
    }
}
