package dev.parity.data.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.PinLocale;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CHECK conditions as the engines print them (PostgreSQL's {@code pg_get_constraintdef}, MariaDB's
 * {@code CHECK_CLAUSE} once its backticks and backslashes are standard SQL) read into trees.
 */
class CheckParserTest {

    private static final Set<String> COLUMNS =
            Set.of(
                    "qty",
                    "kind",
                    "ended",
                    "end_year",
                    "end_month",
                    "code",
                    "Mixed Case",
                    "starts_on",
                    "ends_on",
                    "a",
                    "b",
                    "c",
                    "d");

    private static final CheckParser PARSER =
            new CheckParser(
                    written -> {
                        String name =
                                written.startsWith("\"")
                                        ? written.substring(1, written.length() - 1)
                                                .replace("\"\"", "\"")
                                        : written;
                        return COLUMNS.contains(name) ? Optional.of(name) : Optional.empty();
                    });

    private static Expr column(String name) {
        return new Expr.Column(name);
    }

    private static Expr number(String n) {
        return new Expr.Literal(new BigDecimal(n));
    }

    private static Expr text(String s) {
        return new Expr.Literal(s);
    }

    @Test
    void postgresCastsAndAnyArraysBecomeListsOfCastValues() {
        Expr parsed =
                PARSER.parse(
                        "(((kind)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character varying])::text[])))");
        assertThat(parsed)
                .isEqualTo(
                        new Expr.In(
                                new Expr.Cast(column("kind"), "text"),
                                List.of(
                                        new Expr.Cast(text("new"), "character varying"),
                                        new Expr.Cast(text("it's"), "character varying")),
                                false));
    }

    @Test
    void notEqualToAllIsNotIn() {
        assertThat(PARSER.parse("(qty <> ALL (ARRAY[1, 2]))"))
                .isEqualTo(new Expr.In(column("qty"), List.of(number("1"), number("2")), true));
    }

    @Test
    void booleanCombinationsAreFlattened() {
        Expr parsed =
                PARSER.parse(
                        "((ended OR ((end_year IS NULL) AND (end_month IS NULL) AND (code IS NOT NULL))))");
        assertThat(parsed)
                .isEqualTo(
                        new Expr.Or(
                                List.of(
                                        column("ended"),
                                        new Expr.And(
                                                List.of(
                                                        new Expr.IsNull(column("end_year"), false),
                                                        new Expr.IsNull(column("end_month"), false),
                                                        new Expr.IsNull(column("code"), true))))));
    }

    @Test
    void mariaDbsSpellings() {
        assertThat(PARSER.parse("\"qty\" between 0 and 2"))
                .isEqualTo(new Expr.Between(column("qty"), number("0"), number("2"), false));
        assertThat(PARSER.parse("ucase(\"code\") in ('M','F')"))
                .isEqualTo(
                        new Expr.In(
                                new Expr.Call("ucase", List.of(column("code"))),
                                List.of(text("M"), text("F")),
                                false));
        assertThat(PARSER.parse("\"code\" regexp '^[0-9]+$'"))
                .isEqualTo(new Expr.Regex(column("code"), text("^[0-9]+$"), false, false));
        assertThat(PARSER.parse("\"code\" not rlike 'x'"))
                .isEqualTo(new Expr.Regex(column("code"), text("x"), false, true));
        assertThat(PARSER.parse("\"ended\" <> 0 or \"end_year\" is null"))
                .isEqualTo(
                        new Expr.Or(
                                List.of(
                                        new Expr.Compare(column("ended"), Expr.Op.NE, number("0")),
                                        new Expr.IsNull(column("end_year"), false))));
    }

    /**
     * Under a Turkish default locale (a class pinned to tr-TR), keywords with an i read as in any other: JSqlParser
     * upper-cases some in the default locale, where {@code like} became {@code LİKE} and the CHECK unreadable. Literals
     * and column names stay as written.
     */
    @Test
    @PinLocale("tr-TR")
    void aTurkishDefaultLocaleReadsTheSameTrees() {
        assertThat("like".toUpperCase()).as("the locale this test means").isEqualTo("LİKE");
        assertThat(PARSER.parse("(code like 'ab%')"))
                .isEqualTo(new Expr.Like(column("code"), text("ab%"), false, false));
        assertThat(PARSER.parse("(code not ilike 'i%')"))
                .isEqualTo(new Expr.Like(column("code"), text("i%"), true, true));
        assertThat(PARSER.parse("((code LIKE 'https://%'::text))"))
                .isEqualTo(
                        new Expr.Like(
                                column("code"),
                                new Expr.Cast(text("https://%"), "text"),
                                false,
                                false));
        assertThat(PARSER.parse("(qty between 0 and 2)"))
                .isEqualTo(new Expr.Between(column("qty"), number("0"), number("2"), false));
        assertThat(PARSER.parse("(\"Mixed Case\" like 'i')"))
                .isEqualTo(new Expr.Like(column("Mixed Case"), text("i"), false, false));
    }

