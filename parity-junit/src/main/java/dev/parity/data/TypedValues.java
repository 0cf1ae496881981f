package dev.parity.data;

import dev.parity.data.check.Evaluator;
import dev.parity.data.check.Exactness;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated cell's text, as the bulk loader writes it, read back into the value a CHECK sees
 * ({@link Evaluator}'s values): numbers, booleans in the engine's spelling, dates, timestamps (a zoned one
 * as an instant), text. A value it cannot read is {@link Evaluator#UNDECIDED}.
 */
final class TypedValues {

    private static final DateTimeFormatter WALL_TIME =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter(Locale.ROOT);
    private static final Pattern ZONED =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?) ?(.+)");
    private static final Pattern HOURS = Pattern.compile("[+-]\\d{1,2}");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}(:\\d{2}){1,2}");

    private final ValueSyntax syntax;
    private final ZoneId sessionZone;
    private final String yes;

    TypedValues(ValueSyntax syntax, ZoneId sessionZone) {
        this.syntax = syntax;
        this.sessionZone = sessionZone;
        this.yes = syntax.bool(true);
    }

    /** How a column of {@code type} compares. */
    static Exactness.Kind kind(ColumnType type) {
        return switch (type.kind()) {
            case INTEGER, DECIMAL, FLOAT, DOUBLE, MONEY, YEAR -> Exactness.Kind.NUMBER;
            case TEXT -> Exactness.Kind.TEXT;
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> Exactness.Kind.TEMPORAL;
            case BOOLEAN -> Exactness.Kind.BOOLEAN;
            default -> Exactness.Kind.OTHER;
        };
    }

    Object read(ColumnType type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (type.kind()) {
                case INTEGER, DECIMAL, FLOAT, DOUBLE, YEAR -> new BigDecimal(text);
                case MONEY -> new BigDecimal(text.replace("$", "").replace(",", ""));
                case BOOLEAN -> text.equals(yes);
                case DATE -> date(text.length() > 10 ? text.substring(0, 10) : text);
                case TIMESTAMP -> wallTime(text);
                case TIMESTAMP_TZ -> instant(text);
                default -> text;
            };
        } catch (NumberFormatException | DateTimeException e) {
            return Evaluator.UNDECIDED;
        }
    }

    /** "yyyy-mm-dd" read fast where Parity wrote it, else by java.time's parser (which may throw). */
    static LocalDate date(String text) {
        LocalDate fast = Formats.readDate(text);
        return fast != null ? fast : LocalDate.parse(text);
    }

    /** "yyyy-mm-dd hh:mm:ss[.f]" read fast where Parity wrote it, else by java.time's parser (which may throw). */
    static LocalDateTime wallTime(String text) {
        LocalDateTime fast = Formats.readWallTime(text);
        return fast != null ? fast : LocalDateTime.parse(text, WALL_TIME);
    }

    /** A zoned timestamp: with an offset or a zone name as PostgreSQL takes it, else a wall time in the session's zone. */
    private Object instant(String text) {
        if (!syntax.zonesInLiterals()) {
            return wallTime(text).atZone(sessionZone).toInstant();
        }
        if (text.endsWith("+00")) { // what Parity writes: read without the patterns below
            LocalDateTime wall = Formats.readWallTime(text.substring(0, text.length() - 3));
            if (wall != null) {
                return wall.toInstant(ZoneOffset.UTC);
            }
        }
        Matcher m = ZONED.matcher(text);
        if (!m.matches()) {
            return wallTime(text).atZone(sessionZone).toInstant();
        }
        LocalDateTime wall = wallTime(m.group(1));
        String zone = m.group(2).strip();
        if (HOURS.matcher(zone).matches()) {
            zone =
                    zone.charAt(0)
                            + (zone.length() == 2 ? "0" + zone.charAt(1) : zone.substring(1))
                            + ":00";
        }
        if (OFFSET.matcher(zone).matches()) {
            return OffsetDateTime.of(wall, ZoneOffset.of(zone)).toInstant();
        }
        return ZonedDateTime.of(wall, ZoneId.of(zone)).toInstant();
    }
}
