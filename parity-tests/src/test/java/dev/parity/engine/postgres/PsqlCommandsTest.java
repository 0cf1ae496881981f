package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.sql.ClientCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What in a script only psql runs, with its line; plain SQL has none and keeps going over JDBC. */
class PsqlCommandsTest {

    @Test
    void plainSqlNeedsNoPsql() throws IOException {
        assertThat(PsqlCommands.find(resource("db/schema.sql"))).isEmpty();
        assertThat(PsqlCommands.find(resource("db/seed.sql"))).isEmpty();
        assertThat(PsqlCommands.find(resource("db/postgres/sql-bodies.sql"))).isEmpty();
        assertThat(
                        PsqlCommands.find(
                                """
                select E'a\\nb', 'c:\\temp', $$ \\i inside a body $$, $fn$ \\copy $fn$;
                -- \\i in a comment
                /* \\set in /* a nested */ comment */
                set client_encoding = 'UTF8';
                set client_encoding to unicode;
                copy orders to '/tmp/orders.csv';
                select ":not a variable" from t;
                """))
                .isEmpty();
    }

    @Test
    void metaCommandsWithTheirLines() {
        assertThat(
                        PsqlCommands.find(
                                """
                \\set owner 'app'
                create table t (id int);
                insert into t values (1); \\gset
                \\copy t from 'data.tsv'
                  \\ir other.sql
                \\connect other
                """))
                .containsExactly(
                        new ClientCommand("\\set", 1),
                        new ClientCommand("\\gset", 3),
                        new ClientCommand("\\copy", 4),
                        new ClientCommand("\\ir", 5),
                        new ClientCommand("\\connect", 6));
    }

    @Test
    void copyFromStdinWithItsDataSkippedUpToItsEnd() {
        assertThat(
                        PsqlCommands.find(
                                """
                create table t (id int, note text);
                COPY public.t (id, note) FROM stdin;
                1\t\\N
                2\ta\\tb \\\\ c; \\i not a command
                \\.
                copy t to stdout;
                \\i after.sql
                """))
                .containsExactly(
                        new ClientCommand("COPY ... FROM stdin", 2),
                        new ClientCommand("COPY ... to stdout", 6),
                        new ClientCommand("\\i", 7));
    }

    @Test
    void anEncodingOtherThanUtf8() {
        assertThat(
                        PsqlCommands.find(
                                "select 1;\nSET client_encoding = 'latin1';\nset names 'WIN1252';\nset session client_encoding to 'UTF-8';"))
                .containsExactly(
                        new ClientCommand("SET client_encoding latin1", 2),
                        new ClientCommand("SET client_encoding WIN1252", 3));
    }

    @Test
    void aBackslashSemicolonIsPsqlsToo() {
        // psql puts \; into the query without ending it: one query of two statements, which JDBC
        // would split
        assertThat(PsqlCommands.find("select 1 \\; select 2;\n"))
                .containsExactly(new ClientCommand("\\;", 1));
    }

    @Test
    void theVariablesPsqlSetsItselfAreReplacedByIt() {
        // psql replaces :DBNAME and :"DBNAME" with its value; JDBC would send them as they are
        assertThat(
                        PsqlCommands.find(
                                """
                alter database :"DBNAME" set timezone to 'UTC';
                select :'USER', :VERSION_NUM;
                select :{?owner};
                """))
                .containsExactly(
                        new ClientCommand(":\"DBNAME\"", 1),
                        new ClientCommand(":'USER'", 2),
                        new ClientCommand(":VERSION_NUM", 2),
                        new ClientCommand(":{?owner}", 3));
    }

    @Test
    void variablesPsqlHasNotSetAndLookAlikesStayAsTheyAre() {
        // psql copies :name as it is when no \set made it; casts, assignments, slices and quoted
        // text are no variables
        assertThat(
                        PsqlCommands.find(
                                """
                select :owner, :'dbname', x::int, f(a := 1), arr[1:N] from t;
                select ':DBNAME', $$ :USER $$ /* :HOST */; -- :PORT
                """))
                .isEmpty();
    }

    @Test
    void standardConformingStringsOffChangesHowPsqlReadsStrings() {
        assertThat(
                        PsqlCommands.find(
                                "SET standard_conforming_strings = on;\nset standard_conforming_strings to default;\nselect 1;"))
                .isEmpty();
        assertThat(
                        PsqlCommands.find(
                                "set standard_conforming_strings = off;\nSET SESSION standard_conforming_strings TO 'false';\n"
                                        + "select set_config('standard_conforming_strings', 'off', false);"))
                .containsExactly(
                        new ClientCommand("SET standard_conforming_strings off", 1),
                        new ClientCommand("SET standard_conforming_strings false", 2),
                        new ClientCommand("SET standard_conforming_strings by set_config", 3));
    }

    @Test
    void bodiesAndRulesAreReadAsPsqlReadsThem() {
        // the ; inside BEGIN ATOMIC and inside a rule's parentheses end no statement; a backslash
        // after them is psql's, on its line
        assertThat(
                        PsqlCommands.find(
                                """
                create function f() returns int language sql begin atomic select 1; select '\\\\i in a string'; end;
                create rule r as on insert to t do also (insert into log values (1); insert into log values (2));
                create procedure p() begin atomic select 2; end; \\i more.sql
                """))
                .containsExactly(new ClientCommand("\\i", 3));
        assertThat(PsqlCommands.find("\uFEFF\\set x 1\n"))
                .containsExactly(new ClientCommand("\\set", 1));
    }

    @Test
    void pgDumpOutputNeedsPsql() throws IOException {
        assertThat(PsqlCommands.find(resource("db/pgdump/shop.sql")))
                .containsExactly(
                        new ClientCommand("\\restrict", 5),
                        new ClientCommand("COPY ... FROM stdin", 129),
                        new ClientCommand("COPY ... FROM stdin", 140),
                        new ClientCommand("\\unrestrict", 204));
    }

    @Test
    void thePsqlScriptsOfTheTests() throws IOException {
        assertThat(PsqlCommands.find(resource("db/psql/main.sql")))
                .containsExactly(
                        new ClientCommand("\\set", 2),
                        new ClientCommand("\\copy", 13),
                        new ClientCommand("\\ir", 15));
        assertThat(PsqlCommands.find(resource("db/psql/latin1/names.sql")))
                .containsExactly(new ClientCommand("SET client_encoding latin1", 2));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PsqlCommandsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
