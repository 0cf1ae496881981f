package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code between}: values in the column's type, never outside the range; distinct ones for keys; every bound that cannot fit named. */
class RangeValuesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Location AT = new Location("parity.yml", 7);

    private static Bound bound(String text) {
        return Bound.parse(text).orElseThrow();
    }

    private static RangeValues range(ColumnType type, String from, String to) {
        return RangeValues.of(type, bound(from), bound(to), BERLIN, true);
    }

    private static List<String> values(ValueGenerator generator, int rows) {
        CellRandom random = new CellRandom();
        List<String> values = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            random.seed(CellRandom.mix(42, row));
            values.add(generator.next(row, random));
        }
        return values;
    }

    private static String problem(ColumnType type, String from, String to) {
        return problem(type, from, to, ColumnLimits.NONE);
    }

    private static String problem(ColumnType type, String from, String to, ColumnLimits limits) {
        return RangeValues.problem(AT, "t.c", type, bound(from), bound(to), limits)
                .map(Problem::describe)
                .orElse("none");
    }

    @Test
    void integersCoverTheRangeBoundsIncluded() {
        List<String> values =
                values(
                        range(
                                        ColumnType.integer(
                                                "integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                                        "1",
                                        "50")
                                .any(),
                        5000);
        assertThat(values).allSatisfy(v -> assertThat(Long.parseLong(v)).isBetween(1L, 50L));
        assertThat(new HashSet<>(values)).hasSize(50);
    }

    @Test
    void decimalsTakeTheColumnsScale() {
        List<String> values =
                values(
                        range(ColumnType.decimal("numeric(8,2)", 8, 2), "0.5", "1000.25").any(),
                        5000);
        assertThat(values)
                .allSatisfy(
                        v -> {
                            assertThat(new BigDecimal(v))
                                    .isBetween(new BigDecimal("0.5"), new BigDecimal("1000.25"));
                            assertThat(new BigDecimal(v).scale()).isEqualTo(2);
                        });
        // a numeric without a scale takes the bounds' decimals, at least two
        assertThat(values(range(ColumnType.decimal("numeric", -1, -1), "1", "2.125").any(), 100))
                .allSatisfy(v -> assertThat(new BigDecimal(v).scale()).isEqualTo(3));
    }

    @Test
    void datesAndTimestampsStayInside() {
        assertThat(
                        values(
                                range(ColumnType.of(Kind.DATE, "date"), "2020-01-01", "2024-12-31")
                                        .any(),
                                5000))
                .allSatisfy(
                        v ->
                                assertThat(LocalDate.parse(v))
                                        .isBetween(
                                                LocalDate.of(2020, 1, 1),
                                                LocalDate.of(2024, 12, 31)));

        RangeValues day =
                range(
                        ColumnType.of(Kind.TIMESTAMP, "timestamp"),
                        "2024-01-01 08:00",
                        "2024-01-01 18:00");
        List<String> timestamps = values(day.any(), 5000);
        assertThat(timestamps)
                .allSatisfy(
                        v ->
                                assertThat(LocalDateTime.parse(v.replace(' ', 'T')))
                                        .isBetween(
                                                LocalDateTime.of(2024, 1, 1, 8, 0),
                                                LocalDateTime.of(2024, 1, 1, 18, 0)));
        assertThat(timestamps).anyMatch(v -> v.contains("."));
        // the bounds are the extremes the mess may pick
        assertThat(day.bounds()).containsExactly("2024-01-01 08:00:00", "2024-01-01 18:00:00");
    }

    @Test
    void zonedTimestampsReadBoundsInTheSessionsZone() {
        ColumnType zoned = ColumnType.of(Kind.TIMESTAMP_TZ, "timestamptz");
        // PostgreSQL: instants with an offset; 08:00 in Berlin is 07:00 UTC in winter
        assertThat(values(range(zoned, "2024-01-01 08:00", "2024-01-01 18:00").any(), 2000))
                .allSatisfy(
                        v -> {
                            assertThat(v).endsWith("+00");
                            assertThat(LocalDateTime.parse(v.substring(0, 19).replace(' ', 'T')))
                                    .isBetween(
                                            LocalDateTime.of(2024, 1, 1, 7, 0),
                                            LocalDateTime.of(2024, 1, 1, 17, 0));
                        });
        // an offset in the bound wins over the session's zone
        assertThat(range(zoned, "2024-01-01T08:00:00Z", "2024-01-01T08:00:00Z").bounds())
                .containsExactly("2024-01-01 08:00:00+00", "2024-01-01 08:00:00+00");
        // MariaDB: wall times in the session's zone, across the spring DST change
        RangeValues wall =
                RangeValues.of(
                        zoned, bound("2024-03-31 01:00"), bound("2024-03-31 04:00"), BERLIN, false);
        assertThat(values(wall.any(), 2000))
                .allSatisfy(
                        v -> {
                            LocalDateTime local =
                                    LocalDateTime.parse(v.substring(0, 19).replace(' ', 'T'));
                            assertThat(local)
                                    .isBetween(
                                            LocalDateTime.of(2024, 3, 31, 1, 0),
                                            LocalDateTime.of(2024, 3, 31, 4, 0));
                            assertThat(local.getHour())
                                    .as("no wall time in the gap")
                                    .isNotEqualTo(2);
                        });
    }

    @Test
    void singleFloatsRoundTowardsTheRange() {
        RangeValues floats = range(ColumnType.of(Kind.FLOAT, "real"), "0.1", "0.2");
        assertThat(values(floats.any(), 5000))
                .allSatisfy(v -> assertThat((double) Float.parseFloat(v)).isBetween(0.1, 0.2));
        assertThat(floats.bounds())
                .allSatisfy(v -> assertThat((double) Float.parseFloat(v)).isBetween(0.1, 0.2));
    }

    @Test
    void keysTakeDistinctValuesUpToTheRangesCapacity() {
        RangeValues range =
                range(ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE), "1", "50");
        assertThat(range.capacity()).isEqualTo(50);
        assertThat(values(range.unique(50), 50))
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 50)
                                .mapToObj(Long::toString)
                                .toList());
        List<String> spread = values(range.unique(7), 7);
        assertThat(new HashSet<>(spread)).hasSize(7);
        assertThat(spread).allSatisfy(v -> assertThat(Long.parseLong(v)).isBetween(1L, 50L));

        RangeValues days = range(ColumnType.of(Kind.DATE, "date"), "2024-01-01", "2024-12-31");
        assertThat(days.capacity()).isEqualTo(366);
        Set<String> distinctDays = new HashSet<>(values(days.unique(300), 300));
        assertThat(distinctDays).hasSize(300);
        // the whole of a long's range counts a long's steps, and stays inside
        RangeValues everything =
                range(
                        ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
                        "-9223372036854775808",
                        "9223372036854775807");
        assertThat(everything.capacity()).isEqualTo(Long.MAX_VALUE);
        assertThat(values(everything.unique(3), 3)).doesNotHaveDuplicates();
    }

    @Test
    void boundsThatDoNotFitTheColumnAreNamed() {
        ColumnType smallint = ColumnType.integer("smallint", -32768, 32767);
        String has = "column 't.c' (";
        assertThat(problem(ColumnType.text("varchar(20)", 20), "1", "50"))
                .isEqualTo(
                        has
                                + "varchar(20)) has between [1, 50], but between is for "
                                + "numbers, dates and timestamps. Give it values, an expression or a constant instead.");
        assertThat(problem(smallint, "1.5", "3"))
                .isEqualTo(
                        has
                                + "smallint) has between [1.5, 3], but a whole number column takes whole numbers. "
                                + "Give whole numbers, for example: between: [1, 50]");
        assertThat(problem(smallint, "1.0", "3")).isEqualTo("none");
        assertThat(problem(smallint, "2020-01-01", "2020-01-02"))
                .isEqualTo(
                        has
                                + "smallint) has between [2020-01-01, 2020-01-02], but a whole "
                                + "number column takes whole numbers. Give whole numbers, for example: between: [1, 50]");
        assertThat(problem(ColumnType.decimal("numeric(8,2)", 8, 2), "2020-01-01", "2020-01-02"))
                .isEqualTo(
                        has
                                + "numeric(8,2)) has between "
                                + "[2020-01-01, 2020-01-02], but a number column takes numbers. Give numbers, for example: between: [1, 50]");
        assertThat(problem(smallint, "1", "100000"))
                .isEqualTo(
                        has
                                + "smallint) has between [1, 100000], beyond what its type holds "
                                + "(-32768 to 32767). Keep the range within -32768 to 32767.");
        assertThat(problem(smallint, "50", "1"))
                .isEqualTo(
                        has
                                + "smallint) has between [50, 1], which runs downwards. "
                                + "Write the lower bound first: between: [1, 50]");
        assertThat(problem(ColumnType.decimal("numeric(5,2)", 5, 2), "0", "1000"))
                .isEqualTo(
                        has
                                + "numeric(5,2)) has between [0, 1000], "
                                + "beyond what its type holds (-999.99 to 999.99). Keep the range within -999.99 to 999.99.");
        assertThat(problem(ColumnType.decimal("numeric(5,2)", 5, 2), "0.001", "0.004"))
                .isEqualTo(
                        has
                                + "numeric(5,2)) has between "
                                + "[0.001, 0.004], which holds no value with 2 decimals. Widen the range to at least one step of 0.01.");
        ColumnLimits rating =
                ColumnLimits.NONE
                        .withMin(BigDecimal.ZERO, true)
                        .withMax(BigDecimal.valueOf(5), false);
        assertThat(
                        problem(
                                ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                                "1",
                                "50",
                                rating))
                .isEqualTo(
                        has
                                + "integer) has between [1, 50], beyond what its CHECK constraint allows (above 0 and up to 5). Keep the range within what "
                                + "the CHECK allows, or leave the column to Parity, which reads the CHECK.");
        assertThat(
                        problem(
                                ColumnType.integer("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
                                "1",
                                "5",
                                rating))
                .isEqualTo("none");
    }

    @Test
    void datesAndTimestampsThatDoNotFitAreNamed() {
        String has = "column 't.c' (";
        String dates = "Give dates, for example: between: [2020-01-01, 2024-12-31]";
        assertThat(problem(ColumnType.of(Kind.DATE, "date"), "1", "50"))
                .isEqualTo(
                        has
                                + "date) has between [1, 50], but a date column takes "
                                + "dates. "
                                + dates);
        assertThat(problem(ColumnType.of(Kind.DATE, "date"), "2020-01-01", "2020-01-01 12:00"))
                .isEqualTo(
                        has
                                + "date) has between "
                                + "[2020-01-01, 2020-01-01 12:00], but a date column takes dates without a time of day. "
                                + dates);
        assertThat(problem(ColumnType.of(Kind.TIMESTAMP, "timestamp"), "1", "2"))
                .isEqualTo(
                        has
                                + "timestamp) has between [1, 2], but a "
                                + "timestamp column takes dates or timestamps. Give dates or timestamps, for example: between: [2020-01-01, 2024-12-31] or "
                                + "between: [\"2024-01-01 08:00\", \"2024-01-01 18:00\"]");
        assertThat(
                        problem(
                                ColumnType.of(Kind.TIMESTAMP, "timestamp"),
                                "2020-01-01",
                                "2020-01-01T12:00:00+02:00"))
                .isEqualTo(
                        has
                                + "timestamp) has between [2020-01-01, 2020-01-01T12:00:00+02:00], but a timestamp without time zone takes no offset. "
                                + "Leave the offset out (2024-01-01 08:00, not 2024-01-01 08:00+02).");
        ColumnType mariaDbTimestamp =
                ColumnType.of(Kind.TIMESTAMP_TZ, "timestamp")
                        .withTimeRange(
                                LocalDateTime.of(1970, 1, 2, 0, 0),
                                LocalDateTime.of(2038, 1, 18, 0, 0));
        assertThat(problem(mariaDbTimestamp, "1960-01-01", "2000-01-01"))
                .isEqualTo(
                        has
                                + "timestamp) has between [1960-01-01, 2000-01-01], "
                                + "beyond what its type holds (1970-01-02 00:00:00 to 2038-01-18 00:00:00 UTC). Keep the range within 1970-01-02 00:00:00 to "
                                + "2038-01-18 00:00:00 UTC.");
        assertThat(problem(mariaDbTimestamp, "2020-01-01", "2030-01-01")).isEqualTo("none");
    }

    @Test
    void boundsReadEveryFormYamlWritesThem() {
        assertThat(bound("2024-01-01").dateOnly()).isTrue();
        assertThat(bound("2024-01-01T08:30:00Z").utc())
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 8, 30));
        assertThat(bound("2001-12-14 21:59:43.10 -5").utc())
                .isEqualTo(LocalDateTime.of(2001, 12, 15, 2, 59, 43, 100_000_000));
        assertThat(bound("2024-01-01 08:30").time()).isEqualTo(LocalDateTime.of(2024, 1, 1, 8, 30));
        assertThat(bound("-1.5e2").number()).isEqualByComparingTo("-150");
        assertThat(Bound.parse("2024-02-30")).isEmpty();
        assertThat(Bound.parse("soon")).isEmpty();
        assertThat(Bound.parse("0x10")).isEmpty();
        assertThat(Instant.parse("2024-01-01T08:30:00Z").atOffset(ZoneOffset.UTC).toLocalDateTime())
                .isEqualTo(bound("2024-01-01 08:30").time());
    }
}
