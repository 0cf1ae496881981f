package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.Location;
import dev.parity.config.ProblemException;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.DatabaseCopies;
import dev.parity.engine.FreeDisk;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * The dataset engine against each engine's real server: every test loads into its own copy of the empty
 * schema. Written once; what differs per engine is in {@link DataEngine} and in the few tests of each engine's own types.
 */
// Checksums read timestamps in the session's zone, which the drivers take from the JVM: read-lock
// it.
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@NeedsDocker
class DatasetLoaderIntegrationTest {

    private static final AtomicInteger COPIES = new AtomicInteger();

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static double fraction(DataSource dataSource, String table, String condition)
            throws SQLException {
        return Double.parseDouble(
                query(
                        dataSource,
                        "select avg(case when "
                                + condition
                                + " then 1.0 else 0.0 end) from "
                                + table));
    }

    private static Location line(int line) {
        return new Location("parity.yml", line);
    }

    private static List<DatasetSpec> everyTable(int customers) {
        return List.of(
                DatasetSpec.of("customers", customers)
                        .withOrigin(line(3))
                        .withColumn(
                                "country",
                                ColumnRule.values(
                                        List.of("BR", "DE", "IN", "US"),
                                        List.of(5.0, 2.0, 2.0, 1.0))),
                DatasetSpec.of("employees", 300)
                        .withOrigin(line(9))
                        .withColumn("left_on", ColumnRule.nullValue()),
                DatasetSpec.of("orders", 6000)
                        .withOrigin(line(12))
                        .withColumn("customer_id", ColumnRule.ref("customers.id", Skew.ZIPF)),
                DatasetSpec.of("order_lines", 9000),
                DatasetSpec.of("shipments", 3000),
                DatasetSpec.of("follows", 4000),
                DatasetSpec.of("measurements", 2000));
    }

    @Nested
    class OnPostgres extends Suite {
        OnPostgres() {
            super(DataEngine.POSTGRES);
        }

        @Test
        void fillsPostgresTypes() throws SQLException {
            DataSource dataSource = freshCopy();
            load(dataSource, everyTable(2000), 42, 2);
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where array_length(tags, 1) > 0"))
                    .isNotEqualTo("0");
            assertThat(query(dataSource, "select count(*) from customers where profile ? 'tag'"))
                    .isNotEqualTo("0");
            assertThat(query(dataSource, "select count(distinct mood) from customers"))
                    .isEqualTo("3");
            // identity ALWAYS and bigserial moved past the loaded rows: the application can still
            // insert
            assertThat(
                            query(
                                    dataSource,
                                    "insert into employees (name, hired_on) values ('Ada', '2020-01-01') returning id"))
                    .isEqualTo("301");
        }

        @Test
        void zonedTimestampsReachTheFarPast() throws SQLException {
            DataSource extremes = load(20_000, Mess.none().withExtremes(0.1));
            assertThat(
                            query(
                                    extremes,
                                    "select count(*) from customers where created_at < '1000-01-01'"))
                    .isNotEqualTo("0");
        }
    }

    @Nested
    class OnMariaDb extends Suite {
        OnMariaDb() {
            super(DataEngine.MARIADB);
        }

