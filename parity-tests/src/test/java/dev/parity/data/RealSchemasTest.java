package dev.parity.data;

import static dev.parity.data.DatasetLoaderIntegrationTest.fraction;
import static dev.parity.data.DatasetLoaderIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.testing.Checksums;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Zero rules on schemas as production PostgreSQL keeps them: each dataset names a table and a row count
 * only, and the load must pass every constraint the schema declares, carry the usual mess, and give the
 * same rows for the same seed. The schemas are under {@code db/real}, one family of features each.
 */
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@NeedsDocker
class RealSchemasTest {

    private static final Engine POSTGRES = Engines.byId("postgres").orElseThrow();

    private EmptySchema schema;

    @BeforeAll
    void startDatabase() {
        schema =
                EmptySchema.start(
                        POSTGRES,
                        List.of(
                                "db/real/box-office.sql",
                                "db/real/payments.sql",
                                "db/real/odd-types.sql",
                                "db/real/org.sql"),
                        "real-schemas-test");
    }

    @AfterAll
    void stopDatabase() {
        if (schema != null) {
            schema.close();
        }
    }

    private DataSource load(List<DatasetSpec> specs, long seed) {
        DataSource dataSource = schema.freshCopy();
        DatasetLoader.load(POSTGRES, dataSource, specs, seed, 2, progress -> {});
        return dataSource;
    }

    private static List<DatasetSpec> boxOffice() {
        return List.of(
                DatasetSpec.of("venue", 2000),
                DatasetSpec.of("performance", 6000),
                DatasetSpec.of("booking_line", 20_000),
                DatasetSpec.of("door_scan", 3000),
                DatasetSpec.of("ticket", 40_000));
    }

    @Test
    void domainsChecksTriggersAndIndexesOfABoxOffice() throws SQLException {
        DataSource data = load(boxOffice(), 42);

        assertThat(query(data, "select count(*) from venue")).isEqualTo("2000");
        assertThat(query(data, "select count(*) from booking_line")).isEqualTo("20000");
        // the domains' CHECKs, a domain over a domain, and the domain's NOT NULL
        assertThat(
                        query(
                                data,
                                "select count(*) from venue where opened not between 1901 and 2155 or seats not between 1 and 5000"
                                        + " or char_length(code) not between 3 and 12 or code is null"))
                .isEqualTo("0");
        assertThat(query(data, "select count(distinct rating) from venue")).isEqualTo("5");
        assertThat(query(data, "select string_agg(distinct tier, ',' order by tier) from venue"))
                .isEqualTo("basic,gold,silver");
        assertThat(query(data, "select count(*) from ticket")).isEqualTo("40000");
        // the trigger filled what it fills, the database computed its generated column
        assertThat(
                        query(
                                data,
                                "select count(*) from venue where search = to_tsvector('simple', name || ' ' || code)"))
                .isEqualTo("2000");
        assertThat(query(data, "select count(*) from venue where name_upper <> upper(name)"))
                .isEqualTo("0");
        assertThat(
                        query(
                                data,
                                "select count(*) from venue where located_at ~= point(char_length(name), char_length(email))"))
                .isEqualTo("2000");
        // CHECKs across columns hold, and were not met by making the columns equal or constant
        assertThat(query(data, "select count(distinct ends_at - starts_at) > 100 from performance"))
                .isEqualTo("t");
        assertThat(query(data, "select count(*) from performance where discount > 0"))
                .isNotEqualTo("0");
        assertThat(query(data, "select count(*) from booking_line where cancelled_on > booked_on"))
                .isNotEqualTo("0");
        // the composite key with a CHECK inside: 20,000 lines over 6,000 performances, numbered
        // from 1 in each
        assertThat(
                        query(
                                data,
                                "select min(n) || '-' || max(n) from (select count(*) n from booking_line group by performance_id) c"))
                .isEqualTo("3-4");
        assertThat(query(data, "select count(distinct line_no) from booking_line")).isEqualTo("4");
        assertThat(
                        query(
                                data,
                                "select count(*) from booking_line where line_no not between 1 and 50"))
                .isEqualTo("0");
        // the identity BY DEFAULT can still hand out keys to the application
        assertThat(
                        query(
                                data,
                                "insert into performance (venue_id, title, starts_at, ends_at, price) "
                                        + "values (1, 'Premiere', now(), now() + interval '2 hours', 10) returning performance_id"))
                .isEqualTo("6001");
        // mess where the schema allows it: a table without a primary key takes NULLs and duplicates
        assertThat(fraction(data, "door_scan", "gate is null")).isBetween(0.02, 0.09);

        assertThat(Checksums.of(load(boxOffice(), 42), "booking_line", "performance_id, line_no"))
                .isEqualTo(Checksums.of(data, "booking_line", "performance_id, line_no"));
        assertThat(Checksums.of(load(boxOffice(), 43), "venue", "venue_id"))
                .isNotEqualTo(Checksums.of(data, "venue", "venue_id"));
    }

