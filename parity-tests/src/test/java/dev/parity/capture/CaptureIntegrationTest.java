package dev.parity.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.data.DatasetLoader;
import dev.parity.data.DatasetSpec;
import dev.parity.database.RunningDatabase;
import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.engine.support.JdbcUrls;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The round trip: a source table with known skew, analyzed; the capture reads its catalog into a profile; the
 * profile's datasets fill an empty copy; the generated data's null fractions, distinct counts and top
 * frequencies are within {@link #FRACTION} (absolute) and {@link #DISTINCT} (relative) of the source's, and the histogram's
 * quantiles within 5 %.
 */
// the loader and the drivers read timestamps in the JVM's zone
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@NeedsDocker
class CaptureIntegrationTest {

    /** How far a generated fraction (NULLs, a top value's share) may be from the source's, absolute; measured: 0.0001 at most. */
    static final double FRACTION = 0.005;

    /**
     * How far a generated distinct count may be from the source's, relative; measured: 2.5 % at most (placed_on, whose
     * weekly buckets hold few days), the others within 1 %.
     */
    static final double DISTINCT = 0.05;

    static final int ROWS = 30_000;
    static final String PASSWORD_VARIABLE = "CAPTURE_TEST_PASSWORD";

    @TempDir static Path files;

    static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static List<Double> column(DataSource dataSource, String sql) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getDouble(1));
            }
        }
        return values;
    }

    static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        }
    }

    /** What the suite measures of a column, on the source and on the generated data alike. */
    record Shape(double nulls, long distinct, List<Double> top) {

        static Shape of(DataSource dataSource, String column, int top) throws SQLException {
            double nulls =
                    Double.parseDouble(
                            query(
                                    dataSource,
                                    "select avg(case when "
                                            + column
                                            + " is null then 1.0 else 0.0 end) from orders"));
            long distinct =
                    Long.parseLong(
                            query(dataSource, "select count(distinct " + column + ") from orders"));
            List<Double> frequencies =
                    column(
                            dataSource,
                            "select count(*) * 1.0 / (select count(*) from orders) from orders where "
                                    + column
                                    + " is not null group by "
                                    + column
                                    + " order by 1 desc limit "
                                    + top);
            return new Shape(nulls, distinct, frequencies);
        }

        void assertNear(Shape source, String column) {
            assertThat(nulls)
                    .as(column + ": NULL fraction")
                    .isCloseTo(source.nulls, within(FRACTION));
            assertThat((double) distinct)
                    .as(column + ": distinct values")
                    .isCloseTo(source.distinct, within(Math.max(1, source.distinct * DISTINCT)));
            for (int i = 0; i < source.top.size(); i++) {
                assertThat(top.get(i))
                        .as(column + ": frequency of the value ranked " + (i + 1))
                        .isCloseTo(source.top.get(i), within(FRACTION));
            }
        }
    }

    /** The capture's exit code, what it printed and what it wrote. */
    record Captured(int exit, String out, String err, String yaml, Path file) {

        static Captured run(Map<String, String> environment, String... args) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit =
                    Capture.run(
                            args,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            environment);
            Path file = Path.of(args[List.of(args).indexOf("--out") + 1]);
            return new Captured(
                    exit,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    Files.exists(file) ? Files.readString(file) : "",
                    file);
        }

        Profile profile() throws Exception {
            return new ProfileLoader(getClass().getClassLoader())
                    .load(new ProfileSource(file.getFileName().toString(), file.toUri().toURL()))
                    .profile("prod", "the capture test");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres {

        private final Engine engine = Engines.byId("postgres").orElseThrow();
        private EmptySchema schema;
        private DataSource source;
        private String sourceUrl;

        @BeforeAll
        void buildTheSource() throws SQLException {
            schema = EmptySchema.start(engine, List.of("db/capture.sql"), "capture-test");
            source = schema.freshCopy();
            // 60/20/10/5/5 % statuses, 30 % NULL coupons of 201 codes, log-uniform amounts, 5,000
            // e-mail addresses
            // a few times each, dates crowding towards 2020, small quantities most common, birth
            // dates nobody may see
            execute(
                    source,
                    "select setseed(0.42)",
                    """
                    insert into orders
                    select i,
                           case when r < 0.60 then 'shipped' when r < 0.80 then 'pending' when r < 0.90 then 'cancelled'
                                when r < 0.95 then 'returned' else 'lost' end,
                           case when random() < 0.3 then null else 'CPN' || floor(random() * 201)::int end,
                           round(exp(random() * 8)::numeric, 2),
                           'user' || floor(random() * 5000)::int || '@example.com',
                           date '2020-01-01' + floor(power(random(), 2) * 1500)::int,
                           case when random() < 0.1 then null else 1 + floor(power(random(), 3) * 50)::int end,
                           date '1950-01-01' + floor(random() * 20000)::int
                    from (select i, random() as r from generate_series(1, %d) i) s"""
                            .formatted(ROWS),
                    "analyze orders");
            RunningDatabase database = schema.database();
            sourceUrl =
                    JdbcUrls.withDatabase(
                            database.jdbcUrl(), query(source, "select current_database()"));
        }

        @AfterAll
        void stop() {
            if (schema != null) {
                schema.close();
            }
        }

        private Captured capture(String name, String... more) throws Exception {
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "--url",
                                    sourceUrl,
                                    "--user",
                                    schema.database().username(),
                                    "--password-env",
                                    PASSWORD_VARIABLE,
                                    "--profile",
                                    "prod",
                                    "--out",
                                    files.resolve(name).toString()));
            args.addAll(List.of(more));
            return Captured.run(
                    Map.of(PASSWORD_VARIABLE, schema.database().password()),
                    args.toArray(String[]::new));
        }

        @Test
        void roundTripComesWithinToleranceAndWritesNoSourceValue() throws Exception {
            Captured captured = capture("parity-prod.yml");

            assertThat(captured.exit()).as(captured.err()).isZero();
            Files.writeString(
                    Path.of("target", "captured-postgres.yml"),
                    captured.yaml()); // to read after a failure
            // no value of a text column, nor of the birth dates, by default: their frequencies only
            assertThat(captured.yaml())
                    .doesNotContain(
                            "shipped", "pending", "example.com", "CPN", "1950-", "1960-", "1970-")
                    .contains(
                            "mcv-withheld:",
                            "rows: 30000",
                            "server_version: \"15\"",
                            "image: \"postgres:15\"");
            assertThat(captured.out())
                    .contains(
                            "orders: 30,000 rows (production 30,000)",
                            "values withheld: status, coupon, email, birth_date",
                            "no row of any table was read");

            DataSource generated = schema.freshCopy();
            List<DatasetSpec> datasets = captured.profile().datasets();
            DatasetLoader.load(engine, generated, datasets, 42, 2, progress -> {});

            assertThat(query(generated, "select count(*) from orders"))
                    .isEqualTo(Integer.toString(ROWS));
            Shape.of(generated, "status", 5).assertNear(Shape.of(source, "status", 5), "status");
            Shape.of(generated, "coupon", 3).assertNear(Shape.of(source, "coupon", 3), "coupon");
            Shape.of(generated, "email", 1).assertNear(Shape.of(source, "email", 1), "email");
            Shape.of(generated, "amount", 1).assertNear(Shape.of(source, "amount", 1), "amount");
            Shape.of(generated, "placed_on", 3)
                    .assertNear(Shape.of(source, "placed_on", 3), "placed_on");
            Shape.of(generated, "quantity", 5)
                    .assertNear(Shape.of(source, "quantity", 5), "quantity");
            Shape.of(generated, "birth_date", 1)
                    .assertNear(Shape.of(source, "birth_date", 1), "birth_date");
            // the histogram's buckets: the median and the 90th percentile within 5 % of the
            // source's (measured: 0.8 % and 0.1 %)
            for (String quantile : List.of("0.5", "0.9")) {
                String sql =
                        "select percentile_cont("
                                + quantile
                                + ") within group (order by amount) from orders";
                double expected = Double.parseDouble(query(source, sql));
                assertThat(Double.parseDouble(query(generated, sql)))
                        .as("amount's " + quantile + " quantile")
                        .isCloseTo(expected, within(expected * 0.05));
            }
            // generated values stand in for the withheld ones: no source e-mail address, status or
            // coupon reached the data
            assertThat(
                            query(
                                    generated,
                                    "select count(*) from orders where email like '%@example.com' or status in ('shipped', 'pending') "
                                            + "or coupon like 'CPN%'"))
                    .isEqualTo("0");
        }

        @Test
        void allowedColumnsKeepTheirValues() throws Exception {
            Captured captured = capture("parity-allowed.yml", "--allow-values", "orders.status");

            assertThat(captured.exit()).as(captured.err()).isZero();
            assertThat(captured.yaml())
                    .contains("\"shipped\": 0.", "\"pending\": 0.", "\"lost\": 0.")
                    .doesNotContain("example.com", "CPN");
            DataSource generated = schema.freshCopy();
            DatasetLoader.load(
                    engine, generated, captured.profile().datasets(), 7, 2, progress -> {});
            for (String status : List.of("shipped", "pending", "cancelled", "returned", "lost")) {
                String share =
                        "select avg(case when status = '"
                                + status
                                + "' then 1.0 else 0.0 end) from orders";
                assertThat(Double.parseDouble(query(generated, share)))
                        .as(status)
                        .isCloseTo(Double.parseDouble(query(source, share)), within(FRACTION));
            }
        }

        @Test
        void scalesRowsAndReadsNoRow() throws Exception {
            String scans =
                    "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables where relname = 'orders'";
            long before = scans(scans);

            Captured captured = capture("parity-scaled.yml", "--scale", "0.01");

            assertThat(captured.exit()).as(captured.err()).isZero();
            assertThat(captured.yaml()).contains("rows: 300   # production: 30000");
            Thread.sleep(1500); // a closed session's statistics reach pg_stat_user_tables within a
            // second
            assertThat(scans(scans)).as("scans of orders during the capture").isEqualTo(before);
            // the measure sees a scan when there is one: a query on the rows shows up
            query(source, "select count(*) from orders where amount > 0");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (scans(scans) == before && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(scans(scans)).isGreaterThan(before);
        }

        private long scans(String sql) throws SQLException {
            try (Connection connection = source.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_stat_clear_snapshot()");
                try (ResultSet rows = statement.executeQuery(sql)) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    /**
     * MariaDB keeps no most common values as such: its JSON histogram (10.8 and later) gives a value more common than a
     * bucket's share a bucket of its own, with its frequency. NULL fractions, distinct counts and those frequencies make
     * the round trip.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMariaDb {

        private final Engine engine = Engines.byId("mariadb").orElseThrow();
        private EmptySchema schema;
        private DataSource source;
        private String sourceUrl;

        @BeforeAll
        void buildTheSource() throws SQLException {
            schema = EmptySchema.start(engine, List.of("db/mariadb/capture.sql"), "capture-maria");
            source = schema.freshCopy();
            // the same shapes as on PostgreSQL; each RAND(n) its own sequence, each read once per
            // row
            execute(
                    source,
                    """
                    insert into orders
                    select seq,
                           elt(1 + floor(rand(1) * 20), 'shipped', 'shipped', 'shipped', 'shipped', 'shipped', 'shipped', 'shipped', 'shipped',
                               'shipped', 'shipped', 'shipped', 'shipped', 'pending', 'pending', 'pending', 'pending', 'cancelled', 'cancelled',
                               'returned', 'lost'),
                           if(rand(2) < 0.3, null, concat('CPN', floor(rand(3) * 201))),
                           round(exp(rand(4) * 8), 2),
                           concat('user', floor(rand(5) * 5000), '@example.com'),
                           date '2020-01-01' + interval floor(pow(rand(6), 2) * 1500) day,
                           if(rand(7) < 0.1, null, 1 + floor(pow(rand(8), 3) * 50))
                    from seq_1_to_%d"""
                            .formatted(ROWS),
                    // JSON histograms: 11.x's default; 10.11 keeps binary ones unless told
                    // (production may be told too)
                    "set session histogram_type = 'JSON_HB'",
                    "analyze table orders persistent for all");
            sourceUrl =
                    JdbcUrls.withDatabase(
                            schema.database().jdbcUrl(), query(source, "select database()"));
        }

        @AfterAll
        void stop() {
            if (schema != null) {
                schema.close();
            }
        }

        @Test
        void roundTripKeepsNullsAndDistinctCounts() throws Exception {
            // root reads mysql.column_stats; a capture user needs SELECT on it
            Captured captured =
                    Captured.run(
                            Map.of(PASSWORD_VARIABLE, schema.database().password()),
                            "--url",
                            sourceUrl,
                            "--user",
                            "root",
                            "--password-env",
                            PASSWORD_VARIABLE,
                            "--out",
                            files.resolve("parity-maria.yml").toString());

            assertThat(captured.exit()).as(captured.err()).isZero();
            Files.writeString(Path.of("target", "captured-mariadb.yml"), captured.yaml());
            assertThat(captured.yaml())
                    .doesNotContain("shipped", "example.com", "CPN")
                    .contains(
                            "engine: mariadb",
                            "image: \"mariadb:10.11\"",
                            "rows: 30000",
                            "server_version: \"10.11\"");
            assertThat(captured.out())
                    .contains("orders: 30,000 rows (production 30,000), 6 columns with stats");

            DataSource generated = schema.freshCopy();
            DatasetLoader.load(
                    engine, generated, captured.profile().datasets(), 42, 2, progress -> {});

            assertThat(query(generated, "select count(*) from orders"))
                    .isEqualTo(Integer.toString(ROWS));
            for (String column : List.of("coupon", "amount", "email", "placed_on")) {
                Shape.of(generated, column, 0).assertNear(Shape.of(source, column, 0), column);
            }
            // values more common than a bucket's share have buckets of their own: their frequencies
            // make the trip too
            Shape.of(generated, "status", 5).assertNear(Shape.of(source, "status", 5), "status");
            Shape.of(generated, "quantity", 3)
                    .assertNear(Shape.of(source, "quantity", 3), "quantity");
        }
    }
}
