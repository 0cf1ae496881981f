package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parity.config.Location;
import dev.parity.engine.RowSource;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The mess a load reports is counted from the cells it wrote: close to what was asked, exact for what could not be. */
class MessCountTest {

    private static final long ROWS = 100_000;

    /** A nullable text column that may take every kind, and a NOT NULL number that can take duplicates and extremes only. */
    private static TablePlan events(Mess mess) {
        TablePlan plan =
                new TablePlan(
                        DatasetSpec.of("events", ROWS).withOrigin(new Location("parity.yml", 9)),
                        TestTables.table("events").build(),
                        7);
        plan.add(
                new ColumnPlan(
                        new ColumnInfo(
                                "note", ColumnType.text("text", -1), true, null, false, false),
                        new ColumnValues(
                                (row, random) -> "note " + row, List.of("", "x".repeat(200)), true),
                        mess,
                        0,
                        -1));
        plan.add(
                new ColumnPlan(
                        new ColumnInfo(
                                "amount",
                                ColumnType.integer("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
                                false,
                                null,
                                false,
                                false),
                        new ColumnValues(
                                (row, random) -> String.valueOf(row),
                                List.of(String.valueOf(Long.MIN_VALUE)),
                                false),
                        mess.withNulls(0),
                        0,
                        -1));
        return plan;
    }

    private static void writeAll(TablePlan plan) {
        // two cursors, as two loader threads: counting must not lose cells to a race
        RowSource.Cursor even = plan.cursor();
        RowSource.Cursor odd = plan.cursor();
        IntStream.range(0, 2)
                .parallel()
                .forEach(
                        half -> {
                            for (long row = half; row < ROWS; row += 2) {
                                for (int column = 0; column < plan.width(); column++) {
                                    (half == 0 ? even : odd).value(row, column);
                                }
                            }
                        });
    }

    @Test
    void eachKindComesOutNearWhatWasAskedOfTheCellsThatCouldTakeIt() {
        Mess asked = new Mess(0.05, 0.10, 0.02, 0.03, 0.01);
        TablePlan plan = events(asked);
        writeAll(plan);

        Mess measured = plan.measuredMess();
        assertThat(measured.nulls())
                .isCloseTo(0.05, within(0.005)); // of the note column only: amount cannot be NULL
        assertThat(measured.unicode()).isCloseTo(0.10, within(0.005)); // text only
        assertThat(measured.whitespace()).isCloseTo(0.02, within(0.005));
        assertThat(measured.duplicates()).isCloseTo(0.03, within(0.005)); // both columns
        assertThat(measured.extremes()).isCloseTo(0.01, within(0.005));
    }

    @Test
    void cleanDataMeasuresClean() {
        TablePlan plan = events(Mess.none());
        writeAll(plan);

        assertThat(plan.measuredMess()).isEqualTo(Mess.none());
    }
}
