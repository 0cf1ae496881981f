package dev.parity.data;

import static dev.parity.data.DatasetLoaderIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.config.YamlSections;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * Whole schemas filled with few rules, from YAML to each engine's real server: parents that follow the
 * tables that need them, patterns of tables, {@code between} ranges, YAML's numbers and booleans, and the
 * load report. Every test loads into its own copy of the empty schema of {@link DatasetLoaderIntegrationTest}.
 */
// timestamps are written and compared in the session's zone, which the drivers take from the JVM:
// read-lock it
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@NeedsDocker
class WholeSchemaIntegrationTest {

    /** The datasets of a profile written in YAML (file t.yml, the profile's body from line 1). */
    static List<DatasetSpec> datasets(String yaml) {
        List<Problem> problems = new ArrayList<>();
        List<DatasetSpec> datasets =
                DatasetsSection.datasets(YamlSections.profile(yaml, problems), problems);
        assertThat(problems).isEmpty();
        return datasets;
    }

    @Nested
    class OnPostgres extends Suite {
        OnPostgres() {
            super(DataEngine.POSTGRES);
        }
    }

    @Nested
    class OnMariaDb extends Suite {
        OnMariaDb() {
            super(DataEngine.MARIADB);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        final DataEngine engine;
        private EmptySchema schema;

        Suite(DataEngine engine) {
            this.engine = engine;
        }

        @BeforeAll
        void startDatabase() {
            schema =
                    EmptySchema.start(
                            engine.engine(), List.of(engine.schemaScript), "whole-schema-test");
        }

        @AfterAll
        void stopDatabase() {
            if (schema != null) {
                schema.close();
            }
        }

        DataSource freshCopy() {
            return schema.freshCopy();
        }

        LoadReport load(DataSource dataSource, String yaml) {
            return DatasetLoader.load(
                    engine.engine(), dataSource, datasets(yaml), 7, 2, progress -> {});
        }

        private static long count(DataSource dataSource, String sql) throws SQLException {
            return Long.parseLong(query(dataSource, sql));
        }

        @Test
        void parentsFollowTheTablesThatNeedThem() throws SQLException {
            DataSource dataSource = freshCopy();
            LoadReport report =
                    load(
                            dataSource,
                            """
                    datasets:
                      - table: shipments
                        rows: 400
                    """);

            // shipments → order_lines (a tenth) → orders (a tenth) → customers (at least one); the
            // nullable seller stays NULL
            assertThat(report.tables())
                    .extracting(LoadReport.TableLoad::table, LoadReport.TableLoad::rows)
                    .containsExactly(
                            tuple("customers", 1L),
                            tuple("orders", 4L),
                            tuple("order_lines", 40L),
                            tuple("shipments", 400L));
            assertThat(report.followed())
                    .containsExactly(
                            "orders needs customers: filling it with 1 row (turn off with follow-parents: false)",
                            "order_lines needs orders: filling it with 4 rows (turn off with follow-parents: false)",
                            "shipments needs order_lines: filling it with 40 rows (turn off with follow-parents: false)");
            assertThat(count(dataSource, "select count(*) from shipments")).isEqualTo(400);
            assertThat(count(dataSource, "select count(*) from order_lines")).isEqualTo(40);
            assertThat(count(dataSource, "select count(*) from orders")).isEqualTo(4);
            assertThat(count(dataSource, "select count(*) from customers")).isEqualTo(1);
            assertThat(count(dataSource, "select count(*) from employees")).isZero();
            assertThat(count(dataSource, "select count(*) from orders where seller_id is not null"))
                    .isZero();
            // every foreign key holds, and the children spread over their parents
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from shipments s left join order_lines l on l.order_id = s.order_id "
                                            + "and l.line_no = s.line_no where l.order_id is null"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(distinct order_id * 1000 + line_no) from shipments"))
                    .isGreaterThan(30);
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from order_lines l left join orders o on o.id = l.order_id where o.id is null"))
                    .isZero();
        }

        @Test
        void aParentWithRowsIsReferencedNotFilled() throws SQLException {
            DataSource dataSource = freshCopy();
            try (Connection connection = dataSource.getConnection();
                    Statement insert = connection.createStatement()) {
                insert.executeUpdate(
                        "insert into customers (email, country, status) values ('a@example.com', 'DE', 'new'), "
                                + "('b@example.com', 'BR', 'active'), ('c@example.com', 'IN', 'closed')");
            }
            LoadReport report =
                    load(
                            dataSource,
                            """
                    datasets:
                      - table: follows
                        rows: 9
                    """);
            assertThat(report.followed()).isEmpty();
            assertThat(count(dataSource, "select count(*) from customers")).isEqualTo(3);
            // three customers make nine pairs: every one taken once
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from follows f join customers a on a.id = f.follower_id "
                                            + "join customers b on b.id = f.followed_id"))
                    .isEqualTo(9);
        }

