package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.database.Databases;
import dev.parity.database.RunningDatabase;
import dev.parity.profile.DatabaseEngine;
import dev.parity.profile.DatabaseSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.postgresql.ds.PGSimpleDataSource;

/** The dataset engine against a real PostgreSQL 15: every test loads into its own copy of the empty schema. */
// Checksums render timestamptz in the session's zone, which the driver takes from the JVM: read-lock it.
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
class DatasetLoaderIntegrationTest {

    private static final String EMPTY = "datasets_empty";
    private static final AtomicInteger COPIES = new AtomicInteger();

    private static RunningDatabase database;
    private static TemplateDatabases server;

    @BeforeAll
    static void startDatabase() {
        database = Databases.start(new DatabaseSpec(DatabaseEngine.POSTGRES, "postgres:15", "test", "test", "test",
                List.of("db/datasets.sql"), Map.of(), null), DatasetLoaderIntegrationTest.class.getClassLoader(), "datasets-test");
        server = TemplateDatabases.on(database.jdbcUrl(), database.username(), database.password());
        server.snapshot("test", EMPTY);
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    /** A fresh database with the schema and no rows. */
    private static DataSource freshCopy() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.cloneOf(EMPTY, "copy_" + COPIES.incrementAndGet()));
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static double fraction(DataSource dataSource, String table, String condition) throws SQLException {
        return Double.parseDouble(query(dataSource, "select avg(case when " + condition + " then 1.0 else 0.0 end) from " + table));
    }

    private static List<DatasetSpec> everyTable(int customers) {
        return List.of(
                DatasetSpec.of("customers", customers).withOrigin("parity.yml, line 3")
                        .withColumn("country", ColumnRule.values(List.of("BR", "DE", "IN", "US"), List.of(5.0, 2.0, 2.0, 1.0))),
                DatasetSpec.of("employees", 300).withOrigin("parity.yml, line 9")
                        .withColumn("left_on", ColumnRule.nullValue()),
                DatasetSpec.of("orders", 6000).withOrigin("parity.yml, line 12")
                        .withColumn("customer_id", ColumnRule.ref("customers.id", Skew.ZIPF)),
                DatasetSpec.of("order_lines", 9000),
                DatasetSpec.of("shipments", 3000),
                DatasetSpec.of("follows", 4000),
                DatasetSpec.of("measurements", 2000));
    }

    @Test
    void fillsASchemaWithManyConstraintKinds() throws SQLException {
        DataSource dataSource = freshCopy();
        LoadReport report = DatasetLoader.load(dataSource, everyTable(3000), 42, 2);

        assertThat(report.rows()).isEqualTo(3000 + 300 + 6000 + 9000 + 3000 + 4000 + 2000);
        assertThat(report.tables()).extracting(LoadReport.TableLoad::table).containsExactly(
                "customers", "employees", "orders", "order_lines", "shipments", "follows", "measurements");
        assertThat(query(dataSource, "select count(*) from order_lines")).isEqualTo("9000");
        assertThat(query(dataSource, "select count(*) from follows")).isEqualTo("4000");
        // every value a CHECK allows, every enum a label, every self-reference to an earlier row
        assertThat(query(dataSource, "select count(*) from customers where status not in ('new', 'active', 'closed')")).isEqualTo("0");
        assertThat(query(dataSource, "select count(distinct status) from customers")).isEqualTo("3");
        assertThat(query(dataSource, "select count(*) from customers where char_length(code) < 3")).isEqualTo("0");
        assertThat(query(dataSource, "select count(*) from employees where manager_id >= id")).isEqualTo("0");
        assertThat(query(dataSource, "select count(*) from employees where manager_id is null")).isNotEqualTo("0");
        assertThat(query(dataSource, "select count(distinct mood) from customers")).isEqualTo("3");
        assertThat(query(dataSource, "select count(*) from customers where array_length(tags, 1) > 0")).isNotEqualTo("0");
        assertThat(query(dataSource, "select count(*) from customers where profile ? 'tag'")).isNotEqualTo("0");
        // the value list and its weights: BR about half
        assertThat(fraction(dataSource, "customers", "country = 'BR'")).isBetween(0.45, 0.55);
        // zipf: the first customer owns far more than an equal share (2 of 6000 orders)
        assertThat(Integer.parseInt(query(dataSource, "select count(*) from orders where customer_id = 1"))).isGreaterThan(200);
        // sequences moved past the loaded rows: the application can still insert
        assertThat(query(dataSource, "insert into customers (email, country, status) values ('new@example.com', 'DE', 'new') returning id"))
                .isEqualTo("3001");
        assertThat(query(dataSource, "insert into employees (name, hired_on) values ('Ada', '2020-01-01') returning id")).isEqualTo("301");
        // loaded tables are analyzed, so plans are production's
        assertThat(query(dataSource, "select reltuples::bigint from pg_class where relname = 'order_lines'")).isEqualTo("9000");
    }

