package dev.parity.database;

import static dev.parity.config.YamlSections.described;
import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile's database-faults read from YAML: each kind, and every mistake with its line. */
class DatabaseFaultsSectionTest {

    private final List<Problem> problems = new ArrayList<>();

    private List<DatabaseFaultSpec> read(String yaml) {
        return DatabaseFaultsSection.read(profile(yaml, problems), problems);
    }

    @Test
    void readsEachKind() {
        assertThat(
                        read(
                                """
                database-faults:
                  - fail-writes: accounts
                    sql-state: "40P01"
                    probability: 0.05
                  - fail-writes: billing.invoices
                    count: 3
                  - statement-timeout: 500
                  - connection-limit: 5
                  - read-only: true
                """))
                .containsExactly(
                        DatabaseFaultSpec.failWrites("accounts", "40P01", 0.05, -1),
                        DatabaseFaultSpec.failWrites("billing.invoices", "40001", 1.0, 3),
                        DatabaseFaultSpec.statementTimeout(500),
                        DatabaseFaultSpec.connectionLimit(5),
                        DatabaseFaultSpec.readOnlyDatabase());
        assertThat(problems).isEmpty();
        assertThat(read("timezone: UTC")).isEmpty();
    }

    @Test
    void reportsEveryMistakeWithItsLine() {
        read(
                """
                database-faults:
                  - fail-writes: accounts
                    sql-state: 40001
                  - fail-writes: accounts
                    sql-state: "00000"
                    probability: 1.5
                  - statement-timeout: 500
                    read-only: true
                  - read-only: maybe
                  - fail-write: accounts
                """);
        String in = "in profile 'p' > database-faults: ";
        assertThat(described(problems))
                .containsExactly(
                        "3: 'sql-state' in profile 'p' > database-faults must be a text, but is a number (40001). Write it as, for example: "
                                + "sql-state: 40001 (quote it if YAML reads it as something else: sql-state: \"40001\")",
                        "4: "
                                + in
                                + "'00000' is not a SQLSTATE. Give five digits or capital letters, not of class 00, for example 40001 "
                                + "(serialization failure) or 40P01 (deadlock).",
                        "4: "
                                + in
                                + "the probability 1.5 is outside 0..1. Give the share of writes that fail, e.g. 0.05.",
                        "7: "
                                + in
                                + "a database fault is one of: failing writes to a table, a statement timeout, a connection limit, read-only; this one is several. "
                                + "Declare each fault on its own.",
                        "9: 'read-only' in profile 'p' > database-faults must be true or false, but is a text ('maybe'). Write it as, for example: read-only: true",
                        "9: "
                                + in
                                + "a database fault is one of: failing writes to a table, a statement timeout, a connection limit, read-only; this one is none of them. "
                                + "Declare each fault on its own.",
                        "10: unknown key 'fail-write' in profile 'p' > database-faults. Did you mean 'fail-writes'? Known keys here: fail-writes, sql-state, "
                                + "probability, count, statement-timeout, connection-limit, read-only.",
                        "10: "
                                + in
                                + "a database fault is one of: failing writes to a table, a statement timeout, a connection limit, read-only; this one is none of them. "
                                + "Declare each fault on its own.");
    }
}
