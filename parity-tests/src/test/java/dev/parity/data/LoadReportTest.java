package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** What a load report says: each table's rows, time and rate, in the same words whatever the locale. */
@ResourceLock(Resources.LOCALE)
class LoadReportTest {

    private static final LoadReport REPORT =
            new LoadReport(
                    42,
                    List.of(
                            new LoadReport.TableLoad("customers", 1000, Duration.ofMillis(120)),
                            new LoadReport.TableLoad("orders", 10_000, Duration.ofMillis(800)),
                            new LoadReport.TableLoad("audit", 0, Duration.ofMillis(3))),
                    Duration.ofMillis(1300));

    @Test
    void eachTableSaysItsRowsTimeAndRate() {
        assertThat(REPORT.tables().get(0)).hasToString("customers 1,000 in 0.12 s (8,333 rows/s)");
        assertThat(REPORT.tables().get(0).rowsPerSecond()).isCloseTo(8333.3, offset(0.1));
        assertThat(REPORT)
                .hasToString(
                        "11,000 rows in 1.30 s (8,462 rows/s), seed 42: customers 1,000 in 0.12 s (8,333 rows/s), "
                                + "orders 10,000 in 0.80 s (12,500 rows/s), audit 0 in 0.00 s");
    }

    @Test
    void phasesAddUpInTheOrderTheyRanAndSayTheirSecondsInTheRootLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            LoadPhases.Clock clock = new LoadPhases.Clock(System.nanoTime());
            clock.lap(LoadPhases.SCHEMA);
            clock.add(LoadPhases.GENERATE, 1_500_000_000L);
            clock.add(LoadPhases.SEND, 250_000_000L);
            clock.add(LoadPhases.GENERATE, 500_000_000L);
            clock.skip();
            clock.lap(LoadPhases.ANALYZE);
            LoadPhases phases = clock.phases();

            assertThat(phases.phases().keySet())
                    .containsExactly(
                            LoadPhases.SCHEMA,
                            LoadPhases.GENERATE,
                            LoadPhases.SEND,
                            LoadPhases.ANALYZE);
            assertThat(phases.of(LoadPhases.GENERATE)).isEqualTo(Duration.ofSeconds(2));
            assertThat(phases.of(LoadPhases.RESTORE)).isEqualTo(Duration.ZERO);
            assertThat(phases.toString())
                    .contains("waiting for generated rows 2.00 s, sending rows 0.25 s, analyze ");
            // the skipped time is nobody's: analyze took microseconds, not the 2.25 s added
            assertThat(phases.of(LoadPhases.ANALYZE)).isLessThan(Duration.ofSeconds(1));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theLocaleDoesNotChangeTheWords() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(REPORT.tables().get(1))
                    .hasToString("orders 10,000 in 0.80 s (12,500 rows/s)");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aTableNobodyAskedForSaysWhoNeededIt() {
        LoadReport report =
                new LoadReport(
                        1,
                        List.of(
                                new LoadReport.TableLoad(
                                        "customer",
                                        1000,
                                        Duration.ofMillis(100),
                                        java.util.Optional.of("rental"),
                                        Mess.none()),
                                new LoadReport.TableLoad("rental", 10_000, Duration.ofMillis(500))),
                        Duration.ofMillis(700));
        assertThat(report.followed())
                .containsExactly(
                        "rental needs customer: filling it with 1,000 rows (turn off with follow-parents: false)");
        assertThat(report.tables().get(0))
                .hasToString("customer 1,000 in 0.10 s (10,000 rows/s, needed by rental)");
        assertThat(REPORT.followed()).isEmpty();
    }
}
