package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CHECK constraints as PostgreSQL's pg_get_constraintdef prints them, and the standard SQL Parity's parser reads. */
class PostgresChecksTest {

    @Test
    void conditionIsTheExpressionWithoutCheckAndNotValid() {
        assertThat(
                        PostgresChecks.condition(
                                "CHECK (((left_on IS NULL) OR (left_on > hired_on))) NOT VALID"))
                .isEqualTo("(((left_on IS NULL) OR (left_on > hired_on)))");
        assertThat(PostgresChecks.condition("CHECK ((price > (0)::numeric))"))
                .isEqualTo("((price > (0)::numeric))");
    }

    @Test
    void likeOperatorsAreSpelledOut() {
        assertThat(PostgresChecks.neutral("CHECK ((email ~~ '%@%'::text))"))
                .isEqualTo("((email LIKE '%@%'::text))");
        assertThat(PostgresChecks.neutral("CHECK ((email !~~ 'x%'::text))"))
                .isEqualTo("((email NOT LIKE 'x%'::text))");
        assertThat(PostgresChecks.neutral("CHECK ((email ~~* 'x%'::text))"))
                .isEqualTo("((email ILIKE 'x%'::text))");
        assertThat(PostgresChecks.neutral("CHECK ((email !~~* 'x%'::text))"))
                .isEqualTo("((email NOT ILIKE 'x%'::text))");
    }

    @Test
    void regularExpressionsQuotesAndCastsStay() {
        assertThat(PostgresChecks.neutral("CHECK ((code ~ '^a~~b$'::text))"))
                .isEqualTo("((code ~ '^a~~b$'::text))");
        assertThat(PostgresChecks.neutral("CHECK ((\"we~~ird\" !~* 'it''s ~~'::text))"))
                .isEqualTo("((\"we~~ird\" !~* 'it''s ~~'::text))");
        assertThat(
                        PostgresChecks.neutral(
                                "CHECK (((status)::text = ANY ((ARRAY['new'::character varying])::text[])))"))
                .isEqualTo("(((status)::text = ANY ((ARRAY['new'::character varying])::text[])))");
    }
}