    @Test
    void postgresPatternsAndRegularExpressions() {
        assertThat(PARSER.parse("((code LIKE 'https://%'::text))"))
                .isEqualTo(
                        new Expr.Like(
                                column("code"),
                                new Expr.Cast(text("https://%"), "text"),
                                false,
                                false));
        assertThat(PARSER.parse("((code ~* '^a'::text))"))
                .isEqualTo(
                        new Expr.Regex(
                                column("code"), new Expr.Cast(text("^a"), "text"), true, false));
        assertThat(PARSER.parse("((code !~ 'x'))"))
                .isEqualTo(new Expr.Regex(column("code"), text("x"), false, true));
        assertThat(PARSER.parse("(code NOT ILIKE 'a%')"))
                .isEqualTo(new Expr.Like(column("code"), text("a%"), true, true));
    }

    @Test
    void functionsTrimAndDateParts() {
        assertThat(PARSER.parse("((char_length(TRIM(BOTH FROM code)) > 0))"))
                .isEqualTo(
                        new Expr.Compare(
                                new Expr.Call(
                                        "char_length",
                                        List.of(new Expr.Call("btrim", List.of(column("code"))))),
                                Expr.Op.GT,
                                number("0")));
        assertThat(PARSER.parse("(EXTRACT(year FROM starts_on) >= 2000)"))
                .isEqualTo(
                        new Expr.Compare(
                                new Expr.Call(
                                        "date_part", List.of(text("year"), column("starts_on"))),
                                Expr.Op.GE,
                                number("2000")));
        assertThat(PARSER.parse("((num_nonnulls(a, b, c) = 1))"))
                .isEqualTo(
                        new Expr.Compare(
                                new Expr.Call(
                                        "num_nonnulls",
                                        List.of(column("a"), column("b"), column("c"))),
                                Expr.Op.EQ,
                                number("1")));
    }

    @Test
    void clocksIntervalsAndNegativeConstants() {
        assertThat(PARSER.parse("((starts_on <= (now() - '18 years'::interval)))"))
                .isEqualTo(
                        new Expr.Compare(
                                column("starts_on"),
                                Expr.Op.LE,
                                new Expr.Arithmetic(
                                        new Expr.Call("now", List.of()),
                                        '-',
                                        new Expr.Cast(text("18 years"), "interval"))));
        assertThat(PARSER.parse("(starts_on >= CURRENT_DATE)"))
                .isEqualTo(
                        new Expr.Compare(
                                column("starts_on"),
                                Expr.Op.GE,
                                new Expr.Call("current_date", List.of())));
        assertThat(PARSER.parse("((qty >= '-40'::integer))"))
                .isEqualTo(
                        new Expr.Compare(
                                column("qty"), Expr.Op.GE, new Expr.Cast(text("-40"), "integer")));
        assertThat(PARSER.parse("qty > -5.5"))
                .isEqualTo(
                        new Expr.Compare(
                                column("qty"), Expr.Op.GT, new Expr.Negate(number("5.5"))));
        assertThat(PARSER.parse("starts_on >= INTERVAL 18 YEAR"))
                .isEqualTo(
                        new Expr.Compare(
                                column("starts_on"),
                                Expr.Op.GE,
                                new Expr.Literal(new Interval(216, 0, 0))));
    }

    @Test
    void quotedNamesKeepTheirCaseAndBooleanWordsAreConstants() {
        assertThat(PARSER.parse("(\"Mixed Case\" > 0) AND (ended = true)"))
                .isEqualTo(
                        new Expr.And(
                                List.of(
                                        new Expr.Compare(
                                                column("Mixed Case"), Expr.Op.GT, number("0")),
                                        new Expr.Compare(
                                                column("ended"),
                                                Expr.Op.EQ,
                                                new Expr.Literal(true)))));
    }

    @Test
    void whatIsNotReadIsOpaqueInPlaceOrWhole() {
        // a name that is no column of the table, a subquery, and text that is no SQL
        assertThat(PARSER.parse("(nonesuch > 0) OR (qty > 0)"))
                .isEqualTo(
                        new Expr.Or(
                                List.of(
                                        new Expr.Compare(
                                                new Expr.Opaque("nonesuch"),
                                                Expr.Op.GT,
                                                number("0")),
                                        new Expr.Compare(column("qty"), Expr.Op.GT, number("0")))));
        assertThat(PARSER.parse("qty IN (SELECT 1)")).isInstanceOf(Expr.Opaque.class);
        assertThat(PARSER.parse("qty >>> !! 3")).isEqualTo(new Expr.Opaque("qty >>> !! 3"));
        // a user's function is a call the evaluator does not know
        assertThat(PARSER.parse("controlled_for_whitespace((code)::text)"))
                .isEqualTo(
                        new Expr.Call(
                                "controlled_for_whitespace",
                                List.of(new Expr.Cast(column("code"), "text"))));
    }

    @Test
    void theColumnsOfACondition() {
        assertThat(PARSER.parse("((a IS NULL) = (b IS NULL)) AND (c > d)").columns())
                .containsExactly("a", "b", "c", "d");
    }
}
