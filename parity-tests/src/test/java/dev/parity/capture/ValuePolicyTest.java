package dev.parity.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.CatalogStatistics.ColumnStatistics;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which values a captured profile may hold, and what a withheld column keeps. */
class ValuePolicyTest {

    private static final ColumnInfo STATUS =
            new ColumnInfo("status", ColumnType.text("text", -1), false, null, false, false);
    private static final ColumnInfo AMOUNT =
            new ColumnInfo(
                    "amount",
                    ColumnType.decimal("numeric(12,2)", 12, 2),
                    false,
                    null,
                    false,
                    false);
    private static final ColumnInfo BIRTH =
            new ColumnInfo(
                    "dateOfBirth",
                    ColumnType.of(ColumnType.Kind.DATE, "date"),
                    true,
                    null,
                    false,
                    false);
    private static final TableInfo ORDERS =
            new TableInfo(
                    "public",
                    "orders",
                    "public.orders",
                    List.of(STATUS, AMOUNT, BIRTH),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());

    @Test
    void textAndPersonalNumbersAreWithheldUnlessAllowed() {
        ValuePolicy byDefault = new ValuePolicy(List.of());
        assertThat(byDefault.withheld(ORDERS, STATUS)).isTrue();
        assertThat(byDefault.withheld(ORDERS, AMOUNT)).isFalse();
        assertThat(byDefault.withheld(ORDERS, BIRTH)).isTrue();
        ValuePolicy allowing =
                new ValuePolicy(List.of("Orders.STATUS", "public.orders.dateOfBirth"));
        assertThat(allowing.withheld(ORDERS, STATUS)).isFalse();
        assertThat(allowing.withheld(ORDERS, BIRTH)).isFalse();
        assertThat(List.of("birth_date", "dateOfBirth", "salary_eur", "home_phone", "zip", "lat"))
                .allMatch(ValuePolicy::personal);
        assertThat(List.of("amount", "placed_on", "birthplace_id", "quantity", "stage"))
                .noneMatch(ValuePolicy::personal);
    }

    @Test
    void aWithheldColumnKeepsItsFrequenciesOnly() {
        ColumnStatistics stats =
                new ColumnStatistics(
                        0.1,
                        3.0,
                        List.of("alice@example.com", "bob@example.com"),
                        List.of(0.5, 0.2),
                        List.of("a", "m", "z"),
                        17.0,
                        0.5);
        assertThat(CatalogCapture.rule(STATUS, stats, true))
                .isEqualTo(
                        new dev.parity.data.ColumnRule.Stats(
                                null,
                                3.0,
                                java.util.Map.of(),
                                List.of(0.5, 0.2),
                                List.of(),
                                17.0,
                                0.5));
        // an allowed text keeps its values, not its histogram: other texts are generated
        assertThat(CatalogCapture.rule(STATUS, stats, false).mcv())
                .containsOnlyKeys("alice@example.com", "bob@example.com");
        assertThat(CatalogCapture.rule(STATUS, stats, false).histogram()).isEmpty();
        // a number's histogram is kept, unless a bound is none Parity reads (NaN, infinity)
        ColumnStatistics amounts =
                new ColumnStatistics(
                        0,
                        -0.5,
                        List.of(),
                        List.of(),
                        List.of("1.00", "20.50", "3000.00"),
                        6.0,
                        0.0);
        assertThat(CatalogCapture.rule(AMOUNT, amounts, false).histogram())
                .containsExactly("1.00", "20.50", "3000.00");
        ColumnStatistics infinite =
                new ColumnStatistics(
                        0, -0.5, List.of(), List.of(), List.of("1.00", "NaN"), 6.0, 0.0);
        assertThat(CatalogCapture.rule(AMOUNT, infinite, false).histogram()).isEmpty();
    }
}
