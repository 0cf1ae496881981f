package dev.parity.data;

import dev.parity.engine.schema.ColumnType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Dates, timestamps and times in a usual range chosen by name, inside what the engine's type stores;
 * their extremes are the type's limits, the epoch, leap days, DST changes and the 2038 boundary, those
 * the type can hold.
 */
final class TemporalValues {

    private static final List<String> DATE_EXTREMES =
            List.of(
                    "0001-01-01",
                    "9999-12-31",
                    "1970-01-01",
                    "1900-01-01",
                    "2000-02-29",
                    "2024-02-29",
                    "2024-03-10",
                    "2024-03-31",
                    "2024-10-27",
                    "2024-11-03",
                    "2038-01-19");
    private static final List<String> TIMESTAMP_EXTREMES =
            List.of(
                    "0001-01-01 00:00:00",
                    "9999-12-31 23:59:59.999999",
                    "1970-01-01 00:00:00",
                    "2038-01-19 03:14:08",
                    "2000-02-29 00:00:00",
                    "2024-02-29 12:00:00",
                    "2024-03-10 02:30:00",
                    "2024-03-31 02:30:00",
                    "2024-11-03 01:30:00");
    private static final List<String> ZONED_EXTREMES =
            List.of(
                    "0001-01-01 00:00:00+00",
                    "9999-12-31 23:59:59.999999+00",
                    "1970-01-01 00:00:00+00",
                    "2038-01-19 03:14:08+00",
                    "2024-02-29 23:59:59+05:30",
                    "2024-03-31 02:30:00 Europe/Berlin",
                    "2024-10-27 02:30:00 Europe/Berlin",
                    "2024-03-10 02:30:00 America/New_York",
                    "2024-11-03 01:30:00 America/New_York",
                    "1900-01-01 00:00:00-03");

    /**
     * Zoned extremes for engines that read a literal in the session's zone: instants, written in that zone.
     * Near the 32-bit limits, leap days, and both DST changes of 2024 in Europe and America (the spring one at
     * the instant the clocks jump, the autumn one in the hour that happens twice).
     */
    private static final List<Instant> SESSION_ZONED_EXTREMES =
            List.of(
                    Instant.parse("1970-01-02T00:00:00Z"),
                    Instant.parse("2038-01-18T00:00:00Z"),
                    Instant.parse("2000-02-29T12:00:00Z"),
                    Instant.parse("2024-02-29T23:59:59Z"),
                    Instant.parse("2024-03-31T01:00:00Z"),
                    Instant.parse("2024-10-27T00:30:00Z"),
                    Instant.parse("2024-10-27T01:30:00Z"),
                    Instant.parse("2024-03-10T07:00:00Z"),
                    Instant.parse("2024-11-03T05:30:00Z"),
                    Instant.parse("2024-11-03T06:30:00Z"));

    private TemporalValues() {}

    static ColumnValues date(String columnName, ColumnType type) {
        LocalDate[] usual = NameRules.dateRange(NameRules.words(columnName));
        long earliest = type.earliest() == null ? Long.MIN_VALUE : ceilingDay(type.earliest());
        long latest =
                type.latest() == null ? Long.MAX_VALUE : type.latest().toLocalDate().toEpochDay();
        long[] span = within(usual[0].toEpochDay(), usual[1].toEpochDay(), earliest, latest, 3650);
        long from = span[0];
        long to = span[1];
        return new ColumnValues(
                (row, r) -> Formats.date(from + r.nextLong(to - from + 1)),
                within(DATE_EXTREMES, type, false),
                false);
    }

