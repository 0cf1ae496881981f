package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL's quoting, the script line of an error, and the query that counts CHECK violations. */
class PostgresDialectTest {

    private final PostgresDialect dialect = new PostgresDialect();

    // starts on script line 20; "prodcut" is on its second line
    private final SqlStatement statement =
            new SqlStatement("create table p (\n  id int, prodcut (id)\n)", 20);

    /** An error as the server sends it: fields, each a type letter and a text, ended by NUL. */
    private static PSQLException serverError(String... fields) {
        return new PSQLException(new ServerErrorMessage(String.join("\0", fields) + "\0"));
    }

    @Test
    void identifiersAreDoubleQuotedWithQuotesDoubled() {
        assertThat(dialect.identifier("Order")).isEqualTo("\"Order\"");
        assertThat(dialect.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect.qualified("public", "my table")).isEqualTo("\"public\".\"my table\"");
    }

    @Test
    void literalsDoubleQuotesAndLeaveBackslashes() {
        assertThat(dialect.literal("it's \\ here")).isEqualTo("'it''s \\ here'");
        assertThat(dialect.literal("")).isEqualTo("''");
        assertThat(dialect.literal(null)).isEqualTo("null");
    }

    @Test
    void splitsWithDollarQuotes() {
        assertThat(dialect.split("select 1;\ndo $$ begin perform 1; end $$;"))
                .containsExactly(
                        new SqlStatement("select 1", 1),
                        new SqlStatement("do $$ begin perform 1; end $$", 2));
    }

    @Test
    void errorLineIsTheLineOfTheServersPosition() {
        int position = statement.sql().indexOf("prodcut") + 1;
        PSQLException error =
                serverError("SERROR", "C42601", "Msyntax error at or near \"(\"", "P" + position);
        assertThat(error.getServerErrorMessage().getPosition()).isEqualTo(position);
        assertThat(dialect.errorLine(statement, error)).isEqualTo(21);
        assertThat(dialect.errorLine(statement, serverError("SERROR", "C42601", "Mx", "P1")))
                .isEqualTo(20);
    }

    @Test
    void errorLineWithoutAServerPositionIsTheStatementsLine() {
        assertThat(
                        dialect.errorLine(
                                statement,
                                serverError("SERROR", "C42P01", "Mrelation \"x\" does not exist")))
                .isEqualTo(20);
        assertThat(
                        dialect.errorLine(
                                statement,
                                new PSQLException("connection lost", PSQLState.CONNECTION_FAILURE)))
                .isEqualTo(20);
        assertThat(dialect.errorLine(statement, new SQLException("not from the server")))
                .isEqualTo(20);
    }

    @Test
    void errorMessageIsTheDriversMessage() {
        assertThat(dialect.errorMessage(new SQLException("ERROR: division by zero")))
                .isEqualTo("ERROR: division by zero");
    }

    @Test
    void rejectedRowsCastsEveryValueToItsColumnsTypeAndNamesTheOrdinals() {
        String sql =
                dialect.rejectedRows(
                        List.of("qty", "Note"),
                        List.of("integer", "character varying(20)"),
                        List.of(7L, 9L),
                        List.of(Arrays.asList("1", "it's"), Arrays.asList(null, "x")),
                        "((qty > 0))");
        assertThat(sql)
                .isEqualTo(
                        "select t.parity_ordinal_ from (values (7, '1'::integer, 'it''s'::character varying(20)),"
                                + " (9, null::integer, 'x'::character varying(20))) as t(parity_ordinal_, \"qty\", \"Note\") where not (((qty > 0)))");
    }
}
