package dev.parity.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.sql.ScriptSplitter.Syntax;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How scripts split into statements and the lines they start on, with PostgreSQL's and MariaDB's quoting and comments. */
class ScriptSplitterTest {

    private static List<SqlStatement> postgres(String script) {
        return new ScriptSplitter(Syntax.POSTGRES).split(script);
    }

    private static List<SqlStatement> mariadb(String script) {
        return new ScriptSplitter(Syntax.MARIADB).split(script);
    }

    private static SqlStatement at(int line, String sql) {
        return new SqlStatement(sql, line);
    }

    /** What both engines' clients agree on. */
    @Nested
    class Common {

        @Test
        void statementsRememberTheLineTheyStartOn() {
            String script =
                    "create table a (id int);\ninsert into a values (1),\n  (2);\n\n\n  select 1;";
            List<SqlStatement> expected =
                    List.of(
                            at(1, "create table a (id int)"),
                            at(2, "insert into a values (1),\n  (2)"),
                            at(6, "select 1"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void aLastStatementNeedsNoTerminatorAndEmptyOnesAreDropped() {
            assertThat(postgres(";;select 1;; ;\nselect 2"))
                    .containsExactly(at(1, "select 1"), at(2, "select 2"));
            assertThat(mariadb("select 1;;\n  ;select 2  \n"))
                    .containsExactly(at(1, "select 1"), at(2, "select 2"));
            assertThat(postgres("  \n ;\n")).isEmpty();
        }

        @Test
        void semicolonsInQuotesWithDoubledQuotesDoNotEndAStatement() {
            String script = "select 'x;y', 'it''s; here', \"odd\"\";col\" from t;\nselect 2;";
            List<SqlStatement> expected =
                    List.of(
                            at(1, "select 'x;y', 'it''s; here', \"odd\"\";col\" from t"),
                            at(2, "select 2"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void aLeadingCommentDoesNotStartAStatement() {
            String script =
                    "-- setup; first\n/* a block;\n   comment */\nselect 1; -- trailing; comment\n/* x; */ select 2;";
            List<SqlStatement> expected = List.of(at(4, "select 1"), at(5, "select 2"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void commentsInsideAStatementStayAndHideTheirSemicolons() {
            String script = "select 1 -- one; still\n  + /* two; */ 2;";
            assertThat(postgres(script))
                    .containsExactly(at(1, "select 1 -- one; still\n  + /* two; */ 2"));
            assertThat(mariadb(script))
                    .containsExactly(at(1, "select 1 -- one; still\n  + /* two; */ 2"));
        }

        @Test
        void aScriptOfCommentsOnlyHasNoStatements() {
            assertThat(postgres("-- nothing;\n/* at; all */\n")).isEmpty();
            assertThat(mariadb("# nothing;\n-- at; all\n")).isEmpty();
        }

        @Test
        void aLeadingByteOrderMarkIsDropped() {
            assertThat(postgres("\uFEFFselect 1;\nselect 2;"))
                    .containsExactly(at(1, "select 1"), at(2, "select 2"));
            assertThat(mariadb("\uFEFFselect 1;")).containsExactly(at(1, "select 1"));
        }

        @Test
        void linesCountInsideQuotesAndComments() {
            String script = "select 'a\nb\nc';\n/* one\ntwo */\nselect 2;";
            assertThat(postgres(script))
                    .containsExactly(at(1, "select 'a\nb\nc'"), at(6, "select 2"));
            assertThat(mariadb(script))
                    .containsExactly(at(1, "select 'a\nb\nc'"), at(6, "select 2"));
        }
    }

    @Nested
    class Postgres {

        @Test
        void dollarQuotedBodiesKeepTheirSemicolons() {
            String function =
                    "create function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql";
            String block = "do $body$ begin perform 1; raise notice '$$'; end $body$";
            assertThat(postgres(function + ";\n" + block + ";\nselect 3;"))
                    .containsExactly(at(1, function), at(6, block), at(7, "select 3"));
        }

        @Test
        void aTaggedBodyMayHoldDoubleDollars() {
            String body =
                    "create function g() returns text as $fn$ select '$$;'; $$ $fn$ language sql";
            assertThat(postgres(body + "; select 2;"))
                    .containsExactly(at(1, body), at(1, "select 2"));
        }

        @Test
        void parametersAndIdentifiersWithDollarsAreNoQuotes() {
            // $1 is a parameter and a$b an identifier: neither opens a body that would swallow the
            // rest
            assertThat(postgres("prepare p as select $1; select a$b$ from t; select 3;"))
                    .containsExactly(
                            at(1, "prepare p as select $1"),
                            at(1, "select a$b$ from t"),
                            at(1, "select 3"));
        }

        @Test
        void backslashesEscapeOnlyInEStrings() {
            assertThat(postgres("select E'it\\'s; fine', e'\\\\'; select 2;"))
                    .containsExactly(at(1, "select E'it\\'s; fine', e'\\\\'"), at(1, "select 2"));
            // standard strings: 'a\' is a whole string
            assertThat(postgres("select 'a\\'; select 2;"))
                    .containsExactly(at(1, "select 'a\\'"), at(1, "select 2"));
        }

        @Test
        void sqlStandardBodiesKeepTheirSemicolonsUpToTheirEnd() {
            // psql's identifier rule: BEGIN ... END counts in CREATE [OR REPLACE]
            // FUNCTION|PROCEDURE
            String function =
                    "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT a + 1;\n  SELECT a + 2;\nEND";
            String procedure =
                    "create procedure p() language sql begin atomic insert into t values (1); insert into t values (2); end";
            String replaced =
                    "Create Or Replace Function g() returns int language sql begin atomic select 1; end";
            String replacedProcedure =
                    "create or replace procedure q() begin atomic delete from t; end";
            assertThat(
                            postgres(
                                    function
                                            + ";\n"
                                            + procedure
                                            + ";\n"
                                            + replaced
                                            + "; "
                                            + replacedProcedure
                                            + ";\nselect 5;"))
                    .containsExactly(
                            at(1, function),
                            at(6, procedure),
                            at(7, replaced),
                            at(7, replacedProcedure),
                            at(8, "select 5"));
        }

        @Test
        void aCaseInsideABodyEndsWithItsOwnEnd() {
            String body =
                    "create function sign_of(x int) returns text language sql begin atomic\n"
                            + "  select case when x > 0 then 'plus;' when x < 0 then 'minus' else case when x = 0 then 'zero' end end;\n"
                            + "  select 'after';\nend";
            assertThat(postgres(body + ";\nselect 2;"))
                    .containsExactly(at(1, body), at(5, "select 2"));
        }

        @Test
        void caseAndEndCountOnlyInsideABeginAndOutsideParentheses() {
            // RETURN CASE ... END: no BEGIN, so the CASE opens nothing; in parentheses nothing
            // counts
            String returnCase =
                    "create function h(x int) returns int language sql return case when x > 0 then 1 else 0 end";
            String inParentheses =
                    "create function k(x int default (case when true then 1 end)) returns int language sql begin atomic select (case x when 1 then 2 end); end";
            assertThat(postgres(returnCase + "; " + inParentheses + "; select 3;"))
                    .containsExactly(at(1, returnCase), at(1, inParentheses), at(1, "select 3"));
        }

        @Test
        void beginOutsideARoutineIsATransaction() {
            assertThat(
                            postgres(
                                    "begin; select 1; end; create table begin_end (begin_at int, \"end\" int); begin transaction; commit;"))
                    .containsExactly(
                            at(1, "begin"),
                            at(1, "select 1"),
                            at(1, "end"),
                            at(1, "create table begin_end (begin_at int, \"end\" int)"),
                            at(1, "begin transaction"),
                            at(1, "commit"));
            // plpgsql's BEGIN is inside a dollar quote, and a DO block is no CREATE
            assertThat(
                            postgres(
                                    "do $$ begin perform 1; end $$; create function f() returns void as $$ begin end $$ language plpgsql; select 2;"))
                    .containsExactly(
                            at(1, "do $$ begin perform 1; end $$"),
                            at(
                                    1,
                                    "create function f() returns void as $$ begin end $$ language plpgsql"),
                            at(1, "select 2"));
        }

        @Test
        void aFunctionNamedBeginOpensABlockForPsqlToo() {
            // psql's heuristic, mirrored: a BEGIN anywhere outside parentheses counts, so psql
            // reads on to an END
            String script =
                    "create function begin() returns int language sql return 1; select 2; end; select 3;";
            assertThat(postgres(script))
                    .containsExactly(
                            at(
                                    1,
                                    "create function begin() returns int language sql return 1; select 2; end"),
                            at(1, "select 3"));
        }

        @Test
        void semicolonsInsideParenthesesEndNothing() {
            String rule =
                    "CREATE RULE log_insert AS ON INSERT TO t DO ALSO (\n  INSERT INTO log VALUES (1);\n  INSERT INTO log VALUES (2);\n)";
            assertThat(postgres(rule + ";\nselect 2;"))
                    .containsExactly(at(1, rule), at(5, "select 2"));
            // psql's ")" rule never takes the depth below 0
            assertThat(postgres("select 1); select 2;"))
                    .containsExactly(at(1, "select 1)"), at(1, "select 2"));
        }

        @Test
        void nestedDollarQuotesEndAtTheirOwnTag() {
            String outer =
                    "create function f() returns text as $outer$\nbegin\n  execute $inner$ select 1; $inner$;\n  return $$;$$;\nend\n$outer$ language plpgsql";
            String similar = "select $a$ $ab$ ; $b$ ; $a$";
            assertThat(postgres(outer + ";\n" + similar + "; select 3;"))
                    .containsExactly(at(1, outer), at(7, similar), at(7, "select 3"));
        }

        @Test
        void aDollarRightAfterAnIdentifierOrAGluedNumberIsPartOfIt() {
            // identifier: ident_cont takes $; integer_junk takes letters and $ after a number;
            // after a bare number $$ opens a body
            assertThat(postgres("select x$$ from t; select 1a$$; select 2;"))
                    .containsExactly(
                            at(1, "select x$$ from t"), at(1, "select 1a$$"), at(1, "select 2"));
            assertThat(postgres("select 1$$; select 2$$; select 3;"))
                    .containsExactly(at(1, "select 1$$; select 2$$"), at(1, "select 3"));
            assertThat(postgres("select $1x$; select 2;"))
                    .containsExactly(at(1, "select $1x$"), at(1, "select 2"));
            assertThat(postgres("select café$$ from t; select 2;"))
                    .containsExactly(at(1, "select café$$ from t"), at(1, "select 2"));
        }

        @Test
        void blockCommentsNest() {
            assertThat(
                            postgres(
                                    "/* outer /* inner; */ still; a comment */ select 1; select /* a /* b; */ c; */ 2;"))
                    .containsExactly(at(1, "select 1"), at(1, "select /* a /* b; */ c; */ 2"));
        }

        @Test
        void anEOnlyStartsAnEscapeStringAsATokenOfItsOwn() {
            // "somee'" is an identifier and a standard string; 1e is integer_junk; U&, B, X, N
            // strings have no escapes
            assertThat(
                            postgres(
                                    "select somee'a\\'; select 1e'b\\'; select U&'c\\', B'1', X'1F', N'd\\'; select 2;"))
                    .containsExactly(
                            at(1, "select somee'a\\'"),
                            at(1, "select 1e'b\\'"),
                            at(1, "select U&'c\\', B'1', X'1F', N'd\\'"),
                            at(1, "select 2"));
            assertThat(postgres("select U&\"a;\"\"b\" from t; select 2;"))
                    .containsExactly(at(1, "select U&\"a;\"\"b\" from t"), at(1, "select 2"));
        }

        @Test
        void aStringOnTheNextLineIsNoContinuationForPsql() {
            // psql lexes line by line, so E'a' then '\'' on the next line is a new standard string,
            // as psql 15 sends it
            assertThat(postgres("select E'a'\n'\\'; select 2;"))
                    .containsExactly(at(1, "select E'a'\n'\\'"), at(2, "select 2"));
        }

        @Test
        void castsAssignmentsAndVariablesAreNoQuotes() {
            assertThat(postgres("select 1::int, f(a := 2), :'name', :\"col\"; select 3;"))
                    .containsExactly(
                            at(1, "select 1::int, f(a := 2), :'name', :\"col\""),
                            at(1, "select 3"));
        }

        @Test
        void aDashCommentEndsAtACarriageReturnToo() {
            assertThat(postgres("select 1 -- one;\rselect 2;"))
                    .containsExactly(at(1, "select 1 -- one;\rselect 2"));
            assertThat(postgres("select 1; -- one;\r\nselect 2;"))
                    .containsExactly(at(1, "select 1"), at(2, "select 2"));
        }

        @Test
        void mariaDbOnlyMarksAreNothingSpecial() {
            // '#' is an operator, a backtick no quote, /*! a plain comment, DELIMITER no command
            assertThat(postgres("select 5 # 3; select 2;"))
                    .containsExactly(at(1, "select 5 # 3"), at(1, "select 2"));
            assertThat(postgres("/*!40101 SET NAMES utf8 */;\nselect 1;"))
                    .containsExactly(at(2, "select 1"));
            assertThat(postgres("DELIMITER //\nselect 1//"))
                    .containsExactly(at(1, "DELIMITER //\nselect 1//"));
        }
    }

    @Nested
    class MariaDb {

        @Test
        void dashDashIsACommentOnlyBeforeABlankOrAtAStatementsStart() {
            // add_line: "--" then whitespace or the line's end; "--x" at a statement's start is
            // dropped too
            assertThat(mariadb("select 5--2; select 1;"))
                    .containsExactly(at(1, "select 5--2"), at(1, "select 1"));
            assertThat(mariadb("--x; not sql\nselect 1 --\n;select 2;-- y;\n"))
                    .containsExactly(at(2, "select 1 --"), at(3, "select 2"));
        }

        @Test
        void hashStartsAComment() {
            assertThat(mariadb("# setup; here\nselect 1; # done;\nselect 2;"))
                    .containsExactly(at(2, "select 1"), at(3, "select 2"));
        }

        @Test
        void backslashesEscapeQuotesInBothKindsOfString() {
            String insert = "insert into t values ('it\\'s; ok', \"say \\\"hi;\\\"\", 'c:\\\\')";
            assertThat(mariadb(insert + ";\nselect 2;"))
                    .containsExactly(at(1, insert), at(2, "select 2"));
        }

        @Test
        void backtickIdentifiersMayHoldSemicolons() {
            String create = "create table `semi;colon` (`a;b` int, `x``;y` int)";
            assertThat(mariadb(create + "; select 2;"))
                    .containsExactly(at(1, create), at(1, "select 2"));
        }

        @Test
        void executableCommentsAreStatementsAndPlainOnesAreNot() {
            assertThat(
                            mariadb(
                                    "/*!40101 SET NAMES utf8mb4 */;\n/* plain; comment */\n/*!50003 SET @x = 1 */;\nselect 1;"))
                    .containsExactly(
                            at(1, "/*!40101 SET NAMES utf8mb4 */"),
                            at(3, "/*!50003 SET @x = 1 */"),
                            at(4, "select 1"));
        }

        @Test
        void delimiterBlocksKeepTheSemicolonsOfProceduresAndTriggers() {
            String script =
                    """
                    create table t (id int);
                    DELIMITER //
                    create procedure p()
                    begin
                      insert into t values (1);
                      select 2;
                    end //
                    create trigger tr before insert on t for each row
                    begin
                      set new.id = new.id + 1;
                    end//
                    DELIMITER ;
                    select 3;
                    """;
            assertThat(mariadb(script))
                    .containsExactly(
                            at(1, "create table t (id int)"),
                            at(
                                    3,
                                    "create procedure p()\nbegin\n  insert into t values (1);\n  select 2;\nend"),
                            at(
                                    8,
                                    "create trigger tr before insert on t for each row\nbegin\n  set new.id = new.id + 1;\nend"),
                            at(13, "select 3"));
        }

        @Test
        void aDelimiterLineIsNoStatementAndLinesAfterItStayRight() {
            // lower case, indented, CRLF line ends, and a delimiter of two characters that are not
            // '/'
            String script =
                    "select 1;\r\n  delimiter $$\r\n\r\nselect 2; select 3$$\r\nDelimiter ;\r\n\r\nselect 4;";
            assertThat(mariadb(script))
                    .containsExactly(
                            at(1, "select 1"), at(4, "select 2; select 3"), at(7, "select 4"));
        }

        @Test
        void aDelimiterCommandAtTheEndOfTheScriptLeavesNothing() {
            assertThat(mariadb("DELIMITER //\nselect 1//\nDELIMITER ;"))
                    .containsExactly(at(2, "select 1"));
        }

        @Test
        void aWordDelimiterCountsOnlyAsAWholeWord() {
            // "go" inside "category" is no terminator
            assertThat(mariadb("DELIMITER go\nselect category from t go\nselect 2 go\n"))
                    .containsExactly(at(2, "select category from t"), at(3, "select 2"));
        }

        @Test
        void delimiterInsideAStatementIsAnIdentifier() {
            assertThat(mariadb("select\ndelimiter from t;"))
                    .containsExactly(at(1, "select\ndelimiter from t"));
        }
    }
}
