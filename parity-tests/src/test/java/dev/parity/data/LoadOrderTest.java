package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.TableInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order tables load in, and which foreign keys it cuts: only those on a real cycle, and NOT NULL ones only where the loader checks after the load. */
class LoadOrderTest {

    private static LoadOrder.Result order(
            boolean checkedAfterLoad, Map<String, TableInfo> schema, String... tables) {
        Map<DatasetSpec, TableInfo> byspec = new HashMap<>();
        List<DatasetSpec> specs =
                java.util.Arrays.stream(tables).map(t -> DatasetSpec.of(t, 10)).toList();
        specs.forEach(s -> byspec.put(s, schema.get(s.table())));
        return LoadOrder.of(specs, byspec, checkedAfterLoad);
    }

    private static List<String> names(LoadOrder.Result result) {
        return result.order().stream().map(DatasetSpec::table).toList();
    }

    @Test
    void parentsLoadBeforeChildrenWhateverTheOrderTheyAreNamedIn() {
        Map<String, TableInfo> schema =
                TestTables.schema(
                        TestTables.table("line").references("order_id", "orders", false),
                        TestTables.table("orders").references("customer_id", "customer", false),
                        TestTables.table("customer"));
        LoadOrder.Result result = order(false, schema, "line", "orders", "customer");
        assertThat(names(result)).containsExactly("customer", "orders", "line");
        assertThat(result.broken()).isEmpty();
        assertThat(result.deferred()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aNotNullCycleIsCutWhereTheLoaderChecksAfterTheLoadAndItsRowsAreCheckedByTheLoad() {
        Map<String, TableInfo> schema =
                TestTables.schema(
                        TestTables.table("store").references("manager_id", "staff", false),
                        TestTables.table("staff").references("store_id", "store", false));
        LoadOrder.Result result = order(true, schema, "store", "staff");
        assertThat(result.problems()).isEmpty();
        assertThat(result.deferred()).hasSize(1);
        assertThat(result.unchecked()).isEqualTo(result.deferred());
        assertThat(names(result)).containsExactlyInAnyOrder("store", "staff");
    }

    @Test
    void aNotNullCycleIsAProblemWhereTheDatabaseChecksEachRow() {
        Map<String, TableInfo> schema =
                TestTables.schema(
                        TestTables.table("store").references("manager_id", "staff", false),
                        TestTables.table("staff").references("store_id", "store", false));
        LoadOrder.Result result = order(false, schema, "store", "staff");
        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.what()).contains("NOT NULL foreign keys"));
    }

    @Test
    void aNullableKeyClosingACycleIsFilledInASecondPassAndNoOtherKeyIsCut() {
        // account → latest order (nullable) closes the cycle; the invoice's nullable key to account
        // is on no cycle and stays
        Map<String, TableInfo> schema =
                TestTables.schema(
                        TestTables.table("account").references("latest_order", "orders", true),
                        TestTables.table("orders").references("account_id", "account", false),
                        TestTables.table("invoice").references("account_id", "account", true));
        LoadOrder.Result result = order(true, schema, "invoice", "orders", "account");
        assertThat(result.broken())
                .extracting(TableInfo.ForeignKey::name)
                .containsExactly("account_latest_order_fkey");
        assertThat(result.deferred()).isEmpty();
        assertThat(names(result).indexOf("account")).isLessThan(names(result).indexOf("orders"));
        assertThat(names(result).indexOf("account")).isLessThan(names(result).indexOf("invoice"));
    }
}
