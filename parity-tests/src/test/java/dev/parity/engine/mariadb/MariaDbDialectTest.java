package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's quoting, the script line of a syntax error, the server's message, and the query that counts CHECK violations. */
class MariaDbDialectTest {

    private static final String NEAR =
            "(conn=12) You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version"
                    + " for the right syntax to use near ";

    private final MariaDbDialect dialect = new MariaDbDialect();

    // starts on script line 14, "prodcut" on its second line
    private final SqlStatement statement =
            new SqlStatement("create table orders (\n  prodcut (id)\n)", 14);

    @Test
    void identifiersAreBacktickedWithBackticksDoubled() {
        assertThat(dialect.identifier("order")).isEqualTo("`order`");
        assertThat(dialect.identifier("a`b")).isEqualTo("`a``b`");
        assertThat(dialect.qualified("shop", "my table")).isEqualTo("`shop`.`my table`");
    }

    @Test
    void literalsDoubleQuotesAndBackslashes() {
        assertThat(dialect.literal("it's \\ here")).isEqualTo("'it''s \\\\ here'");
        assertThat(dialect.literal("\\'")).isEqualTo("'\\\\'''"); // \' would otherwise end nothing
        assertThat(dialect.literal(null)).isEqualTo("null");
    }

    @Test
    void splitsWithDelimiterBlocks() {
        assertThat(
                        dialect.split(
                                "DELIMITER //\ncreate procedure p() begin select 1; end//\nDELIMITER ;\nselect 2;"))
                .containsExactly(
                        new SqlStatement("create procedure p() begin select 1; end", 2),
                        new SqlStatement("select 2", 4));
    }

    @Test
    void errorLineIsTheStatementLineTheServerNames() {
        assertThat(
                        dialect.errorLine(
                                statement,
                                new SQLSyntaxErrorException(NEAR + "'prodcut (id)\n)' at line 2")))
                .isEqualTo(15);
        assertThat(
                        dialect.errorLine(
                                statement, new SQLSyntaxErrorException(NEAR + "')' at line 3  ")))
                .isEqualTo(16);
        // a line past the statement's end stays on its last line
        assertThat(dialect.errorLine(statement, new SQLSyntaxErrorException(NEAR + "'' at line 9")))
                .isEqualTo(16);
    }

    @Test
    void errorLineWithoutALineIsTheStatementsLine() {
        assertThat(
                        dialect.errorLine(
                                statement,
                                new SQLException("(conn=12) Table 'shop.orders' already exists")))
                .isEqualTo(14);
        assertThat(dialect.errorLine(statement, new SQLException("near 'at line 2' in the middle")))
                .isEqualTo(14);
        assertThat(dialect.errorLine(statement, new SQLException())).isEqualTo(14);
    }

    @Test
    void errorMessageDropsTheConnectionId() {
        assertThat(
                        dialect.errorMessage(
                                new SQLException("(conn=12) Unknown column 'x' in 'field list'")))
                .isEqualTo("Unknown column 'x' in 'field list'");
        assertThat(dialect.errorMessage(new SQLException("Unknown column 'x' (conn=12) ")))
                .isEqualTo("Unknown column 'x' (conn=12) ");
        assertThat(dialect.errorMessage(new SQLException((String) null)))
                .isEqualTo("java.sql.SQLException");
    }

    @Test
    void rejectedRowsCastsNumbersAndDatesByType() {
        List<String> columns = List.of("qty", "price", "note", "at", "d", "score", "flag", "n");
        List<String> types =
                List.of(
                        "int(10) unsigned",
                        "decimal(12,2) unsigned",
                        "varchar(20)",
                        "timestamp",
                        "date",
                        "float",
                        "tinyint(1)",
                        "numeric(5,2)");
        List<List<String>> rows =
                List.of(
                        List.of(
                                "1",
                                "9.99",
                                "it's \\",
                                "2024-03-31 02:30:00",
                                "2024-02-29",
                                "1.5",
                                "1",
                                "0.5"),
                        Arrays.asList(null, null, null, null, null, null, null, null));
        assertThat(dialect.rejectedRows(columns, types, List.of(0L, 1L), rows, "`qty` > 0"))
                .isEqualTo(
                        "select t.parity_ordinal_ from ("
                                + "select 0 as parity_ordinal_, cast('1' as unsigned) as `qty`, cast('9.99' as decimal(12,2)) as `price`, 'it''s \\\\' as `note`,"
                                + " cast('2024-03-31 02:30:00' as datetime(6)) as `at`, cast('2024-02-29' as date) as `d`, cast('1.5' as double) as `score`,"
                                + " cast('1' as signed) as `flag`, cast('0.5' as decimal(5,2)) as `n`"
                                + " union all select 1 as parity_ordinal_, null as `qty`, null as `price`, null as `note`, null as `at`, null as `d`, null as `score`, null as `flag`,"
                                + " null as `n`) as t where not (`qty` > 0)");
    }
}
