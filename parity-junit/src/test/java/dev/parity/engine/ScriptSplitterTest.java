package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.ScriptSplitter.Syntax;
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
            String script = "create table a (id int);\ninsert into a values (1),\n  (2);\n\n\n  select 1;";
            List<SqlStatement> expected = List.of(at(1, "create table a (id int)"), at(2, "insert into a values (1),\n  (2)"), at(6, "select 1"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void aLastStatementNeedsNoTerminatorAndEmptyOnesAreDropped() {
            assertThat(postgres(";;select 1;; ;\nselect 2")).containsExactly(at(1, "select 1"), at(2, "select 2"));
            assertThat(mariadb("select 1;;\n  ;select 2  \n")).containsExactly(at(1, "select 1"), at(2, "select 2"));
            assertThat(postgres("  \n ;\n")).isEmpty();
        }

        @Test
        void semicolonsInQuotesWithDoubledQuotesDoNotEndAStatement() {
            String script = "select 'x;y', 'it''s; here', \"odd\"\";col\" from t;\nselect 2;";
            List<SqlStatement> expected = List.of(at(1, "select 'x;y', 'it''s; here', \"odd\"\";col\" from t"), at(2, "select 2"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void aLeadingCommentDoesNotStartAStatement() {
            String script = "-- setup; first\n/* a block;\n   comment */\nselect 1; -- trailing; comment\n/* x; */ select 2;";
            List<SqlStatement> expected = List.of(at(4, "select 1"), at(5, "select 2"));
            assertThat(postgres(script)).isEqualTo(expected);
            assertThat(mariadb(script)).isEqualTo(expected);
        }

        @Test
        void commentsInsideAStatementStayAndHideTheirSemicolons() {
            String script = "select 1 -- one; still\n  + /* two; */ 2;";
            assertThat(postgres(script)).containsExactly(at(1, "select 1 -- one; still\n  + /* two; */ 2"));
            assertThat(mariadb(script)).containsExactly(at(1, "select 1 -- one; still\n  + /* two; */ 2"));
        }

        @Test
        void aScriptOfCommentsOnlyHasNoStatements() {
            assertThat(postgres("-- nothing;\n/* at; all */\n")).isEmpty();
            assertThat(mariadb("# nothing;\n-- at; all\n")).isEmpty();
        }

        @Test
        void linesCountInsideQuotesAndComments() {
            String script = "select 'a\nb\nc';\n/* one\ntwo */\nselect 2;";
            assertThat(postgres(script)).containsExactly(at(1, "select 'a\nb\nc'"), at(6, "select 2"));
            assertThat(mariadb(script)).containsExactly(at(1, "select 'a\nb\nc'"), at(6, "select 2"));
        }
    }

    @Nested
    class Postgres {

        @Test
        void dollarQuotedBodiesKeepTheirSemicolons() {
            String function = "create function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql";
            String block = "do $body$ begin perform 1; raise notice '$$'; end $body$";
            assertThat(postgres(function + ";\n" + block + ";\nselect 3;"))
                    .containsExactly(at(1, function), at(6, block), at(7, "select 3"));
        }

        @Test
        void aTaggedBodyMayHoldDoubleDollars() {
            String body = "create function g() returns text as $fn$ select '$$;'; $$ $fn$ language sql";
            assertThat(postgres(body + "; select 2;")).containsExactly(at(1, body), at(1, "select 2"));
        }

        @Test
        void parametersAndIdentifiersWithDollarsAreNoQuotes() {
            // $1 is a parameter and a$b an identifier: neither opens a body that would swallow the rest
            assertThat(postgres("prepare p as select $1; select a$b$ from t; select 3;"))
                    .containsExactly(at(1, "prepare p as select $1"), at(1, "select a$b$ from t"), at(1, "select 3"));
        }

        @Test
        void backslashesEscapeOnlyInEStrings() {
            assertThat(postgres("select E'it\\'s; fine', e'\\\\'; select 2;"))
                    .containsExactly(at(1, "select E'it\\'s; fine', e'\\\\'"), at(1, "select 2"));
            // standard strings: 'a\' is a whole string
            assertThat(postgres("select 'a\\'; select 2;")).containsExactly(at(1, "select 'a\\'"), at(1, "select 2"));
        }

        @Test
        void mariaDbOnlyMarksAreNothingSpecial() {
            // '#' is an operator, a backtick no quote, /*! a plain comment, DELIMITER no command
            assertThat(postgres("select 5 # 3; select 2;")).containsExactly(at(1, "select 5 # 3"), at(1, "select 2"));
            assertThat(postgres("/*!40101 SET NAMES utf8 */;\nselect 1;")).containsExactly(at(2, "select 1"));
            assertThat(postgres("DELIMITER //\nselect 1//")).containsExactly(at(1, "DELIMITER //\nselect 1//"));
        }
    }

    @Nested
    class MariaDb {

        @Test
        void hashStartsAComment() {
            assertThat(mariadb("# setup; here\nselect 1; # done;\nselect 2;")).containsExactly(at(2, "select 1"), at(3, "select 2"));
        }

        @Test
        void backslashesEscapeQuotesInBothKindsOfString() {
            String insert = "insert into t values ('it\\'s; ok', \"say \\\"hi;\\\"\", 'c:\\\\')";
            assertThat(mariadb(insert + ";\nselect 2;")).containsExactly(at(1, insert), at(2, "select 2"));
        }

        @Test
        void backtickIdentifiersMayHoldSemicolons() {
            String create = "create table `semi;colon` (`a;b` int, `x``;y` int)";
            assertThat(mariadb(create + "; select 2;")).containsExactly(at(1, create), at(1, "select 2"));
        }

        @Test
        void executableCommentsAreStatementsAndPlainOnesAreNot() {
            assertThat(mariadb("/*!40101 SET NAMES utf8mb4 */;\n/* plain; comment */\n/*!50003 SET @x = 1 */;\nselect 1;"))
                    .containsExactly(at(1, "/*!40101 SET NAMES utf8mb4 */"), at(3, "/*!50003 SET @x = 1 */"), at(4, "select 1"));
        }

        @Test
        void delimiterBlocksKeepTheSemicolonsOfProceduresAndTriggers() {
            String script = """
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
            assertThat(mariadb(script)).containsExactly(
                    at(1, "create table t (id int)"),
                    at(3, "create procedure p()\nbegin\n  insert into t values (1);\n  select 2;\nend"),
                    at(8, "create trigger tr before insert on t for each row\nbegin\n  set new.id = new.id + 1;\nend"),
                    at(13, "select 3"));
        }

        @Test
        void aDelimiterLineIsNoStatementAndLinesAfterItStayRight() {
            // lower case, indented, CRLF line ends, and a delimiter of two characters that are not '/'
            String script = "select 1;\r\n  delimiter $$\r\n\r\nselect 2; select 3$$\r\nDelimiter ;\r\n\r\nselect 4;";
            assertThat(mariadb(script)).containsExactly(at(1, "select 1"), at(4, "select 2; select 3"), at(7, "select 4"));
        }

        @Test
        void aDelimiterCommandAtTheEndOfTheScriptLeavesNothing() {
            assertThat(mariadb("DELIMITER //\nselect 1//\nDELIMITER ;")).containsExactly(at(2, "select 1"));
        }

        @Test
        void aWordDelimiterCountsOnlyAsAWholeWord() {
            // "go" inside "category" is no terminator
            assertThat(mariadb("DELIMITER go\nselect category from t go\nselect 2 go\n"))
                    .containsExactly(at(2, "select category from t"), at(3, "select 2"));
        }

        @Test
        void delimiterInsideAStatementIsAnIdentifier() {
            assertThat(mariadb("select\ndelimiter from t;")).containsExactly(at(1, "select\ndelimiter from t"));
        }
    }
}
