package dev.parity.data;

import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Values for a column nobody configured, chosen by its kind, its CHECK limits and its name. Every kind is
 * handled here or explicitly left to the database ({@link ColumnType.Kind#OTHER}): a new kind does not
 * compile until this switch says what it gets.
 */
final class ColumnGenerators {

    private final FakerPools pools;
    private final ValueSyntax syntax;
    private final ZoneId sessionZone;
    private final TextValues text;
    private final StructuredValues structured;

    /** @param sessionZone the zone the loading session reads timestamps in, for engines that take no zone in a literal */
    ColumnGenerators(FakerPools pools, ValueSyntax syntax, ZoneId sessionZone) {
        this.pools = pools;
        this.syntax = syntax;
        this.sessionZone = sessionZone;
        this.text = new TextValues(pools);
        this.structured = new StructuredValues(pools, syntax);
    }

    /** Values for {@code column}, or null when Parity cannot make its type. */
    ColumnValues forColumn(ColumnInfo column, ColumnLimits limits) {
        if (limits.allowed() != null) {
            return StructuredValues.oneOf(limits.allowed());
        }
        return forType(column.name(), column.type(), limits);
    }

    private ColumnValues forType(String name, ColumnType type, ColumnLimits limits) {
        return switch (type.kind()) {
            case TEXT -> text.of(name, type, limits);
            case INTEGER -> NumberValues.integer(name, type, limits);
            case DECIMAL ->
                    NumberValues.decimal(name, type, type.precision(), type.scale(), limits);
            case MONEY -> NumberValues.decimal(name, type, 15, 2, limits);
            case FLOAT, DOUBLE -> NumberValues.floating(type, limits);
            case YEAR -> NumberValues.year(type, limits);
            case BIT -> NumberValues.bits(type, syntax);
            case BOOLEAN -> NumberValues.bool(syntax);
            case DATE -> TemporalValues.date(name, narrowed(type, limits));
            case TIMESTAMP, TIMESTAMP_TZ ->
                    TemporalValues.timestamp(
                            name,
                            narrowed(type, limits),
                            syntax.zonesInLiterals() ? null : sessionZone);
            case TIME, TIME_TZ -> TemporalValues.time(type);
            case INTERVAL -> TemporalValues.interval();
            case UUID -> StructuredValues.uuid();
            case JSON -> structured.json();
            case BYTES -> structured.bytes(type);
            case INET -> StructuredValues.inet();
            case CIDR -> StructuredValues.cidr();
            case MACADDR -> StructuredValues.macaddr(type.length() == 8 ? 8 : 6);
            case XML -> structured.xml();
            case ENUM -> StructuredValues.oneOf(type.labels());
            case SET -> StructuredValues.subsetOf(type.labels());
            case ARRAY -> {
                ColumnValues elements = forType(name, type.element(), ColumnLimits.NONE);
                yield elements == null ? null : structured.array(elements, type.element());
            }
            case RANGE -> {
                ColumnValues bounds = forType(name, type.element(), ColumnLimits.NONE);
                yield bounds == null ? null : StructuredValues.range(bounds, type.element());
            }
            case COMPOSITE -> {
                List<ColumnValues> fields =
                        type.fields().stream()
                                .map(f -> forType(name, f, ColumnLimits.NONE))
                                .toList();
                yield fields.contains(null) ? null : StructuredValues.composite(fields);
            }
            case TSVECTOR -> structured.lexemes(" ");
            case TSQUERY -> structured.lexemes(" & ");
            case HSTORE -> structured.hstore();
            case OTHER -> null;
        };
    }

    /** The type's dates or times within a CHECK's earliest and latest. */
    private static ColumnType narrowed(ColumnType type, ColumnLimits limits) {
        if (limits.earliest() == null && limits.latest() == null) {
            return type;
        }
        LocalDateTime earliest =
                type.earliest() == null
                                || limits.earliest() != null
                                        && limits.earliest().isAfter(type.earliest())
                        ? limits.earliest()
                        : type.earliest();
        LocalDateTime latest =
                type.latest() == null
                                || limits.latest() != null
                                        && limits.latest().isBefore(type.latest())
                        ? limits.latest()
                        : type.latest();
        return type.withTimeRange(earliest, latest);
    }

    /**
     * Values unique per row, for a key column that is not a foreign key; null when its kind cannot be.
     *
     * @param offset rows already in the table push a unique number past them
     * @param base   values to make unique (a rule's), or null for the column's own
     */
    ValueGenerator unique(
            ColumnInfo column, ColumnLimits limits, long offset, ValueGenerator base) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case INTEGER, DECIMAL, YEAR -> {
                // from the type's lowest (YEAR: 1901), as uniqueCapacity counts
                long first = firstUnique(type, limits) + offset;
                yield (row, r) -> Long.toString(first + row);
            }
            case TEXT -> {
                int max =
                        type.length() < 0
                                ? limits.maxLength()
                                : limits.maxLength() < 0
                                        ? type.length()
                                        : Math.min(type.length(), limits.maxLength());
                ValueGenerator prefix = base != null ? base : text.generator(column.name(), max);
                yield (row, r) ->
                        withSuffix(prefix.next(row, r), Long.toString(row + offset, 36), max);
            }
            // mix is a bijection, so distinct rows give distinct high halves
            case UUID -> (row, r) -> Formats.uuid(CellRandom.mix(row + offset), r.nextLong());
            // the row's number in eight bytes (mix is a bijection), then a few random ones
            case BYTES ->
                    (row, r) -> {
                        byte[] bytes = new byte[8 + r.nextInt(9)];
                        long unique = CellRandom.mix(row + offset);
                        for (int i = 0; i < bytes.length; i++) {
                            bytes[i] = i < 8 ? (byte) (unique >>> (8 * i)) : (byte) r.nextInt(256);
                        }
                        return syntax.bytes(bytes);
                    };
            case DATE ->
                    (row, r) -> Formats.date(LocalDate.of(2000, 1, 1).toEpochDay() + row + offset);
            case TIMESTAMP -> (row, r) -> Formats.timestamp(946_684_800L + row + offset, 0);
            case TIMESTAMP_TZ ->
                    syntax.zonesInLiterals()
                            ? (row, r) -> Formats.timestamp(946_684_800L + row + offset, 0) + "+00"
                            // whole days apart in the session's zone: distinct instants, none in a
                            // DST gap
                            : (row, r) ->
                                    Formats.date(
                                                    LocalDate.of(2000, 1, 1).toEpochDay()
                                                            + row
                                                            + offset)
                                            + " 12:00:00";
            default -> null;
        };
    }

    /** Where unique whole numbers start: 1, or the type's or the CHECK's lowest if higher (YEAR: 1901). */
    private static long firstUnique(ColumnType type, ColumnLimits limits) {
        return Math.max(Math.max(1, type.min()), NumberValues.lowest(limits, 0));
    }

    /** A key column counting through its values: the lowest + (row / divisor) % capacity, so that with others the key is unique. */
    static ValueGenerator counter(
            ColumnInfo column, ColumnLimits limits, long divisor, long capacity) {
        long first = firstUnique(column.type(), limits);
        return (row, r) -> Long.toString(first + (row / divisor) % capacity);
    }

    /** A key column counting through a list of values: the ((row / divisor) % size)-th. */
    static ValueGenerator counter(List<String> values, long divisor) {
        String[] all = values.toArray(String[]::new);
        return (row, r) -> all[(int) ((row / divisor) % all.length)];
    }

    /** How many distinct values {@link #unique} can make for the column, or Long.MAX_VALUE when practically unbounded. */
    static long uniqueCapacity(ColumnInfo column, ColumnLimits limits) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case INTEGER, YEAR -> {
                long lo = firstUnique(type, limits);
                long hi = Math.min(type.max(), NumberValues.highest(limits, 0));
                yield hi < lo ? 0 : hi - lo == Long.MAX_VALUE ? Long.MAX_VALUE : hi - lo + 1;
            }
            case TIMESTAMP_TZ, DATE ->
                    type.latest() == null
                            ? Long.MAX_VALUE
                            : Math.max(
                                    0,
                                    type.latest().toLocalDate().toEpochDay()
                                            - LocalDate.of(2000, 1, 1).toEpochDay());
            default -> Long.MAX_VALUE;
        };
    }

    /** "value-suffix" within {@code max} characters, the suffix kept whole; e-mail addresses get "+suffix@". */
    static String withSuffix(String value, String suffix, int max) {
        int at = value.indexOf('@');
        if (at > 0 && (max < 0 || value.length() + suffix.length() + 1 <= max)) {
            return value.substring(0, at) + "+" + suffix + value.substring(at);
        }
        if (max >= 0 && suffix.length() + 1 > max) {
            return Formats.truncate(suffix, max);
        }
        return Formats.truncate(value, max < 0 ? -1 : max - suffix.length() - 1) + "-" + suffix;
    }

    /** Clean text for {@code column}, by its name, of at most {@code length} characters (-1: its own length). */
    ValueGenerator text(ColumnInfo column, int length) {
        return text.generator(column.name(), length >= 0 ? length : column.type().length());
    }

    FakerPools pools() {
        return pools;
    }
}
