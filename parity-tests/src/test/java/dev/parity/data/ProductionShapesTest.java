package dev.parity.data;

import static dev.parity.data.DatasetLoaderIntegrationTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import dev.parity.testing.EmptySchema;
import dev.parity.testing.NeedsDocker;
import java.sql.SQLException;
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
 * Row counts only, on the shapes production schemas designed by someone else have ({@code db/shapes}): a CHECK
 * that is a boolean combination over four columns, CHECKs that call the schema's own function, a NOT NULL
 * foreign-key cycle, a composite key of a foreign key and an enum, a discriminated union of nullable foreign
 * keys, a count a trigger keeps. Each loads on both engines with every constraint holding, the mess varied.
 */
@NeedsDocker
@ResourceLock(value = Resources.TIME_ZONE, mode = ResourceAccessMode.READ)
class ProductionShapesTest {

    private static List<DatasetSpec> shapes() {
        return List.of(
                DatasetSpec.of("artist", 3000),
                DatasetSpec.of("store", 200),
                DatasetSpec.of("staff", 1000),
                DatasetSpec.of("grant_entry", 6000),
                DatasetSpec.of("moderation", 3000));
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Shapes {

        private final Engine engine;
        private final String script;
        private EmptySchema schema;
        DataSource data;

        /** A condition: {@code column} holds a character beyond ASCII. */
        abstract String nonAscii(String column);

        Shapes(String engine, String script) {
            this.engine = Engines.byId(engine).orElseThrow();
            this.script = script;
        }

        @BeforeAll
        void load() {
            schema = EmptySchema.start(engine, List.of(script), "shapes-" + engine.id());
            data = schema.freshCopy();
            DatasetLoader.load(engine, data, shapes(), 42, 2, progress -> {});
        }

        @AfterAll
        void stop() {
            if (schema != null) {
                schema.close();
            }
        }

        @Test
        void everyTableIsFilled() throws SQLException {
            assertThat(query(data, "select count(*) from artist")).isEqualTo("3000");
            assertThat(query(data, "select count(*) from store")).isEqualTo("200");
            assertThat(query(data, "select count(*) from staff")).isEqualTo("1000");
            assertThat(query(data, "select count(*) from grant_entry")).isEqualTo("6000");
            assertThat(query(data, "select count(*) from moderation")).isEqualTo("3000");
        }

        @Test
        void aCheckOverFourColumnsIsMetBothWays() throws SQLException {
            // ended, or no end at all: both ways are taken, and an ended artist has end dates too
            assertThat(Long.parseLong(query(data, "select count(*) from artist where not ended")))
                    .isGreaterThan(300);
            assertThat(
                            Long.parseLong(
                                    query(
                                            data,
                                            "select count(*) from artist where ended and end_year is not null")))
                    .isGreaterThan(300);
            assertThat(
                            query(
                                    data,
                                    "select count(*) from artist where not ended and (end_year is not null or end_month is not null or end_day is not null)"))
                    .isEqualTo("0");
            // upper(kind) IN (...): the listed values, NULLs too
            assertThat(Long.parseLong(query(data, "select count(distinct kind) from artist")))
                    .isEqualTo(3);
        }

        @Test
        void theMessStaysWhereNoConstraintForbidsIt() throws SQLException {
            // names may not be padded: no padding in them, yet unicode and duplicates are there
            assertThat(
                            Long.parseLong(
                                    query(
                                            data,
                                            "select count(*) from artist where name like ' %' or name like '% '")))
                    .isZero();
            assertThat(
                            Long.parseLong(
                                    query(
                                            data,
                                            "select count(*) from artist where "
                                                    + nonAscii("name"))))
                    .isPositive();
            assertThat(
                            Long.parseLong(
                                    query(
                                            data,
                                            "select count(*) from artist where born_on is null")))
                    .isPositive();
        }

        @Test
        void aNotNullCycleLoadsAndEveryReferenceResolves() throws SQLException {
            assertThat(
                            query(
                                    data,
                                    "select count(*) from store s left join staff m on m.id = s.manager_id where m.id is null"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    data,
                                    "select count(*) from staff s left join store t on t.id = s.store_id where t.id is null"))
                    .isEqualTo("0");
        }

        @Test
        void aKeyOfAForeignKeyAndAnEnumCountsThroughItsCombinations() throws SQLException {
            assertThat(query(data, "select count(distinct permission) from grant_entry"))
                    .isEqualTo("2"); // 6000 rows over 3000 artists
            assertThat(
                            Long.parseLong(
                                    query(
                                            data,
                                            "select count(distinct entity_id) from grant_entry")))
                    .isEqualTo(3000);
        }

        @Test
        void aDiscriminatedUnionSetsWhatEachKindAsks() throws SQLException {
            assertThat(query(data, "select count(distinct kind) from moderation")).isEqualTo("3");
            assertThat(
                            query(
                                    data,
                                    "select count(*) from moderation where kind = 'purge' and (artist_id is not null or store_id is not null)"))
                    .isEqualTo("0");
            assertThat(
                            query(
                                    data,
                                    "select count(*) from moderation where kind = 'ban' and (artist_id is null or staff_id is null)"))
                    .isEqualTo("0");
        }
    }

    @Nested
    class OnPostgres extends Shapes {

        OnPostgres() {
            super("postgres", "db/shapes/postgres.sql");
        }

        @Override
        String nonAscii(String column) {
            return column + " ~ '[^ -~]'";
        }

        @Test
        void aCountTheTriggersKeepStartsAtItsDefaultAndCountsTheRows() throws SQLException {
            assertThat(query(data, "select sum(staff_count) from store")).isEqualTo("1000");
            assertThat(
                            query(
                                    data,
                                    "select count(*) from store s where staff_count <> (select count(*) from staff t where t.store_id = s.id)"))
                    .isEqualTo("0");
        }
    }

    @Nested
    class OnMariaDb extends Shapes {

        OnMariaDb() {
            super("mariadb", "db/shapes/mariadb.sql");
        }

        @Override
        String nonAscii(String column) {
            return column + " rlike '[^ -~]'";
        }
    }
}
