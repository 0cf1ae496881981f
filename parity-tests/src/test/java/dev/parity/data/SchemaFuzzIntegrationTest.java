package dev.parity.data;

import static dev.parity.data.DatasetLoaderIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.parity.config.ProblemException;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.schema.TableInfo;
import dev.parity.engine.sql.SqlStatement;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Random schemas ({@link SchemaFuzzer}) created on each engine's real server and loaded with row counts only: the
 * server is the judge. Each loads (then every row count is what was asked, and no foreign key or unique key is
 * broken, which the server checks only partly while it loads), or fails before writing with one of Parity's
 * documented errors; "the database rejected rows" is never the outcome. {@code -Dparity.fuzz.seed=N} runs one seed;
 * the seeds printed on failure reproduce it.
 */
@NeedsDocker
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
class SchemaFuzzIntegrationTest {

    private static final int SCHEMAS = Integer.getInteger("parity.fuzz.schemas", 24);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class OnServer {

        private final Engine engine;
        private EmptySchema schema;

        OnServer(String engine) {
            this.engine = Engines.byId(engine).orElseThrow();
        }

        @BeforeAll
        void start() {
            schema = EmptySchema.start(engine, List.of(), "fuzz-" + engine.id());
        }

        @AfterAll
        void stop() {
            if (schema != null) {
                schema.close();
            }
        }

        @Test
        void randomSchemasLoadOnTheServerOrFailBeforeWritingWithADocumentedError()
                throws SQLException {
            Long only = Long.getLong("parity.fuzz.seed");
            long base = only != null ? only : System.nanoTime();
            int loaded = 0;
            int schemas = only != null ? 1 : SCHEMAS;
            for (int i = 0; i < schemas; i++) {
                long seed = base + i;
                SchemaFuzzer.Fuzzed fuzzed = SchemaFuzzer.of(seed, engine.id());
                DataSource data = schema.freshCopy();
                create(data, fuzzed);
                try {
                    DatasetLoader.load(engine, data, fuzzed.datasets(), seed, 2, progress -> {});
                } catch (ProblemException e) {
                    if (e.getMessage().contains("the database rejected rows")) {
                        fail(
                                "seed "
                                        + seed
                                        + " (-Dparity.fuzz.seed="
                                        + seed
                                        + "): "
                                        + e.getMessage()
                                        + "\n"
                                        + fuzzed,
                                e);
                    }
                    continue;
                }
                verify(data, fuzzed, seed);
                loaded++;
            }
            System.out.printf(
                    "%s server: %d of %d random schemas loaded (seeds from %d)%n",
                    engine.id(), loaded, schemas, base);
            assertThat(loaded)
                    .as("schemas loaded, of seeds from %d", base)
                    .isGreaterThanOrEqualTo(only != null ? 0 : schemas * 6 / 10);
        }

        @Test
        void aTriggerThatRejectsRowsIsNamedInTheFailure() throws SQLException {
            DataSource data = schema.freshCopy();
            try (Connection connection = data.getConnection();
                    Statement ddl = connection.createStatement()) {
                for (String statement : rejectingTrigger()) {
                    ddl.execute(statement);
                }
            }
            assertThatThrownBy(
                            () ->
                                    DatasetLoader.load(
                                            engine,
                                            data,
                                            List.of(DatasetSpec.of("ledger", 500)),
                                            42,
                                            2,
                                            progress -> {}))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageContaining(
                            "the database rejected rows of table 'ledger' (nothing was loaded)")
                    .hasMessageContaining(
                            "the table has triggers that run on insert: ledger_balanced (BEFORE)")
                    .hasMessageContaining("one of those triggers rejects rows");
            assertThat(query(data, "select count(*) from ledger")).isEqualTo("0");
        }

        /** A table whose BEFORE INSERT trigger rejects rows by a rule of the business, no constraint saying so. */
        abstract List<String> rejectingTrigger();

        private void create(DataSource data, SchemaFuzzer.Fuzzed fuzzed) throws SQLException {
            try (Connection connection = data.getConnection();
                    Statement ddl = connection.createStatement()) {
                for (SqlStatement statement : engine.dialect().split(fuzzed.ddl())) {
                    ddl.execute(statement.sql());
                }
            }
        }

        /** What the server may not have checked while loading: rows asked, foreign keys and unique keys (MariaDB loads without checks). */
        private void verify(DataSource data, SchemaFuzzer.Fuzzed fuzzed, long seed)
                throws SQLException {
            String where = "seed " + seed + " (-Dparity.fuzz.seed=" + seed + ")\n" + fuzzed;
            for (DatasetSpec spec : fuzzed.datasets()) {
                TableInfo table = fuzzed.tables().get(spec.table());
                String name = table.qualifiedName();
                assertThat(query(data, "select count(*) from " + name))
                        .as("rows of %s, %s", spec.table(), where)
                        .isEqualTo(Long.toString(spec.rows()));
                for (TableInfo.ForeignKey fk : table.foreignKeys()) {
                    TableInfo parent = fuzzed.tables().get(fk.refTable());
                    String join = columnsPaired(fk.columns(), fk.refColumns(), " and ", "c.", "p.");
                    String set =
                            fk.columns().stream()
                                    .map(
                                            c ->
                                                    "c."
                                                            + engine.dialect().identifier(c)
                                                            + " is not null")
                                    .collect(Collectors.joining(" and "));
                    assertThat(
                                    query(
                                            data,
                                            "select count(*) from "
                                                    + name
                                                    + " c where "
                                                    + set
                                                    + " and not exists (select 1 from "
                                                    + parent.qualifiedName()
                                                    + " p where "
                                                    + join
                                                    + ")"))
                            .as("orphans of %s, %s", fk.name(), where)
                            .isEqualTo("0");
                }
                for (List<String> key : table.keys()) {
                    String columns =
                            key.stream()
                                    .map(engine.dialect()::identifier)
                                    .collect(Collectors.joining(", "));
                    String set =
                            key.stream()
                                    .map(c -> engine.dialect().identifier(c) + " is not null")
                                    .collect(Collectors.joining(" and "));
                    assertThat(
                                    query(
                                            data,
                                            "select count(*) from (select "
                                                    + columns
                                                    + " from "
                                                    + name
                                                    + " where "
                                                    + set
                                                    + " group by "
                                                    + columns
                                                    + " having count(*) > 1) d"))
                            .as("duplicates of %s in %s, %s", key, spec.table(), where)
                            .isEqualTo("0");
                }
            }
        }

        private String columnsPaired(
                List<String> left,
                List<String> right,
                String separator,
                String leftAlias,
                String rightAlias) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < left.size(); i++) {
                sql.append(i == 0 ? "" : separator)
                        .append(leftAlias)
                        .append(engine.dialect().identifier(left.get(i)))
                        .append(" = ")
                        .append(rightAlias)
                        .append(engine.dialect().identifier(right.get(i)));
            }
            return sql.toString();
        }
    }

    @Nested
    class OnPostgres extends OnServer {

        OnPostgres() {
            super("postgres");
        }

        @Override
        List<String> rejectingTrigger() {
            return List.of(
                    "create table ledger (id bigint primary key, debit numeric(12,2) not null, credit numeric(12,2) not null)",
                    "create function ledger_balanced() returns trigger language plpgsql as $$ begin if new.debit <> new.credit then"
                            + " raise exception 'ledger entry % is not balanced', new.id; end if; return new; end $$",
                    "create trigger ledger_balanced before insert on ledger for each row execute function ledger_balanced()");
        }
    }

    @Nested
    class OnMariaDb extends OnServer {

        OnMariaDb() {
            super("mariadb");
        }

        @Override
        List<String> rejectingTrigger() {
            return List.of(
                    "create table ledger (id bigint primary key, debit decimal(12,2) not null, credit decimal(12,2) not null)",
                    "create trigger ledger_balanced before insert on ledger for each row begin if new.debit <> new.credit then"
                            + " signal sqlstate '45000' set message_text = 'ledger entry is not balanced'; end if; end");
        }
    }
}
