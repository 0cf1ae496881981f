package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CHECK constraints as PostgreSQL 15's pg_get_constraintdef prints them, rewritten into Parity's neutral form. */
class PostgresChecksTest {

    @Test
    void conditionIsTheExpressionWithoutCheckAndNotValid() {
        assertThat(PostgresChecks.condition("CHECK (((left_on IS NULL) OR (left_on > hired_on))) NOT VALID"))
                .isEqualTo("(((left_on IS NULL) OR (left_on > hired_on)))");
        assertThat(PostgresChecks.condition("CHECK ((price > (0)::numeric))")).isEqualTo("((price > (0)::numeric))");
    }

    @Test
    void castsAndParenthesesAroundNumbersGo() {
        assertThat(PostgresChecks.neutral("CHECK ((price > (0)::numeric))")).isEqualTo("((price > 0))");
        assertThat(PostgresChecks.neutral("CHECK ((qty > 0))")).isEqualTo("((qty > 0))");
        assertThat(PostgresChecks.neutral("CHECK ((ratio <= 0.5))")).isEqualTo("((ratio <= 0.5))");
        assertThat(PostgresChecks.neutral("CHECK ((weight < (2.5)::double precision))")).isEqualTo("((weight < 2.5))");
    }

    @Test
    void negativeConstantsLoseTheirQuotes() {
        assertThat(PostgresChecks.neutral("CHECK (((balance >= ('-5000'::integer)::numeric) AND (balance <= (1000000)::numeric)))"))
                .isEqualTo("(((balance >= -5000) AND (balance <= 1000000)))");
    }

    @Test
    void negativeConstantsWithoutParenthesesKeepTheExpressionBalanced() {
        // an integer column compared with a negative integer, a numeric one with a negative fraction
        assertThat(PostgresChecks.neutral("CHECK ((qty >= '-5'::integer))")).isEqualTo("((qty >= -5))");
        assertThat(PostgresChecks.neutral("CHECK ((amount >= '-0.5'::numeric))")).isEqualTo("((amount >= -0.5))");
        assertThat(PostgresChecks.neutral("CHECK (((t > '-40'::integer) AND (t < 60)))")).isEqualTo("(((t > -40) AND (t < 60)))");
    }

    @Test
    void anyArrayBecomesAnInList() {
        assertThat(PostgresChecks.neutral(
                "CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character varying])::text[])))"))
                .isEqualTo("((status IN ('new', 'it''s')))");
        assertThat(PostgresChecks.neutral("CHECK ((kind = ANY (ARRAY['a'::text, 'b'::text])))")).isEqualTo("((kind IN ('a', 'b')))");
    }

    @Test
    void anInListNextToAnotherConditionKeepsItsParentheses() {
        assertThat(PostgresChecks.neutral(
                "CHECK ((((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])) AND (qty > 0)))"))
                .isEqualTo("(((status IN ('a', 'b')) AND (qty > 0)))");
        assertThat(PostgresChecks.neutral("CHECK ((level = ANY (ARRAY[1, 2, 3])))")).isEqualTo("((level IN (1, 2, 3)))");
    }

    @Test
    void castNamesOnIdentifiersGoWithTheirParentheses() {
        assertThat(PostgresChecks.neutral("CHECK ((char_length((code)::text) >= 3))")).isEqualTo("((char_length(code) >= 3))");
        assertThat(PostgresChecks.neutral("CHECK ((\"Weird Name\" <> ''::text))")).isEqualTo("((\"Weird Name\" <> ''))");
        assertThat(PostgresChecks.neutral("CHECK ((length((\"Code\")::text) = 2))")).isEqualTo("((length(\"Code\") = 2))");
    }

    @Test
    void whatIsNoComparisonWithANumberStaysAsItIs() {
        assertThat(PostgresChecks.neutral("CHECK (((left_on IS NULL) OR (left_on > hired_on))) NOT VALID"))
                .isEqualTo("(((left_on IS NULL) OR (left_on > hired_on)))");
        assertThat(PostgresChecks.neutral("CHECK ((email ~~ '%@%'::text))")).isEqualTo("((email ~~ '%@%'))");
        assertThat(PostgresChecks.neutral("CHECK ((ends_at > starts_at))")).isEqualTo("((ends_at > starts_at))");
    }
}