    private static List<DatasetSpec> withLines(long lines) {
        return List.of(
                DatasetSpec.of("venue", 100),
                DatasetSpec.of("performance", 6000),
                DatasetSpec.of("booking_line", lines)
                        .withColumn("line_no", ColumnRule.between("1", "5")));
    }

    @Test
    void aBetweenRuleOnPartOfACompositeKeyCountsThroughItsRange() throws SQLException {
        DataSource data = load(withLines(30_000), 42);
        assertThat(
                        query(
                                data,
                                "select min(line_no) || '-' || max(line_no) || ' ' || count(distinct (performance_id, line_no)) from booking_line"))
                .isEqualTo("1-5 30000");
        assertThatThrownBy(() -> load(withLines(30_001), 42))
                .isInstanceOf(dev.parity.config.ProblemException.class)
                .hasMessageContaining(
                        "table 'booking_line' has the unique key (performance_id, line_no), which allows only 30000 distinct rows, "
                                + "fewer than the 30001 asked for");
    }

    private static List<DatasetSpec> payments() {
        return List.of(
                DatasetSpec.of("customer", 1000),
                DatasetSpec.of("payment", 30_000),
                DatasetSpec.of("region_event", 5000),
                DatasetSpec.of("visit", 5000),
                DatasetSpec.of("web_session", 3000),
                DatasetSpec.of("audit_log", 5000));
    }

    @Test
    void partitionedTablesFillEveryPartitionTheyHave() throws SQLException {
        DataSource data = load(payments(), 42);

        assertThat(query(data, "select count(*) from payment")).isEqualTo("30000");
        for (String partition :
                List.of(
                        "payment_2024_01",
                        "payment_2024_02",
                        "payment_2024_03",
                        "region_event_eu",
                        "region_event_us",
                        "visit_2023_h0",
                        "visit_2023_h1",
                        "visit_2024",
                        "web_session_0",
                        "web_session_2")) {
            assertThat(Integer.parseInt(query(data, "select count(*) from " + partition)))
                    .as(partition)
                    .isGreaterThan(100);
        }
        // the foreign keys, unique keys and CHECKs declared on the partitions only were met
        assertThat(
                        query(
                                data,
                                "select count(*) from payment p left join customer c using (customer_id) where c.customer_id is null"))
                .isEqualTo("0");
        assertThat(query(data, "select count(distinct payment_id) from payment"))
                .isEqualTo("30000");
        assertThat(query(data, "select count(*) from payment where amount < 0")).isEqualTo("0");
        assertThat(query(data, "select count(distinct region) from region_event")).isEqualTo("3");
        // a key that is its own partition key: every row found a partition, the low one full, the
        // rest in the high one
        assertThat(query(data, "select count(*) from audit_log_low")).isEqualTo("1999");
        assertThat(query(data, "select count(*) from audit_log_high")).isEqualTo("3001");
        // mess where the schema allows it
        assertThat(fraction(data, "region_event", "customer_id is null")).isBetween(0.02, 0.09);
        assertThat(fraction(data, "audit_log", "message is null")).isBetween(0.02, 0.09);

        assertThat(Checksums.of(load(payments(), 42), "payment", "payment_id"))
                .isEqualTo(Checksums.of(data, "payment", "payment_id"));
    }

