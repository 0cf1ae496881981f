package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.engine.FreeDisk;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.settings.Settings;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** A load's size, estimated from sampled rows, against the ceiling and the database's free disk; sizes as messages write them. */
class LoadSizeTest {

    private static final long GB = 1L << 30;
    private static final Supplier<Optional<FreeDisk>> NOT_TO_BE_ASKED =
            () -> {
                throw new AssertionError("the disk was asked, and asking costs a docker exec");
            };

    /** {@code rows} rows of one column whose values are 99 characters: 100 bytes a row with its delimiter. */
    private static TablePlan events(long rows) {
        TablePlan plan =
                new TablePlan(
                        DatasetSpec.of("events", rows).withOrigin(new Location("parity.yml", 9)),
                        TestTables.table("events").build(),
                        7);
        plan.add(
                new ColumnPlan(
                        new ColumnInfo(
                                "payload", ColumnType.text("text", -1), false, null, false, false),
                        ColumnValues.of((row, random) -> "x".repeat(99)),
                        Mess.none(),
                        0,
                        -1));
        return plan;
    }

    @Test
    void theEstimateIsTheSampledWidthTimesTheRows() {
        assertThat(LoadSize.estimate(events(10_000_000))).isEqualTo(1_000_000_000L);
        assertThat(LoadSize.estimate(events(0))).isZero();
    }

    @Test
    void aLoadLargerThanTheDatabasesFreeDiskIsRefusedWithBoth() {
        Optional<Problem> problem =
                LoadSize.check(
                        List.of(events(10_000_000)),
                        20 * GB,
                        () -> Optional.of(new FreeDisk("/var/lib/postgresql/data", 500L << 20)));

        assertThat(problem)
                .map(p -> p.where() + ": " + p.describe())
                .contains(
                        "parity.yml, line 9: the datasets would write about 953.7 MB (table 'events' "
                                + "alone: 10,000,000 rows of about 100 bytes, 953.7 MB), more than the 500.0 MB free on the database's disk "
                                + "(/var/lib/postgresql/data in its container). Ask for fewer rows, or free space on the disk Docker keeps containers on "
                                + "('docker system df' shows what it holds).");
    }

    @Test
    void aLoadTheDiskHoldsPasses() {
        assertThat(
                        LoadSize.check(
                                List.of(events(10_000_000)),
                                20 * GB,
                                () -> Optional.of(new FreeDisk("/var/lib/mysql", 10 * GB))))
                .isEmpty();
        assertThat(LoadSize.check(List.of(events(10_000_000)), 20 * GB, Optional::empty))
                .as("a disk that cannot tell")
                .isEmpty();
    }

    @Test
    void aSmallLoadDoesNotAskTheDiskAndOneAboveTheCeilingNeedNot() {
        assertThat(LoadSize.check(List.of(events(100_000)), 20 * GB, NOT_TO_BE_ASKED)).isEmpty();

        Optional<Problem> problem =
                LoadSize.check(List.of(events(10_000_000)), 100L << 20, NOT_TO_BE_ASKED);
        assertThat(problem)
                .map(Problem::describe)
                .hasValueSatisfying(
                        message ->
                                assertThat(message)
                                        .contains(
                                                "more than the ceiling of 100.0 MB. Ask for fewer rows, or raise the ceiling with -Dparity.data.maxBytes=<bytes>"));
    }

    @Test
    void sizesInBinaryUnits() {
        assertThat(LoadSize.size(512)).isEqualTo("512 bytes");
        assertThat(LoadSize.size(20L << 30)).isEqualTo("20.0 GB");
        assertThat(LoadSize.size(120L << 40)).isEqualTo("120.0 TB");
        assertThat(LoadSize.size(Long.MAX_VALUE)).isEqualTo("8.0 EB");
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void theCeilingIsReadStrictly() {
        assertThat(LoadSize.maxBytes()).isEqualTo(20L << 30);
        System.setProperty(
                Settings.DATA_MAX_BYTES.name(), "50GB"); // Long.getLong took this for the default
        try {
            assertThatThrownBy(LoadSize::maxBytes)
                    .isInstanceOf(ProblemException.class)
                    .hasMessage(
                            "system property parity.data.maxBytes: "
                                    + "'50GB' is not a whole number. Set it to 1 or more bytes, for example -Dparity.data.maxBytes=53687091200.");
            System.setProperty(Settings.DATA_MAX_BYTES.name(), "1000");
            assertThat(LoadSize.maxBytes()).isEqualTo(1000);
        } finally {
            System.clearProperty(Settings.DATA_MAX_BYTES.name());
        }
    }
}
