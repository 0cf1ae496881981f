package dev.parity.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.junit.PinLocale;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/** Keywords in upper case, everything a user wrote (literals, quoted names, names) as written. */
class LocaleProofSqlTest {

    @Test
    void keywordsGoUpperLiteralsAndNamesStayAsWritten() {
        assertThat(
                        LocaleProofSql.keywordsUpperCased(
                                "(code like 'like i%') and \"Mixed like\" between 1 and 2 and x::integer > 0",
                                word -> false))
                .isEqualTo(
                        "(code LIKE 'like i%') AND \"Mixed like\" BETWEEN 1 AND 2 AND x::INTEGER > 0");
        assertThat(
                        LocaleProofSql.keywordsUpperCased(
                                "`time` > '10:00' and time is not null", Set.of("time")::contains))
                .as("a keyword that is the table's column stays as written")
                .isEqualTo("`time` > '10:00' AND time IS NOT NULL");
    }

    @Test
    void textTheLexerCannotReadComesBackAsItIs() {
        assertThat(LocaleProofSql.keywordsUpperCased("a like 'unterminated", word -> false))
                .isEqualTo("a like 'unterminated");
    }

    /** The reason it exists: under tr-TR, JSqlParser alone fails on a lower-case like. */
    @Test
    @PinLocale("tr-TR")
    void underATurkishLocaleTheParserReadsWhatItCouldNotBefore() throws Exception {
        String check = "(code like 'ab%')";
        boolean failedAlone;
        try {
            CCJSqlParserUtil.parseCondExpression(check, false);
            failedAlone = false;
        } catch (RuntimeException | net.sf.jsqlparser.JSQLParserException e) {
            failedAlone = true;
        }
        assertThat(failedAlone).as("JSqlParser by itself under tr-TR").isTrue();
        assertThat(
                        CCJSqlParserUtil.parseCondExpression(
                                        LocaleProofSql.keywordsUpperCased(check, word -> false),
                                        false)
                                .toString())
                .isEqualTo("(code LIKE 'ab%')");
    }
}
