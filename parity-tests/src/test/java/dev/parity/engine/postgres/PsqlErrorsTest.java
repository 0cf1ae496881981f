package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.ScriptFailedException;
import org.junit.jupiter.api.Test;

/** psql's error output, as the JDBC path reports a failed script: the file by its classpath name, the line of the error, the server's message. */
class PsqlErrorsTest {

    private static final String DIR = "/tmp/parity-init/3/";

    private static String parsed(String stderr) {
        ScriptFailedException failure =
                PsqlErrors.parse(
                        stderr,
                        DIR,
                        "db/psql/",
                        "db/psql/main.sql",
                        (file, line) -> file + " line " + line + " as written");
        return failure.describe();
    }

    @Test
    void theServersLineWithinTheStatementCountsFromWherePsqlSaysItEnded() {
        assertThat(
                        parsed(
                                """
                psql:/tmp/parity-init/3/main.sql:12: ERROR:  relation "prodcut" does not exist
                LINE 2:   prodcut (id)
                          ^
                psql:/tmp/parity-init/3/main.sql:12: STATEMENT:  insert into
                  prodcut (id)
                  values (1);
                """))
                .isEqualTo(
                        "db/psql/main.sql, line 11: ERROR: relation \"prodcut\" does not exist\n    in statement: insert into ...");
    }

    @Test
    void anIncludedFileIsNamedBesideTheScript() {
        assertThat(
                        parsed(
                                """
                psql:/tmp/parity-init/3/sub/part.sql:2: ERROR:  division by zero
                psql:/tmp/parity-init/3/sub/part.sql:2: STATEMENT:  select 1/0;
                """))
                .isEqualTo(
                        "db/psql/sub/part.sql, line 2: ERROR: division by zero\n    in statement: select 1/0;");
        assertThat(
                        parsed(
                                "psql:part.sql:4: ERROR:  boom\npsql:part.sql:4: STATEMENT:  select boom();"))
                .isEqualTo(
                        "db/psql/part.sql, line 4: ERROR: boom\n    in statement: select boom();");
    }

    @Test
    void psqlsOwnErrorsQuoteTheLineOfTheScript() {
        assertThat(
                        parsed(
                                "psql:/tmp/parity-init/3/main.sql:3: error: missing.sql: No such file or directory"))
                .isEqualTo(
                        "db/psql/main.sql, line 3: psql: missing.sql: No such file or directory\n"
                                + "    in statement: db/psql/main.sql line 3 as written");
    }

    @Test
    void copyDataNamesItsRow() {
        assertThat(
                        parsed(
                                """
                psql:/tmp/parity-init/3/main.sql:5: ERROR:  invalid input syntax for type integer: "zz"
                CONTEXT:  COPY c, line 2, column id: "zz"
                psql:/tmp/parity-init/3/main.sql:5: STATEMENT:  copy c (id, n) from stdin;
                """))
                .isEqualTo(
                        "db/psql/main.sql, line 5: ERROR: invalid input syntax for type integer: \"zz\" (COPY c, line 2, column id: \"zz\")\n"
                                + "    in statement: copy c (id, n) from stdin;");
    }

    @Test
    void anythingElseIsToldAsPsqlSaidIt() {
        assertThat(
                        parsed(
                                "psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: FATAL:  role \"x\" does not exist\n"))
                .isEqualTo(
                        "db/psql/main.sql: psql failed: psql: error: connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: "
                                + "FATAL:  role \"x\" does not exist");
    }
}