    /**
     * @param sessionZone for a zoned timestamp of an engine that takes no zone in a literal (MariaDB's
     *                    TIMESTAMP): the zone the loading session reads literals in. Instants are then
     *                    written as that zone's wall time, so none falls into a DST gap. Null otherwise.
     */
    static ColumnValues timestamp(String columnName, ColumnType type, ZoneId sessionZone) {
        boolean zoned = type.kind() == ColumnType.Kind.TIMESTAMP_TZ;
        LocalDate[] usual = NameRules.timestampRange(NameRules.words(columnName));
        long[] span =
                within(
                        usual[0].toEpochDay() * 86_400L,
                        usual[1].toEpochDay() * 86_400L,
                        ceilingSecond(type.earliest()),
                        epochSecond(type.latest(), Long.MAX_VALUE),
                        3650 * 86_400L);
        long from = span[0];
        long to = Math.max(span[1], from + 1);
        if (zoned && sessionZone != null) {
            ZoneRules rules = sessionZone.getRules();
            List<String> extremes =
                    SESSION_ZONED_EXTREMES.stream()
                            .filter(i -> within(type, LocalDateTime.ofInstant(i, ZoneOffset.UTC)))
                            .map(i -> wallTime(rules, i.getEpochSecond(), 0))
                            .toList();
            return new ColumnValues(
                    (row, r) ->
                            wallTime(
                                    rules,
                                    from + r.nextLong(to - from),
                                    r.nextInt(4) == 0 ? r.nextInt(1_000_000) : 0),
                    extremes,
                    false);
        }
        String suffix = zoned ? "+00" : "";
        List<String> extremes = zoned ? ZONED_EXTREMES : within(TIMESTAMP_EXTREMES, type, true);
        return new ColumnValues(
                (row, r) ->
                        Formats.timestamp(
                                        from + r.nextLong(to - from),
                                        r.nextInt(4) == 0 ? r.nextInt(1_000_000) : 0)
                                + suffix,
                extremes,
                false);
    }

    private static String wallTime(ZoneRules rules, long epochSecond, int micros) {
        return Formats.timestamp(
                epochSecond + rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds(),
                micros);
    }

    static ColumnValues time(ColumnType type) {
        String zone = type.kind() == ColumnType.Kind.TIME_TZ ? "+00" : "";
        return new ColumnValues(
                (row, r) -> Formats.timestamp(r.nextLong(86_400L), 0).substring(11) + zone,
                List.of("00:00:00" + zone, "23:59:59.999999" + zone, "24:00:00" + zone),
                false);
    }

    static ColumnValues interval() {
        return new ColumnValues(
                (row, r) ->
                        r.nextInt(400)
                                + " days "
                                + Formats.timestamp(r.nextLong(86_400L), 0).substring(11),
                List.of("00:00:00", "100 years", "-100 years", "1 microsecond"),
                false);
    }

    /**
     * The usual range within the type's (or a CHECK's): where they do not meet, {@code width} from whichever end of
     * the allowed range is nearer the usual one.
     */
    private static long[] within(
            long usualFrom, long usualTo, long earliest, long latest, long width) {
        long from = Math.max(usualFrom, earliest);
        long to = Math.min(usualTo, latest);
        if (from <= to) {
            return new long[] {from, to};
        }
        if (earliest > usualTo) {
            return new long[] {earliest, latest - earliest > width ? earliest + width : latest};
        }
        return new long[] {latest - earliest > width ? latest - width : earliest, latest};
    }

    private static long ceilingDay(LocalDateTime at) {
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? at.toLocalDate().toEpochDay()
                : at.toLocalDate().toEpochDay() + 1;
    }

    private static long ceilingSecond(LocalDateTime at) {
        return at == null
                ? Long.MIN_VALUE
                : at.getNano() == 0
                        ? at.toEpochSecond(ZoneOffset.UTC)
                        : at.toEpochSecond(ZoneOffset.UTC) + 1;
    }

    private static long epochSecond(LocalDateTime at, long otherwise) {
        return at == null ? otherwise : at.toEpochSecond(ZoneOffset.UTC);
    }

    /** The extremes the type can hold. */
    private static List<String> within(List<String> extremes, ColumnType type, boolean withTime) {
        if (type.earliest() == null && type.latest() == null) {
            return extremes;
        }
        return extremes.stream()
                .filter(
                        e ->
                                within(
                                        type,
                                        withTime
                                                ? LocalDateTime.parse(
                                                        e.substring(0, 19).replace(' ', 'T'))
                                                : LocalDate.parse(e).atStartOfDay()))
                .toList();
    }

    private static boolean within(ColumnType type, LocalDateTime at) {
        return (type.earliest() == null || !at.isBefore(type.earliest()))
                && (type.latest() == null || !at.isAfter(type.latest()));
    }
}
