package dev.parity.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.TableInfo.Partitioning;
import dev.parity.engine.schema.TableInfo.Partitioning.Bound;
import dev.parity.engine.schema.TableInfo.Partitioning.Strategy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partition bounds as {@code pg_get_expr(relpartbound, oid)} prints them. */
class PostgresPartitionBoundsTest {

    @Test
    void rangesWithOpenEnds() {
        Partitioning partitioning =
                PostgresPartitionBounds.parse(
                        "r",
                        "paid_at",
                        List.of(
                                "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-02-01 00:00:00+00')",
                                "FOR VALUES FROM (MINVALUE) TO (100)"));
        assertThat(partitioning)
                .isEqualTo(
                        new Partitioning(
                                Strategy.RANGE,
                                "paid_at",
                                List.of(
                                        new Bound(
                                                List.of(),
                                                "2024-01-01 00:00:00+00",
                                                "2024-02-01 00:00:00+00"),
                                        new Bound(List.of(), null, "100")),
                                false));
    }

    @Test
    void listsWithQuotesAndNullAndADefault() {
        Partitioning partitioning =
                PostgresPartitionBounds.parse(
                        "l", "region", List.of("FOR VALUES IN ('us', 'it''s', NULL)", "DEFAULT"));
        assertThat(partitioning.strategy()).isEqualTo(Strategy.LIST);
        assertThat(partitioning.bounds())
                .containsExactly(new Bound(Arrays.asList("us", "it's", null), null, null));
        assertThat(partitioning.hasDefault()).isTrue();
    }

    @Test
    void hashPartitionsHaveNoBoundsOnValues() {
        Partitioning partitioning =
                PostgresPartitionBounds.parse(
                        "h", "id", List.of("FOR VALUES WITH (modulus 2, remainder 0)"));
        assertThat(partitioning.strategy()).isEqualTo(Strategy.HASH);
        assertThat(partitioning.bounds()).isEmpty();
    }

    @Test
    void aDomainCheckIsRewrittenForItsColumnOutsideStrings() {
        assertThat(
                        PostgresTypeCatalog.forColumn(
                                "CHECK (((VALUE >= 1901) AND (VALUE <> 'VALUE'::text)))",
                                "\"opened\""))
                .isEqualTo("CHECK (((\"opened\" >= 1901) AND (\"opened\" <> 'VALUE'::text)))");
    }
}