    @Test
    void messIsMeasurablyThere() throws SQLException {
        int rows = 20_000;
        double knob = 0.1;
        double tolerance = 0.015;
        DataSource nulls = load(rows, Mess.none().withNulls(knob));
        assertThat(fraction(nulls, "customers", "full_name is null")).isBetween(knob - tolerance, knob + tolerance);
        assertThat(query(nulls, "select count(*) from customers where email is null or status is null")).isEqualTo("0");

        DataSource unicode = load(rows, Mess.none().withUnicode(knob));
        assertThat(fraction(unicode, "customers", "notes ~ '[^\\x01-\\x7f]'")).isBetween(knob - tolerance, knob + tolerance);
        assertThat(query(unicode, "select count(*) from customers where notes ~ '[\\u0590-\\u05ff\\u0600-\\u06ff]'")).isNotEqualTo("0");

        DataSource whitespace = load(rows, Mess.none().withWhitespace(knob));
        assertThat(fraction(whitespace, "customers", "notes ~ '^\\s|\\s$'")).isBetween(knob - tolerance, knob + tolerance);

        DataSource duplicates = load(rows, Mess.none().withDuplicates(knob));
        double distinct = Double.parseDouble(query(duplicates, "select count(distinct created_at)::float / count(*) from customers"));
        assertThat(1 - distinct).isBetween(knob - tolerance, knob + tolerance);

        DataSource extremes = load(rows, Mess.none().withExtremes(knob));
        assertThat(fraction(extremes, "customers", "balance in (-5000, 1000000, 0, 0.01, -0.01)")).isBetween(knob - tolerance, knob + tolerance);
        assertThat(query(extremes, "select max(char_length(first_name)) from customers")).isEqualTo("20");
        assertThat(query(extremes, "select count(*) from customers where created_at < '1000-01-01'")).isNotEqualTo("0");

        DataSource clean = load(rows, Mess.none());
        assertThat(query(clean, "select count(*) from customers where full_name is null or notes ~ '[^\\x01-\\x7f]' or notes ~ '^\\s|\\s$'"))
                .isEqualTo("0");
    }

    private static DataSource load(int rows, Mess mess) {
        DataSource dataSource = freshCopy();
        DatasetLoader.load(dataSource, List.of(DatasetSpec.of("customers", rows).withMess(mess)), 7, 2);
        return dataSource;
    }

    @Test
    void sameSeedSameRowsWhateverTheThreadCount() throws SQLException {
        String checksum = "select md5(string_agg(t::text, ',' order by id)) from %s t";
        DataSource one = freshCopy();
        DatasetLoader.load(one, everyTable(20_000), 42, 1);
        DataSource two = freshCopy();
        DatasetLoader.load(two, everyTable(20_000), 42, 2);
        DataSource other = freshCopy();
        DatasetLoader.load(other, everyTable(20_000), 43, 2);

        for (String table : List.of("customers", "orders", "employees")) {
            assertThat(query(two, checksum.formatted(table))).as(table).isEqualTo(query(one, checksum.formatted(table)));
            assertThat(query(other, checksum.formatted(table))).as(table).isNotEqualTo(query(one, checksum.formatted(table)));
        }
        String lines = "select md5(string_agg(t::text, ',' order by order_id, line_no)) from order_lines t";
        assertThat(query(two, lines)).isEqualTo(query(one, lines));
    }

    @Test
    void aFreshCopyIsCheapAndIndependent() throws SQLException {
        DataSource loaded = freshCopy();
        DatasetLoader.load(loaded, List.of(DatasetSpec.of("customers", 5000)), 1, 2);
        String loadedName = query(loaded, "select current_database()");
        server.snapshot(loadedName, loadedName + "_snapshot");
        DataSource copy = new PGSimpleDataSource();
        ((PGSimpleDataSource) copy).setURL(server.cloneOf(loadedName + "_snapshot", loadedName + "_class_a"));
        ((PGSimpleDataSource) copy).setUser(database.username());
        ((PGSimpleDataSource) copy).setPassword(database.password());

        assertThat(query(copy, "select count(*) from customers")).isEqualTo("5000");
        query(copy, "with gone as (delete from customers returning 1) select count(*) from gone");
        assertThat(query(copy, "select count(*) from customers")).isEqualTo("0");
        assertThat(query(loaded, "select count(*) from customers")).isEqualTo("5000");
        server.drop(loadedName + "_class_a");
    }