        @Test
        void fillsMariaDbTypes() throws SQLException {
            DataSource dataSource = freshCopy();
            load(dataSource, everyTable(2000), 42, 2);
            assertThat(query(dataSource, "select count(distinct mood) from customers"))
                    .isEqualTo("3");
            assertThat(query(dataSource, "select count(*) from customers where tags <> ''"))
                    .isNotEqualTo("0");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where json_contains_path(profile, 'one', '$.tag')"))
                    .isNotEqualTo("0");
            assertThat(query(dataSource, "select count(distinct flagged) from customers"))
                    .isEqualTo("2");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where flags not between 0 and 15 or first_year not between 1901 and 2155"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(distinct token) = count(token) from customers"))
                    .isEqualTo("1");
            // the generated column is the database's: computed from the loaded e-mail
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where email_domain <> substring_index(email, '@', -1)"))
                    .isEqualTo("0");
            // auto-increment counters moved past the loaded rows: the application can still insert
            assertThat(
                            query(
                                    dataSource,
                                    "insert into employees (name, hired_on) values ('Ada', '2020-01-01') returning id"))
                    .isEqualTo("301");
        }

        @Test
        void textFitsEachColumnsCharacterSet() throws SQLException {
            DataSource unicode = load(20_000, Mess.none().withUnicode(0.3));
            // utf8mb4 text holds emoji (four bytes); the latin1 column took only what latin1 holds,
            // or the load would have failed
            assertThat(
                            query(
                                    unicode,
                                    "select count(*) from customers where notes like '%😀%' or notes like '%🎉%'"))
                    .isNotEqualTo("0");
            assertThat(
                            query(
                                    unicode,
                                    "select count(*) from customers where legacy_name <> convert(legacy_name using latin1)"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    unicode,
                                    "select count(*) from customers where char_length(legacy_name) <> octet_length(convert(legacy_name using latin1))"))
                    .isEqualTo("0");
        }

        @Test
        void aCheckBetweenColumnsHoldsAndATriggerFillsWhatParityCannotMake() throws SQLException {
            DataSource dataSource = freshCopy();
            try (Connection connection = dataSource.getConnection();
                    Statement ddl = connection.createStatement()) {
                ddl.execute(
                        "create table badges (id int auto_increment primary key, holder varchar(60) not null, valid_from date not null,"
                                + " valid_to date not null, spot point not null, constraint badge_valid check (valid_to > valid_from))");
                ddl.execute(
                        "create trigger badge_spot before insert on badges for each row set new.spot = point(char_length(new.holder), 0)");
            }
            load(dataSource, List.of(DatasetSpec.of("badges", 3000)), 42, 2);
            assertThat(query(dataSource, "select count(*) from badges where valid_to > valid_from"))
                    .isEqualTo("3000");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(distinct datediff(valid_to, valid_from)) > 20 from badges"))
                    .isEqualTo("1");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from badges where st_x(spot) = char_length(holder)"))
                    .isEqualTo("3000");
        }

        @Test
        void timestampsStayInsideWhatATimestampHolds() throws SQLException {
            DataSource extremes = load(20_000, Mess.none().withExtremes(0.1));
            assertThat(
                            query(
                                    extremes,
                                    "select count(*) from customers where created_at < '1971-01-01'"))
                    .isNotEqualTo("0");
            assertThat(
                            query(
                                    extremes,
                                    "select count(*) from customers where created_at = '0000-00-00 00:00:00'"))
                    .isEqualTo("0");
        }
    }

    /** Every test of the suite, on one engine's server. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Suite {

        final DataEngine engine;
        private EmptySchema schema;
        private RunningDatabase database;
        private DatabaseCopies copies;

        Suite(DataEngine engine) {
            this.engine = engine;
        }

        @BeforeAll
        void startDatabase() {
            schema =
                    EmptySchema.start(
                            engine.engine(), List.of(engine.schemaScript), "datasets-test");
            database = schema.database();
            copies = schema.copies();
        }

        @AfterAll
        void stopDatabase() {
            if (schema != null) {
                schema.close();
            }
        }

        /** A fresh database with the schema and no rows. */
        DataSource freshCopy() {
            return schema.freshCopy();
        }

        LoadReport load(DataSource dataSource, List<DatasetSpec> specs, long seed, int threads) {
            return DatasetLoader.load(
                    engine.engine(), dataSource, specs, seed, threads, progress -> {});
        }

        DataSource load(int rows, Mess mess) {
            DataSource dataSource = freshCopy();
            load(dataSource, List.of(DatasetSpec.of("customers", rows).withMess(mess)), 7, 2);
            return dataSource;
        }

        /** The schema the error messages name: PostgreSQL's {@code public}, or the MariaDB database of this copy. */
        private String schemaOf(DataSource dataSource) throws SQLException {
            return engine.schema != null
                    ? engine.schema
                    : query(dataSource, "select " + engine.currentDatabase);
        }

        @Test
        void fillsASchemaWithManyConstraintKinds() throws SQLException {
            DataSource dataSource = freshCopy();
            LoadReport report = load(dataSource, everyTable(3000), 42, 2);

            assertThat(report.rows()).isEqualTo(3000 + 300 + 6000 + 9000 + 3000 + 4000 + 2000);
            assertThat(report.tables())
                    .extracting(LoadReport.TableLoad::table)
                    .containsExactly(
                            "customers",
                            "employees",
                            "orders",
                            "order_lines",
                            "shipments",
                            "follows",
                            "measurements");
            assertThat(query(dataSource, "select count(*) from order_lines")).isEqualTo("9000");
            assertThat(query(dataSource, "select count(*) from follows")).isEqualTo("4000");
            // every value a CHECK allows, every enum a label, every self-reference to an earlier
            // row
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where status not in ('new', 'active', 'closed')"))
                    .isEqualTo("0");
            assertThat(query(dataSource, "select count(distinct status) from customers"))
                    .isEqualTo("3");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where char_length(code) < 3"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from customers where balance < -5000 or balance > 1000000"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from orders where quantity < 1 or quantity > 99"))
                    .isEqualTo("0");
            assertThat(query(dataSource, "select count(*) from employees where manager_id >= id"))
                    .isEqualTo("0");
            assertThat(query(dataSource, "select count(*) from employees where manager_id is null"))
                    .isNotEqualTo("0");
            // every composite foreign key points at a loaded row
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from shipments s left join order_lines l on l.order_id = s.order_id "
                                            + "and l.line_no = s.line_no where l.order_id is null"))
                    .isEqualTo("0");
            // the value list and its weights: BR about half
            assertThat(fraction(dataSource, "customers", "country = 'BR'")).isBetween(0.45, 0.55);
            // zipf: the first customer owns far more than an equal share (2 of 6000 orders)
            assertThat(
                            Integer.parseInt(
                                    query(
                                            dataSource,
                                            "select count(*) from orders where customer_id = 1")))
                    .isGreaterThan(200);
            // sequences and auto-increments moved past the loaded rows: the application can still
            // insert
            try (Connection connection = dataSource.getConnection();
                    Statement insert = connection.createStatement()) {
                insert.executeUpdate(
                        "insert into customers (email, country, status) values ('new@example.com', 'DE', 'new')");
            }
            assertThat(
                            query(
                                    dataSource,
                                    "select id from customers where email = 'new@example.com'"))
                    .isEqualTo("3001");
            // loaded tables are analyzed, so plans are production's (InnoDB's statistics are an
            // estimate)
            assertThat(Double.parseDouble(query(dataSource, engine.analyzedRows("order_lines"))))
                    .isBetween(4500.0, 13_500.0);
            if (engine == DataEngine.POSTGRES) {
                // every table has column statistics, whichever of the parallel sessions analyzed it
                for (String table : List.of("customers", "orders", "order_lines")) {
                    assertThat(
                                    query(
                                            dataSource,
                                            "select count(*) > 0 from pg_stats where schemaname = current_schema() and tablename = '"
                                                    + table
                                                    + "'"))
                            .as(table)
                            .isIn("t", "true");
                }
            }
        }

        @Test
        void messIsMeasurablyThere() throws SQLException {
            int rows = 20_000;
            double knob = 0.1;
            double tolerance = 0.015;
            DataSource nulls = load(rows, Mess.none().withNulls(knob));
            assertThat(fraction(nulls, "customers", "full_name is null"))
                    .isBetween(knob - tolerance, knob + tolerance);
            assertThat(
                            query(
                                    nulls,
                                    "select count(*) from customers where email is null or status is null"))
                    .isEqualTo("0");

            DataSource unicode = load(rows, Mess.none().withUnicode(knob));
            assertThat(fraction(unicode, "customers", "char_length(notes) <> octet_length(notes)"))
                    .isBetween(knob - tolerance, knob + tolerance);
            assertThat(
                            query(
                                    unicode,
                                    "select count(*) from customers where "
                                            + engine.matches(
                                                    "notes", "[\\u0590-\\u05ff\\u0600-\\u06ff]")))
                    .isNotEqualTo("0");

            DataSource whitespace = load(rows, Mess.none().withWhitespace(knob));
            assertThat(fraction(whitespace, "customers", engine.matches("notes", "^\\s|\\s$")))
                    .isBetween(knob - tolerance, knob + tolerance);

            DataSource duplicates = load(rows, Mess.none().withDuplicates(knob));
            double distinct =
                    Double.parseDouble(
                            query(
                                    duplicates,
                                    "select count(distinct birth_date) * 1.0 / count(birth_date) from customers"));
            assertThat(1 - distinct).isGreaterThan(knob - tolerance);

            DataSource extremes = load(rows, Mess.none().withExtremes(knob));
            assertThat(
                            fraction(
                                    extremes,
                                    "customers",
                                    "balance in (-5000, 1000000, 0, 0.01, -0.01)"))
                    .isBetween(knob - tolerance, knob + tolerance);
            assertThat(query(extremes, "select max(char_length(first_name)) from customers"))
                    .isEqualTo("20");

            DataSource clean = load(rows, Mess.none());
            assertThat(
                            query(
                                    clean,
                                    "select count(*) from customers where full_name is null or char_length(notes) <> octet_length(notes) or "
                                            + engine.matches("notes", "^\\s|\\s$")))
                    .isEqualTo("0");
        }

        @Test
        void sameSeedSameRowsWhateverTheThreadCount() throws SQLException {
            DataSource one = freshCopy();
            load(one, everyTable(20_000), 42, 1);
            DataSource two = freshCopy();
            load(two, everyTable(20_000), 42, 2);
            DataSource other = freshCopy();
            load(other, everyTable(20_000), 43, 2);

            for (String table : List.of("customers", "orders", "employees")) {
                assertThat(checksum(two, table, "id"))
                        .as(table)
                        .isEqualTo(checksum(one, table, "id"));
                assertThat(checksum(other, table, "id"))
                        .as(table)
                        .isNotEqualTo(checksum(one, table, "id"));
            }
            assertThat(checksum(two, "order_lines", "order_id, line_no"))
                    .isEqualTo(checksum(one, "order_lines", "order_id, line_no"));
        }

        private static String checksum(DataSource dataSource, String table, String orderBy)
                throws SQLException {
            return dev.parity.testing.Checksums.of(dataSource, table, orderBy);
        }

        @Test
        void aFreshCopyHoldsTheLoadedRowsAndIsIndependent() throws SQLException {
            DataSource loaded = freshCopy();
            load(loaded, List.of(DatasetSpec.of("customers", 5000)), 1, 2);
            String loadedName = query(loaded, "select " + engine.currentDatabase);
            copies.snapshot(loadedName, loadedName + "_snapshot");
            DataSource copy =
                    database.dataSource(
                            copies.cloneOf(loadedName + "_snapshot", loadedName + "_class_a"));

            assertThat(checksum(copy, "customers", "id"))
                    .isEqualTo(checksum(loaded, "customers", "id"));
            try (Connection connection = copy.getConnection();
                    Statement delete = connection.createStatement()) {
                assertThat(delete.executeUpdate("delete from customers")).isEqualTo(5000);
            }
            assertThat(query(copy, "select count(*) from customers")).isEqualTo("0");
            assertThat(query(loaded, "select count(*) from customers")).isEqualTo("5000");
            copies.drop(loadedName + "_class_a");
            copies.drop(loadedName + "_snapshot");
        }

        @Test
        void aLoadFarBeyondTheCeilingIsRefusedWithItsEstimateBeforeAnyRow() throws SQLException {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", 1_000_000_000_000L)
                                                            .withOrigin(line(3))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith("parity.yml, line 3: the datasets would write about ")
                    .hasMessageContaining(
                            "(table 'customers' alone: 1,000,000,000,000 rows of about ")
                    .hasMessageEndingWith(
                            "more than the ceiling of 20.0 GB. Ask for fewer rows, or raise the ceiling with "
                                    + "-Dparity.data.maxBytes=<bytes> if the database's disk holds that much.");
            assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
        }

        @Test
        void aLoadTheDatabasesDiskCannotHoldIsRefusedBeforeAnyRow() throws SQLException {
            Optional<FreeDisk> disk = database.freeDisk();
            assertThat(disk)
                    .as("the server's data directory and its container's df")
                    .hasValueSatisfying(
                            free -> {
                                assertThat(free.directory())
                                        .startsWith(
                                                engine == DataEngine.POSTGRES
                                                        ? "/var/lib/postgresql"
                                                        : "/var/lib/mysql");
                                assertThat(free.bytes()).isPositive();
                            });

            DataSource dataSource = freshCopy();
            // that disk, as if 1 MB were left on it
            Supplier<Optional<FreeDisk>> almostFull =
                    () -> database.freeDisk().map(free -> new FreeDisk(free.directory(), 1 << 20));
            assertThatThrownBy(
                            () ->
                                    DatasetLoader.load(
                                            engine.engine(),
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", 2_000_000)
                                                            .withOrigin(line(3))),
                                            1,
                                            1,
                                            progress -> {},
                                            almostFull))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith("parity.yml, line 3: the datasets would write about ")
                    .hasMessageContaining(
                            "more than the 1.0 MB free on the database's disk ("
                                    + disk.orElseThrow().directory()
                                    + " in its container)");
            assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
        }

        @Test
        void unknownTableIsNamedWithItsOriginAndTheNearestName() throws SQLException {
            DataSource dataSource = freshCopy();
            String schema = schemaOf(dataSource);
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("custmers", 10)
                                                            .withOrigin(line(3))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "parity.yml, line 3: there is no table 'custmers' in schema "
                                    + schema
                                    + ". Did you mean 'customers'? Name one of "
                                    + "its tables: customers, employees, follows, measurements, order_lines, orders, shipments.");
        }

        @Test
        void unknownColumnIsNamedWithItsOriginAndTheNearestName() {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", 10)
                                                            .withOrigin(line(5))
                                                            .withColumn(
                                                                    "emial",
                                                                    ColumnRule.expression(
                                                                            "#{Internet.emailAddress}"))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith(
                            "parity.yml, line 5: table 'customers' has no column 'emial'. Did you mean 'email'? Its columns are: id, email,");
        }

        @Test
        void aRefToNothingIsReported() {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("orders", 10)
                                                            .withOrigin(line(14))
                                                            .withColumn(
                                                                    "customer_id",
                                                                    ColumnRule.ref(
                                                                            "custmers.id",
                                                                            Skew.ZIPF))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "parity.yml, line 14: column 'customer_id' has ref 'custmers.id', but there is no table 'custmers'. "
                                    + "Did you mean 'customers'? Name an existing table, as table.column.");
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("orders", 10)
                                                            .withOrigin(line(14))
                                                            .withColumn(
                                                                    "customer_id",
                                                                    ColumnRule.ref(
                                                                            "customers.idd",
                                                                            Skew.UNIFORM))),
                                            1,
                                            1))
                    .hasMessageStartingWith(
                            "parity.yml, line 14: column 'customer_id' has ref 'customers.idd', but table 'customers' has no "
                                    + "column 'idd'. Did you mean 'id'?");
        }

        @Test
        void negativeRowsAreReported() {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", -1)
                                                            .withOrigin(line(4))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "parity.yml, line 4: rows is -1 for table 'customers'. Use 0 or more rows.");
        }

        @Test
        void anExpressionDatafakerRejectsIsReportedWithTheNearestMethod() throws SQLException {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", 10)
                                                            .withOrigin(line(6))
                                                            .withColumn(
                                                                    "email",
                                                                    ColumnRule.expression(
                                                                            "#{Internet.emailAdress}"))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "parity.yml, line 6: column 'email': Datafaker cannot resolve the expression '#{Internet.emailAdress}': Internet has "
                                    + "no method 'emailAdress'. Did you mean '#{Internet.emailAddress}'? Expressions look like #{Provider.method}, e.g. "
                                    + "#{Internet.emailAddress} or #{Name.fullName}; fix the expression or use a value list.");
            assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
        }

        @Test
        void everyProblemIsReportedAtOnceAndNothingIsLoaded() throws SQLException {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("customers", 10)
                                                            .withOrigin(line(3)),
                                                    DatasetSpec.of("orderz", 10)
                                                            .withOrigin(line(8)),
                                                    DatasetSpec.of("employees", -5)
                                                            .withOrigin(line(11))),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessageStartingWith(
                            "parity.yml has 2 problems:\n  - line 8: there is no table 'orderz'")
                    .hasMessageContaining("\n  - line 11: rows is -5 for table 'employees'.");
            assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
        }

        @Test
        void aCheckWithAnOrIsMetBySeveralWaysRowByRow() throws SQLException {
            DataSource dataSource = freshCopy();
            load(dataSource, List.of(DatasetSpec.of("employees", 2000).withOrigin(line(9))), 1, 2);
            assertThat(query(dataSource, "select count(*) from employees")).isEqualTo("2000");
            // left_on IS NULL OR left_on > hired_on: both ways taken, as often as the NULL mess
            // says for the first
            assertThat(
                            Long.parseLong(
                                    query(
                                            dataSource,
                                            "select count(*) from employees where left_on is null")))
                    .isBetween(20L, 400L);
            assertThat(
                            Long.parseLong(
                                    query(
                                            dataSource,
                                            "select count(*) from employees where left_on > hired_on")))
                    .isGreaterThan(1500);
            assertThat(
                            query(
                                    dataSource,
                                    "select count(*) from employees where left_on <= hired_on"))
                    .isEqualTo("0");
        }

        @Test
        void aNotNullReferenceToAnEmptyTableIsReportedWhenParentsDoNotFollow() {
            DataSource dataSource = freshCopy();
            assertThatThrownBy(
                            () ->
                                    load(
                                            dataSource,
                                            List.of(
                                                    DatasetSpec.of("orders", 10)
                                                            .withOrigin(line(12))
                                                            .withFollowParents(false)),
                                            1,
                                            1))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "parity.yml, line 12: table 'orders' references customers (customer_id → id), which has no rows, and those columns "
                                    + "are NOT NULL. Add a dataset for customers with rows above 0, or insert its rows in an init script.");
        }
    }
}
