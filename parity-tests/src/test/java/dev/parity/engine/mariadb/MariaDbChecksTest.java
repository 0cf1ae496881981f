package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CHECK clauses as MariaDB 10.11's information_schema.CHECK_CONSTRAINTS prints them, rewritten into Parity's neutral form. */
class MariaDbChecksTest {

    @Test
    void backticksBecomeDoubleQuotes() {
        assertThat(MariaDbChecks.neutral("`price` >= 0")).isEqualTo("\"price\" >= 0");
        assertThat(MariaDbChecks.neutral("char_length(`code`) >= 3"))
                .isEqualTo("char_length(\"code\") >= 3");
        assertThat(MariaDbChecks.neutral("`name` <> ''")).isEqualTo("\"name\" <> ''");
    }

    @Test
    void identifiersWithBackticksAndDoubleQuotesStayWhole() {
        assertThat(MariaDbChecks.neutral("`we``ird` > 0 and `say \"hi\"` is not null"))
                .isEqualTo("\"we`ird\" > 0 AND \"say \"\"hi\"\"\" IS NOT NULL");
    }

    @Test
    void betweenBecomesTwoComparisons() {
        assertThat(MariaDbChecks.neutral("`qty` between 1 and 50"))
                .isEqualTo("\"qty\" >= 1 AND \"qty\" <= 50");
        assertThat(MariaDbChecks.neutral("`t` BETWEEN -10 AND 40.5"))
                .isEqualTo("\"t\" >= -10 AND \"t\" <= 40.5");
    }

    @Test
    void keywordsAreUpperCasedOutsideQuotesOnly() {
        assertThat(MariaDbChecks.neutral("`end_at` > `start_at` or `end_at` is null"))
                .isEqualTo("\"end_at\" > \"start_at\" OR \"end_at\" IS NULL");
        assertThat(MariaDbChecks.neutral("`a` not in (1,2) and `or` <> 'and or not in'"))
                .isEqualTo("\"a\" NOT IN (1,2) AND \"or\" <> 'and or not in'");
    }

    @Test
    void stringsAreRewrittenWithDoubledQuotes() {
        assertThat(MariaDbChecks.neutral("`status` in ('new','it\\'s')"))
                .isEqualTo("\"status\" IN ('new','it''s')");
        assertThat(MariaDbChecks.neutral("`status` in ('new','it''s')"))
                .isEqualTo("\"status\" IN ('new','it''s')");
        assertThat(MariaDbChecks.neutral("`path` <> 'c:\\\\' and `q` <> '\\'\\''"))
                .isEqualTo("\"path\" <> 'c:\\' AND \"q\" <> ''''''");
    }

    @Test
    void jsonValidOfOneColumnNamesAJsonColumn() {
        assertThat(MariaDbChecks.jsonColumn("json_valid(`doc`)")).isEqualTo("doc");
        assertThat(MariaDbChecks.jsonColumn(" JSON_VALID(`a``b`) ")).isEqualTo("a`b");
        assertThat(MariaDbChecks.neutral("json_valid(`doc`)")).isEqualTo("json_valid(\"doc\")");
    }

    @Test
    void otherChecksNameNoJsonColumn() {
        assertThat(MariaDbChecks.jsonColumn("json_valid(`doc`) and `x` > 0")).isNull();
        assertThat(MariaDbChecks.jsonColumn("`doc` is not null")).isNull();
        assertThat(MariaDbChecks.jsonColumn("json_valid(concat(`a`,`b`))")).isNull();
    }
}
