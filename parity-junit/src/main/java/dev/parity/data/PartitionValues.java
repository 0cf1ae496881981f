package dev.parity.data;

import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo.Partitioning;
import dev.parity.engine.schema.TableInfo.Partitioning.Bound;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Values of a partitioned table's partition key that some partition takes: for list partitions one of the
 * listed values, for range partitions a partition picked at random and a value inside its bounds. A table
 * with a default partition, or hash partitions, takes any value and needs none of this.
 */
final class PartitionValues {

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:mm", "+00")
                    .optionalEnd()
                    .toFormatter();

    /** How far an open end ({@code MINVALUE}, {@code MAXVALUE}) reaches: in the key's own unit (1, a day, a second). */
    private static final long OPEN_SPAN = 1000;

    private PartitionValues() {}

    /** The values a list-partitioned key may take (NULL left out), or null when any value will do. */
    static List<String> allowed(Partitioning partitioning) {
        if (partitioning.hasDefault() || partitioning.strategy() != Partitioning.Strategy.LIST) {
            return null;
        }
        List<String> values = new ArrayList<>();
        partitioning
                .bounds()
                .forEach(b -> b.values().stream().filter(Objects::nonNull).forEach(values::add));
        return values;
    }

    /**
     * The range partitions' spans of the key, in the key's unit, or null when any value will do or the key's
     * type is not one Parity reads bounds of.
     */
    static Spans spans(ColumnType type, Partitioning partitioning) {
        if (partitioning.hasDefault()
                || partitioning.strategy() != Partitioning.Strategy.RANGE
                || partitioning.bounds().isEmpty()) {
            return null;
        }
        List<long[]> spans = new ArrayList<>();
        for (Bound bound : partitioning.bounds()) {
            Long from = bound.from() == null ? null : position(type, bound.from());
            Long to = bound.to() == null ? null : position(type, bound.to());
            if (from == null && bound.from() != null || to == null && bound.to() != null) {
                return null;
            }
            long lo = from != null ? from : to - OPEN_SPAN;
            long hi = to != null ? to : lo + OPEN_SPAN;
            if (hi > lo) {
                spans.add(new long[] {lo, hi});
            }
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        return spans.isEmpty() ? null : new Spans(type, spans.toArray(long[][]::new));
    }

    /** The spans [from, to) of a range-partitioned key's partitions, in order. */
    record Spans(ColumnType type, long[][] spans) {

        /** A partition picked at random, and a value inside it. */
        ColumnValues random() {
            return ColumnValues.of(
                    (row, r) -> {
                        long[] span = spans[r.nextInt(spans.length)];
                        return text(type, span[0] + r.nextLong(span[1] - span[0]));
                    });
        }

        /** How many distinct values the partitions take together. */
        long capacity() {
            long total = 0;
            for (long[] span : spans) {
                total += span[1] - span[0];
                if (total < 0) {
                    return Long.MAX_VALUE;
                }
            }
            return total;
        }

        /** Row n's value is the n-th value the partitions take, in order: distinct for every row up to the capacity. */
        ValueGenerator unique() {
            return (row, r) -> {
                long n = row;
                for (long[] span : spans) {
                    if (n < span[1] - span[0]) {
                        return text(type, span[0] + n);
                    }
                    n -= span[1] - span[0];
                }
                throw new IllegalStateException(
                        "row " + row + " is beyond the partitions' " + capacity() + " values");
            };
        }
    }

    /** A bound as a number in the key's unit: itself, days since the epoch, or seconds since the epoch (UTC). */
    private static Long position(ColumnType type, String literal) {
        try {
            return switch (type.kind()) {
                case INTEGER, YEAR -> Long.parseLong(literal);
                case DATE -> LocalDate.parse(literal).toEpochDay();
                case TIMESTAMP ->
                        LocalDateTime.parse(literal, TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
                case TIMESTAMP_TZ -> OffsetDateTime.parse(literal, TIMESTAMP).toEpochSecond();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(ColumnType type, long position) {
        return switch (type.kind()) {
            case DATE -> Formats.date(position);
            case TIMESTAMP -> Formats.timestamp(position, 0);
            case TIMESTAMP_TZ -> Formats.timestamp(position, 0) + "+00";
            default -> Long.toString(position);
        };
    }
}