    @Test
    void oddTypesAndArraysOfThem() throws SQLException {
        DataSource data = load(List.of(DatasetSpec.of("device", 3000)), 42);

        for (String column :
                List.of(
                        "handle",
                        "ip",
                        "network",
                        "mac",
                        "mac8",
                        "uptime",
                        "fee",
                        "flags",
                        "mask",
                        "manifest",
                        "labels",
                        "home",
                        "moods",
                        "ports",
                        "active",
                        "valid_days",
                        "prices",
                        "words",
                        "query",
                        "ips",
                        "homes",
                        "windows")) {
            assertThat(Integer.parseInt(query(data, "select count(" + column + ") from device")))
                    .as(column)
                    .isGreaterThan(2000);
        }
        assertThat(query(data, "select count(distinct lower(handle::text)) from device"))
                .isEqualTo("3000");
        // a type Parity cannot make (a geometric point) is left NULL where NULL is allowed
        assertThat(query(data, "select count(point_at) from device")).isEqualTo("0");
        assertThat(
                        query(
                                data,
                                "select count(*) from device where (home).city is not null and cardinality(homes) > 0"))
                .isNotEqualTo("0");
        assertThat(
                        query(
                                data,
                                "select count(*) from device where not isempty(active) and lower(active) < upper(active)"))
                .isNotEqualTo("0");
        assertThat(
                        query(
                                data,
                                "select count(*) from device where labels ? 'k1' or labels <> ''::hstore"))
                .isNotEqualTo("0");
        // the mess reaches these types too: NULLs, and their extremes (an empty range, an empty
        // hstore)
        assertThat(fraction(data, "device", "ip is null")).isBetween(0.02, 0.09);
        assertThat(query(data, "select count(*) from device where isempty(ports)"))
                .isNotEqualTo("0");
        assertThat(
                        Checksums.of(
                                load(List.of(DatasetSpec.of("device", 3000)), 42),
                                "device",
                                "device_id"))
                .isEqualTo(Checksums.of(data, "device", "device_id"));
    }

    private static List<DatasetSpec> org() {
        return List.of(
                DatasetSpec.of("hr.Department", 50),
                DatasetSpec.of("hr.employee", 1000),
                DatasetSpec.of("sales.account", 500),
                DatasetSpec.of("sales.Order", 4000));
    }

    @Test
    void severalSchemasMixedCaseNamesAndCycles() throws SQLException {
        DataSource data = load(org(), 42);

        assertThat(query(data, "select count(*) from hr.\"Department\"")).isEqualTo("50");
        assertThat(query(data, "select count(*) from sales.\"Order\"")).isEqualTo("4000");
        // the NOT NULL cycle through deferrable keys: every department has a head, every employee a
        // department
        assertThat(
                        query(
                                data,
                                "select count(*) from hr.\"Department\" d join hr.employee e on e.employee_id = d.head_id"))
                .isEqualTo("50");
        assertThat(query(data, "select count(distinct department_id) from hr.employee"))
                .isEqualTo("50");
        // the sequence behind a quoted column of a quoted table in another schema was moved past
        // the loaded rows
        assertThat(
                        query(
                                data,
                                "insert into hr.\"Department\" (\"Name\", head_id) values ('New', 1) returning \"DepartmentId\""))
                .isEqualTo("51");
        // the self-reference points at earlier rows, NULL now and then
        assertThat(fraction(data, "hr.employee", "mentor_id is null")).isBetween(0.02, 0.3);
        // the nullable back-reference is filled in a second pass
        assertThat(Integer.parseInt(query(data, "select count(latest_order) from sales.account")))
                .isGreaterThan(400);
        assertThat(
                        query(
                                data,
                                "select count(*) from sales.account a join sales.\"Order\" o on o.order_id = a.latest_order"))
                .isEqualTo(query(data, "select count(latest_order) from sales.account"));

        assertThat(Checksums.of(load(org(), 42), "hr.employee", "employee_id"))
                .isEqualTo(Checksums.of(data, "hr.employee", "employee_id"));
    }
}
