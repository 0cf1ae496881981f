package dev.parity.data;

import static dev.parity.data.TestTables.in;
import static dev.parity.data.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.TableInfo;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Empty parents nobody asked for get datasets of their own, sized by the tables that need them. */
class FollowedParentsTest {

    /** A rental shop: rental needs a customer and a copy of a film; language already has rows. */
    private static final Map<String, TableInfo> SHOP =
            TestTables.schema(
                    table("country"),
                    table("city").references("country_id", "country", false),
                    table("address").references("city_id", "city", false),
                    table("store").references("address_id", "address", false),
                    table("language"),
                    table("film")
                            .references("language_id", "language", false)
                            .references("original_language_id", "language", true),
                    table("customer")
                            .references("address_id", "address", false)
                            .references("store_id", "store", true),
                    in("public", "customer_details")
                            .key("customer_id")
                            .references("customer_id", "customer", false),
                    table("inventory").references("film_id", "film", false),
                    table("rental")
                            .references("customer_id", "customer", false)
                            .references("inventory_id", "inventory", false)
                            .references("staff_id", "staff", true),
                    table("staff"),
                    in("public", "friends")
                            .key("a", "b")
                            .references("a", "customer", false)
                            .references("b", "customer", false),
                    in("audit", "log").key("id").references("rental_id", "rental", false));

    private static final Set<String> WITH_ROWS = Set.of("language");

    private static FollowedParents.Result follow(DatasetSpec... specs) throws SQLException {
        return FollowedParents.follow(
                List.of(specs),
                SHOP,
                new SpecValidator(SHOP),
                table -> WITH_ROWS.contains(table.name()));
    }

    /** Each spec's table and rows, in order. */
    private static Map<String, Long> rows(FollowedParents.Result result) {
        Map<String, Long> rows = new LinkedHashMap<>();
        result.specs().forEach(s -> rows.put(s.table(), s.rows()));
        return rows;
    }

    @Test
    void parentsOfNotNullKeysFollowWithATenthOfTheRowsRecursively() throws SQLException {
        DatasetSpec rental = DatasetSpec.of("rental", 10_000).withMess(Mess.none()).withSeed(3);
        FollowedParents.Result result = follow(rental);

        // staff (a nullable key) stays empty, language has rows: neither is filled
        assertThat(rows(result))
                .containsExactly(
                        Map.entry("rental", 10_000L),
                        Map.entry("customer", 1000L),
                        Map.entry("inventory", 1000L),
                        Map.entry("address", 100L),
                        Map.entry("film", 100L),
                        Map.entry("city", 10L),
                        Map.entry("country", 1L));
        assertThat(result.neededBy())
                .containsExactly(
                        Map.entry(result.specs().get(1), "rental"),
                        Map.entry(result.specs().get(2), "rental"),
                        Map.entry(result.specs().get(3), "customer"),
                        Map.entry(result.specs().get(4), "inventory"),
                        Map.entry(result.specs().get(5), "address"),
                        Map.entry(result.specs().get(6), "city"));
        // a followed table takes the mess and seed of the dataset that needed it, and no rules
        assertThat(result.specs().get(1))
                .isEqualTo(DatasetSpec.of("customer", 1000).withMess(Mess.none()).withSeed(3));
    }

    @Test
    void aParentNeededTwiceTakesTheMostAndKeysOfReferencesGetEnoughParents() throws SQLException {
        FollowedParents.Result result =
                follow(
                        DatasetSpec.of("customer_details", 500),
                        DatasetSpec.of("friends", 2000),
                        DatasetSpec.of("audit.log", 30));
        // customer: 500 for the one-to-one details beats 200 (a tenth of friends) and 45 (friends'
        // pairs: 45² ≥ 2000)
        assertThat(rows(result))
                .containsEntry("customer", 500L)
                .containsEntry("address", 50L)
                .containsEntry("rental", 3L)
                .containsEntry("inventory", 1L);
        assertThat(result.neededBy().get(DatasetSpec.of("customer", 500)))
                .isEqualTo("customer_details");
        assertThat(rows(follow(DatasetSpec.of("friends", 2000)))).containsEntry("customer", 200L);
        assertThat(rows(follow(DatasetSpec.of("friends", 50))))
                .containsEntry("customer", 8L); // 8² = 64 pairs for 50 rows
    }

    @Test
    void tablesWithADatasetAreNotFollowedAndTheSwitchTurnsItOff() throws SQLException {
        FollowedParents.Result result =
                follow(
                        DatasetSpec.of("rental", 100),
                        DatasetSpec.of("customer", 0),
                        DatasetSpec.of("inventory", 7));
        assertThat(rows(result))
                .containsExactly(
                        Map.entry("rental", 100L),
                        Map.entry("customer", 0L),
                        Map.entry("inventory", 7L),
                        Map.entry("film", 1L));
        assertThat(rows(follow(DatasetSpec.of("rental", 100).withFollowParents(false))))
                .containsExactly(Map.entry("rental", 100L));
        assertThat(rows(follow(DatasetSpec.of("rental", 0))))
                .containsExactly(Map.entry("rental", 0L));
        assertThat(follow(DatasetSpec.of("rental", 0)).neededBy()).isEmpty();
    }
}