        @Test
        void withFollowParentsFalseAMissingParentIsStillAProblem() {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            """
                    datasets:
                      - table: orders
                        rows: 10
                        follow-parents: false
                    """))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "t.yml, line 2: table 'orders' references customers (customer_id → id), which has no rows, and those columns "
                                    + "are NOT NULL. Add a dataset for customers with rows above 0, or insert its rows in an init script.");
        }

        @Test
        void aPatternFillsEveryTableAndATableOfItsOwnOverridesIt() throws SQLException {
            DataSource dataSource = freshCopy();
            LoadReport report =
                    load(
                            dataSource,
                            """
                    datasets:
                      - tables: "*"
                        rows: 30
                        columns:
                          left_on: {value: null}     # employees' CHECK compares two columns: leave one NULL
                      - table: orders
                        rows: 120
                    """);
            assertThat(report.followed()).isEmpty();
            assertThat(report.tables())
                    .extracting(LoadReport.TableLoad::table)
                    .containsExactlyInAnyOrder(
                            "customers",
                            "employees",
                            "orders",
                            "order_lines",
                            "shipments",
                            "follows",
                            "measurements");
            for (String table :
                    List.of(
                            "customers",
                            "employees",
                            "order_lines",
                            "shipments",
                            "follows",
                            "measurements")) {
                assertThat(count(dataSource, "select count(*) from " + table))
                        .as(table)
                        .isEqualTo(30);
            }
            assertThat(count(dataSource, "select count(*) from orders")).isEqualTo(120);
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from orders o left join customers c on c.id = o.customer_id where c.id is null"))
                    .isZero();
        }

        @Test
        void aPatternOfTheSchemaByName() throws SQLException {
            DataSource dataSource = freshCopy();
            String schema =
                    engine.schema != null
                            ? engine.schema
                            : query(dataSource, "select " + engine.currentDatabase);
            load(
                    dataSource,
                    """
                    datasets:
                      - tables: "%s.*"
                        rows: 5
                        columns:
                          left_on: {value: null}
                    """
                            .formatted(schema));
            assertThat(count(dataSource, "select count(*) from shipments")).isEqualTo(5);
            assertThat(count(dataSource, "select count(*) from employees")).isEqualTo(5);
        }

        @Test
        void betweenKeepsNumbersDatesAndTimestampsInsideTheRange() throws SQLException {
            DataSource dataSource = freshCopy();
            load(
                    dataSource,
                    """
                    datasets:
                      - table: customers
                        rows: 2000
                        mess: {nulls: 0.1, extremes: 0.1, duplicates: 0.1}
                        columns:
                          balance: {between: [1, 50]}
                          rating: {between: [2, 4]}
                          birth_date: {between: [2020-01-01, 2024-12-31]}
                          created_at: {between: [2024-01-01 08:00:00, "2024-01-01 18:00:00"]}
                      - table: orders
                        rows: 500
                        columns:
                          placed_at: {between: [2023-03-26, 2023-03-27]}
                          total: {between: [0.5, 9.99]}
                      - table: measurements
                        rows: 50
                        columns:
                          id: {between: [1, 50]}
                    """);
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from customers where balance not between 1 and 50"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from customers where rating not between 2 and 4"))
                    .isZero();
            assertThat(count(dataSource, "select count(distinct rating) from customers"))
                    .isEqualTo(3);
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from customers where birth_date not between '2020-01-01' and '2024-12-31'"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from customers where created_at not between '2024-01-01 08:00:00' and '2024-01-01 18:00:00'"))
                    .isZero();
            // the bounds themselves are reached (as extremes), and nullable columns still get their
            // NULLs
            assertThat(query(dataSource, "select min(balance) from customers")).isIn("1.00", "1");
            assertThat(query(dataSource, "select max(balance) from customers")).isIn("50.00", "50");
            assertThat(count(dataSource, "select count(*) from customers where balance is null"))
                    .isBetween(120L, 280L);
            assertThat(count(dataSource, "select count(*) from customers where created_at is null"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from orders where placed_at not between '2023-03-26 00:00:00' and '2023-03-27 00:00:00'"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from orders where total not between 0.5 and 9.99"))
                    .isZero();
            // a key takes distinct values inside the range: all fifty
            assertThat(count(dataSource, "select count(distinct id) from measurements"))
                    .isEqualTo(50);
            assertThat(count(dataSource, "select min(id) from measurements")).isEqualTo(1);
            assertThat(count(dataSource, "select max(id) from measurements")).isEqualTo(50);
        }

        @Test
        void betweenThatCannotFitIsReportedBeforeAnythingLoads() throws SQLException {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            """
                    datasets:
                      - table: customers
                        rows: 10
                        columns:
                          rating: {between: [1, 50]}
                          email: {between: [1, 5]}
                    """))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith(
                            "t.yml has 2 problems:\n  - line 2: column 'customers.rating' (")
                    .hasMessageContaining(
                            ") has between [1, 50], beyond what its CHECK constraint allows (above 0 and up to 5). Keep the range "
                                    + "within what the CHECK allows, or leave the column to Parity, which reads the CHECK.\n  - line 2: column 'customers.email' (")
                    .hasMessageEndingWith(
                            ") has between [1, 5], but between is for numbers, dates and timestamps. Give it values, an expression "
                                    + "or a constant instead.");
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            """
                    datasets:
                      - table: measurements
                        rows: 51
                        columns:
                          id: {between: [1, 50]}
                    """))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith("t.yml, line 2: column 'measurements.id' (")
                    .hasMessageEndingWith(
                            ") is a unique key, and between [1, 50] holds 50 distinct values, fewer than the 51 rows asked for. "
                                    + "Ask for at most 50 rows, or widen the range.");
            assertThat(count(dataSource, "select count(*) from customers")).isZero();
        }

        @Test
        void yamlNumbersAndBooleansFillTheirColumns() throws SQLException {
            DataSource dataSource = freshCopy();
            load(
                    dataSource,
                    """
                    datasets:
                      - table: customers
                        rows: 200
                        columns:
                          flagged: {values: [yes, false]}
                          balance: {value: 1_000.5}
                          rating: {values: [1, 5]}
                          country: {values: [NO, SE]}
                      - table: measurements
                        rows: 10
                        columns:
                          amount: {values: [1_000_000, 0.125]}
                    """);
            assertThat(count(dataSource, "select count(distinct flagged) from customers"))
                    .isEqualTo(2);
            assertThat(count(dataSource, "select count(*) from customers where flagged = true"))
                    .isBetween(60L, 140L);
            assertThat(count(dataSource, "select count(*) from customers where balance <> 1000.5"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from customers where country not in ('NO', 'SE')"))
                    .isZero();
            assertThat(
                            count(
                                    dataSource,
                                    "select count(*) from measurements where amount not in (1000000, 0.125)"))
                    .isZero();
        }

        @Test
        void theReportTellsEachTablesTimeAndRate() {
            DataSource dataSource = freshCopy();
            LoadReport report =
                    load(
                            dataSource,
                            """
                    datasets:
                      - table: orders
                        rows: 50
                    """);
            assertThat(report.toString())
                    .matches(
                            "55 rows in \\d+\\.\\d\\d s \\([\\d,]+ rows/s\\), seed 7: "
                                    + "customers 5 in \\d+\\.\\d\\d s \\([\\d,]+ rows/s, needed by orders\\), orders 50 in \\d+\\.\\d\\d s \\([\\d,]+ rows/s\\)");
            assertThat(report.tables()).allSatisfy(t -> assertThat(t.rowsPerSecond()).isPositive());
        }
    }
}