    @Test
    void unknownTableIsNamedWithItsOriginAndTheNearestName() throws SQLException {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("custmers", 10).withOrigin("parity.yml, line 3")), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessage("parity.yml, line 3: there is no table 'custmers' in schema public. Did you mean 'customers'? Name one of its tables: "
                        + "customers, employees, follows, measurements, order_lines, orders, shipments.");
    }

    @Test
    void unknownColumnIsNamedWithItsOriginAndTheNearestName() {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("customers", 10).withOrigin("parity.yml, line 5")
                .withColumn("emial", ColumnRule.expression("#{Internet.emailAddress}"))), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("parity.yml, line 5: table 'customers' has no column 'emial'. Did you mean 'email'? Its columns are: id, email,");
    }

    @Test
    void aRefToNothingIsReported() {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("orders", 10).withOrigin("parity.yml, line 14")
                .withColumn("customer_id", ColumnRule.ref("custmers.id", Skew.ZIPF))), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessage("parity.yml, line 14: column 'customer_id' has ref 'custmers.id', but there is no table 'custmers'. "
                        + "Did you mean 'customers'? Name an existing table, as table.column.");
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("orders", 10).withOrigin("parity.yml, line 14")
                .withColumn("customer_id", ColumnRule.ref("customers.idd", Skew.UNIFORM))), 1, 1))
                .hasMessageStartingWith("parity.yml, line 14: column 'customer_id' has ref 'customers.idd', but table 'customers' has no column 'idd'. "
                        + "Did you mean 'id'?");
    }

    @Test
    void negativeRowsAreReported() {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("customers", -1).withOrigin("parity.yml, line 4")), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessage("parity.yml, line 4: rows is -1 for table 'customers'. Use 0 or more rows.");
    }

    @Test
    void anExpressionDatafakerRejectsIsReportedWithTheNearestMethod() throws SQLException {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("customers", 10).withOrigin("parity.yml, line 6")
                .withColumn("email", ColumnRule.expression("#{Internet.emailAdress}"))), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessage("parity.yml, line 6: column 'email': Datafaker cannot resolve the expression '#{Internet.emailAdress}': Internet has no "
                        + "method 'emailAdress'. Did you mean '#{Internet.emailAddress}'?. Expressions look like #{Provider.method}, e.g. "
                        + "#{Internet.emailAddress} or #{Name.fullName}. Fix the expression or use a value list.");
        assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsLoaded() throws SQLException {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(
                DatasetSpec.of("customers", 10).withOrigin("parity.yml, line 3"),
                DatasetSpec.of("orderz", 10).withOrigin("parity.yml, line 8"),
                DatasetSpec.of("employees", -5).withOrigin("parity.yml, line 11")), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("2 problems with the datasets:\n  - parity.yml, line 8: there is no table 'orderz'")
                .hasMessageContaining("\n  - parity.yml, line 11: rows is -5 for table 'employees'.");
        assertThat(query(dataSource, "select count(*) from customers")).isEqualTo("0");
    }

    @Test
    void aCheckParityCannotReadIsTestedOnASampleBeforeLoading() throws SQLException {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("employees", 100).withOrigin("parity.yml, line 9")), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("parity.yml, line 9: table 'employees' has the CHECK constraint employees_check "
                        + "(CHECK (((left_on IS NULL) OR (left_on > hired_on)))), which Parity cannot read, and ")
                .hasMessageEndingWith("Give its columns (left_on, hired_on) rules under columns (values, or an expression) whose values satisfy it.");
        assertThat(query(dataSource, "select count(*) from employees")).isEqualTo("0");
    }

    @Test
    void aNotNullReferenceToAnEmptyTableIsReported() {
        DataSource dataSource = freshCopy();
        assertThatThrownBy(() -> DatasetLoader.load(dataSource, List.of(DatasetSpec.of("orders", 10).withOrigin("parity.yml, line 12")), 1, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessage("parity.yml, line 12: table 'orders' references customers (customer_id → id), which has no rows, and those columns are "
                        + "NOT NULL. Add a dataset for customers with rows above 0, or insert its rows in an init script.");
    }
}
