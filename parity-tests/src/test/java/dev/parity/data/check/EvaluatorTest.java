package dev.parity.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.data.check.Evaluator.Truth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SQL's three-valued logic, conversions and functions, as a CHECK sees them. */
class EvaluatorTest {

    private static final Evaluator EVALUATOR =
            new Evaluator(Instant.parse("2026-12-03T12:00:00Z"), ZoneId.of("Europe/Berlin"));
    private static final CheckParser PARSER =
            new CheckParser(written -> Optional.of(written.replace("\"", "")));

    private static Truth test(String condition, Object... columnsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return EVALUATOR.test(
                PARSER.parse(condition),
                column -> row.containsKey(column) ? row.get(column) : Evaluator.UNDECIDED);
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aCheckPassesOnUnknown() {
        assertThat(test("qty > 0", "qty", null)).isEqualTo(Truth.UNKNOWN);
        assertThat(Truth.UNKNOWN.passes()).isTrue();
        assertThat(test("qty > 0", "qty", n("0"))).isEqualTo(Truth.FALSE);
        assertThat(test("qty > 0 AND qty < 10", "qty", null)).isEqualTo(Truth.UNKNOWN);
        assertThat(test("qty IS NULL OR qty > 0", "qty", null)).isEqualTo(Truth.TRUE);
    }

    @Test
    void andAndOrDecideAroundWhatIsUndecided() {
        assertThat(test("f(x) AND qty > 0", "qty", n("-1"))).isEqualTo(Truth.FALSE);
        assertThat(test("f(x) OR qty > 0", "qty", n("1"))).isEqualTo(Truth.TRUE);
        assertThat(test("f(x) OR qty > 0", "qty", n("-1"))).isEqualTo(Truth.UNDECIDED);
        assertThat(test("qty > 0", "other", n("1")))
                .isEqualTo(Truth.UNDECIDED); // a column whose value is not known
    }

    @Test
    void listsWithNullsAndNegations() {
        assertThat(test("kind IN ('a', 'b')", "kind", "b")).isEqualTo(Truth.TRUE);
        assertThat(test("kind NOT IN ('a', 'b')", "kind", "b")).isEqualTo(Truth.FALSE);
        assertThat(test("kind IN ('a', NULL)", "kind", "b")).isEqualTo(Truth.UNKNOWN);
        assertThat(test("kind NOT IN ('a', NULL)", "kind", "b")).isEqualTo(Truth.UNKNOWN);
        assertThat(test("qty NOT BETWEEN 1 AND 5", "qty", n("3"))).isEqualTo(Truth.FALSE);
        assertThat(test("qty NOT BETWEEN 1 AND 5", "qty", n("6"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void implicitConversionsAsTheEnginesMakeThem() {
        assertThat(test("d >= '2000-01-01'", "d", LocalDate.of(2000, 1, 1))).isEqualTo(Truth.TRUE);
        assertThat(test("ended <> 0", "ended", true))
                .isEqualTo(Truth.TRUE); // MariaDB's booleans are numbers
        assertThat(test("qty >= '-40'::integer", "qty", n("-40"))).isEqualTo(Truth.TRUE);
        assertThat(
                        test(
                                "(upper((kind)::text) = ANY (ARRAY['SC'::text, 'IN'::text]))",
                                "kind",
                                "in"))
                .isEqualTo(Truth.TRUE);
        assertThat(
                        test(
                                "((kind)::text = ANY ((ARRAY['YES'::character varying, 'NO'::character varying])::text[]))",
                                "kind",
                                "MAYBE"))
                .isEqualTo(Truth.FALSE);
        assertThat(test("price > 0.00", "price", n("0.001"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void timeAgainstTheClock() {
        assertThat(
                        test(
                                "born <= (now() - '18 years'::interval)",
                                "born",
                                LocalDate.of(2008, 12, 3)))
                .isEqualTo(Truth.TRUE);
        assertThat(
                        test(
                                "born <= (now() - '18 years'::interval)",
                                "born",
                                LocalDate.of(2008, 12, 4)))
                .isEqualTo(Truth.FALSE);
        assertThat(test("hired <= (now() + '1 day'::interval)", "hired", LocalDate.of(2026, 12, 4)))
                .isEqualTo(Truth.TRUE);
        assertThat(
                        test(
                                "ends_at > starts_at",
                                "ends_at",
                                LocalDateTime.parse("2024-01-01T10:00:01"),
                                "starts_at",
                                LocalDateTime.parse("2024-01-01T10:00:00")))
                .isEqualTo(Truth.TRUE);
        // a zoned instant against a wall time, in the session's zone (Berlin: UTC+1 in January)
        assertThat(
                        test(
                                "a >= b",
                                "a",
                                Instant.parse("2024-01-01T09:00:00Z"),
                                "b",
                                LocalDateTime.parse("2024-01-01T10:00:00")))
                .isEqualTo(Truth.TRUE);
        assertThat(test("EXTRACT(year FROM d) >= 2000", "d", LocalDate.of(1999, 12, 31)))
                .isEqualTo(Truth.FALSE);
        assertThat(test("d > current_date", "d", LocalDate.of(2026, 12, 4))).isEqualTo(Truth.TRUE);
    }

    @Test
    void nullCountsAndBooleanEqualities() {
        assertThat(test("num_nonnulls(a, b, c) = 1", "a", null, "b", n("5"), "c", null))
                .isEqualTo(Truth.TRUE);
        assertThat(test("num_nonnulls(a, b, c) = 1", "a", n("1"), "b", n("5"), "c", null))
                .isEqualTo(Truth.FALSE);
        assertThat(test("(a IS NULL) = (b IS NULL)", "a", null, "b", null)).isEqualTo(Truth.TRUE);
        assertThat(test("(a IS NULL) = (b IS NULL)", "a", n("1"), "b", null))
                .isEqualTo(Truth.FALSE);
        assertThat(test("a IS NOT DISTINCT FROM b", "a", null, "b", null)).isEqualTo(Truth.TRUE);
        assertThat(test("a IS TRUE", "a", null)).isEqualTo(Truth.FALSE);
    }

    @Test
    void textFunctionsAndPatterns() {
        assertThat(test("char_length(TRIM(BOTH FROM s)) > 0", "s", "   ")).isEqualTo(Truth.FALSE);
        assertThat(test("trim(s) = s", "s", "a ")).isEqualTo(Truth.FALSE);
        assertThat(test("char_length(s) = 2", "s", "é😀")).isEqualTo(Truth.TRUE);
        assertThat(test("octet_length(s) = 6", "s", "é😀")).isEqualTo(Truth.TRUE);
        assertThat(test("s LIKE 'https://%'", "s", "https://x")).isEqualTo(Truth.TRUE);
        assertThat(test("s LIKE 'a\\_b'", "s", "axb")).isEqualTo(Truth.FALSE);
        assertThat(test("s ILIKE 'A%'", "s", "abc")).isEqualTo(Truth.TRUE);
        assertThat(test("s ~ '^[a-z0-9][a-z0-9:-]{0,48}[a-z0-9]$'", "s", "ab-1"))
                .isEqualTo(Truth.TRUE);
        assertThat(test("s ~ '^[[:digit:]]+$'", "s", "12a")).isEqualTo(Truth.FALSE);
        assertThat(test("s !~* '^A'", "s", "abc")).isEqualTo(Truth.FALSE);
        assertThat(test("json_valid(s)", "s", "{\"a\": [1, 2]}")).isEqualTo(Truth.TRUE);
        assertThat(test("json_valid(s)", "s", "{a: 1}")).isEqualTo(Truth.FALSE);
        assertThat(test("coalesce(s, 'x') = 'x'", "s", null)).isEqualTo(Truth.TRUE);
    }

    @Test
    void caseAndArithmetic() {
        assertThat(
                        test(
                                "CASE WHEN kind = 'a' THEN qty > 0 ELSE qty < 0 END",
                                "kind",
                                "b",
                                "qty",
                                n("-1")))
                .isEqualTo(Truth.TRUE);
        assertThat(test("a + b <= c * 2", "a", n("1"), "b", n("2"), "c", n("1.5")))
                .isEqualTo(Truth.TRUE);
        assertThat(test("a - b >= 0", "a", LocalDate.of(2024, 1, 2), "b", LocalDate.of(2024, 1, 1)))
                .isEqualTo(Truth.TRUE);
    }

    @Test
    void constantsAreFolded() {
        assertThat(
                        EVALUATOR.constant(
                                PARSER.parse("x <= (now() - '18 years'::interval)")
                                        .children()
                                        .get(1)))
                .contains(Instant.parse("2008-12-03T12:00:00Z"));
        assertThat(EVALUATOR.constant(PARSER.parse("x = '2020-01-01'::date").children().get(1)))
                .contains(LocalDate.of(2020, 1, 1));
        assertThat(EVALUATOR.constant(PARSER.parse("x = f(1)").children().get(1))).isEmpty();
    }
}
