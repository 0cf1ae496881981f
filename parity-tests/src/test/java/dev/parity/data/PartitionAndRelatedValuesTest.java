package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import dev.parity.engine.schema.TableInfo.Partitioning;
import dev.parity.engine.schema.TableInfo.Partitioning.Bound;
import dev.parity.engine.schema.TableInfo.Partitioning.Strategy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values that land in a partition, and values that meet a CHECK between two columns. */
class PartitionAndRelatedValuesTest {

    private static final ColumnType ZONED = ColumnType.of(Kind.TIMESTAMP_TZ, "timestamptz");
    private static final ColumnType INTEGER =
            ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    private static final Partitioning MONTHS =
            new Partitioning(
                    Strategy.RANGE,
                    "paid_at",
                    List.of(
                            new Bound(
                                    List.of(), "2024-01-01 00:00:00+00", "2024-02-01 00:00:00+00"),
                            new Bound(
                                    List.of(), "2024-03-01 00:00:00+01", "2024-04-01 00:00:00+01")),
                    false);

    @Test
    void rangeValuesFallInsideAPartition() {
        ValueGenerator values = PartitionValues.spans(ZONED, MONTHS).random().generator();
        CellRandom random = new CellRandom();
        Set<Integer> months = new HashSet<>();
        for (long row = 0; row < 2000; row++) {
            random.seed(row);
            OffsetDateTime at =
                    OffsetDateTime.parse(
                            values.next(row, random),
                            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssX"));
            boolean january =
                    !at.isBefore(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
                            && at.isBefore(OffsetDateTime.parse("2024-02-01T00:00:00Z"));
            boolean march =
                    !at.isBefore(OffsetDateTime.parse("2024-03-01T00:00:00+01:00"))
                            && at.isBefore(OffsetDateTime.parse("2024-04-01T00:00:00+01:00"));
            assertThat(january || march).as(at.toString()).isTrue();
            months.add(january ? 1 : 3);
        }
        assertThat(months).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void uniqueValuesFillThePartitionsInOrder() {
        Partitioning ids =
                new Partitioning(
                        Strategy.RANGE,
                        "id",
                        List.of(new Bound(List.of(), "100", "200"), new Bound(List.of(), "1", "3")),
                        false);
        PartitionValues.Spans spans = PartitionValues.spans(INTEGER, ids);
        assertThat(spans.capacity()).isEqualTo(102);
        ValueGenerator unique = spans.unique();
        assertThat(
                        List.of(
                                unique.next(0, null),
                                unique.next(1, null),
                                unique.next(2, null),
                                unique.next(101, null)))
                .containsExactly("1", "2", "100", "199");
    }

    @Test
    void aDefaultPartitionOrHashPartitionsTakeAnyValue() {
        assertThat(
                        PartitionValues.spans(
                                INTEGER,
                                new Partitioning(Strategy.RANGE, "id", MONTHS.bounds(), true)))
                .isNull();
        assertThat(PartitionValues.allowed(new Partitioning(Strategy.HASH, "id", List.of(), false)))
                .isNull();
        assertThat(
                        PartitionValues.allowed(
                                new Partitioning(
                                        Strategy.LIST,
                                        "r",
                                        List.of(
                                                new Bound(
                                                        java.util.Arrays.asList("eu", null),
                                                        null,
                                                        null)),
                                        false)))
                .containsExactly("eu");
    }

    private static TablePlan planOf(String column, ColumnType type, ValueGenerator values) {
        TablePlan plan = new TablePlan(DatasetSpec.of("t", 1), null, 7);
        plan.add(
                new ColumnPlan(
                        new ColumnInfo(column, type, true, null, false, false),
                        ColumnValues.of(values),
                        Mess.none(),
                        0,
                        -1));
        return plan;
    }

    @Test
    void aRelatedValueIsOnTheAllowedSideOfTheOther() {
        CellRandom random = new CellRandom();
        ColumnType money = ColumnType.decimal("numeric(8,2)", 8, 2);
        ColumnType date = ColumnType.of(Kind.DATE, "date");
        for (long row = 0; row < 500; row++) {
            random.seed(row);
            BigDecimal price = BigDecimal.valueOf(random.nextInt(100_000), 2);
            BigDecimal discount =
                    new BigDecimal(
                            RelatedValues.from("<=", money, price.toPlainString(), random, false));
            assertThat(discount).isBetween(BigDecimal.ZERO, price);
            assertThat(Integer.parseInt(RelatedValues.from(">", INTEGER, "0", random, false)))
                    .isPositive();
            String end = RelatedValues.from(">", ZONED, "2024-03-31 01:30:00.5+00", random, false);
            assertThat(end).endsWith(".5+00");
            assertThat(LocalDateTime.parse(end.substring(0, 19).replace(' ', 'T')))
                    .isAfter(LocalDateTime.parse("2024-03-31T01:30:00"));
            assertThat(LocalDate.parse(RelatedValues.from(">=", date, "2024-02-28", random, false)))
                    .isAfterOrEqualTo(LocalDate.parse("2024-02-28"));
            assertThat(RelatedValues.from("=", date, "2024-02-28", random, false))
                    .isEqualTo("2024-02-28");
        }
    }

    @Test
    void whichTypesCompare() {
        assertThat(RelatedValues.comparable(INTEGER, ColumnType.decimal("numeric", -1, -1)))
                .isTrue();
        assertThat(RelatedValues.comparable(ZONED, ColumnType.of(Kind.DATE, "date"))).isFalse();
    }
}
