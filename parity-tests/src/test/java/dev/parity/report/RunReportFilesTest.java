package dev.parity.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's measured mess in both files: every kind in report.json, the kinds it took in report.md. */
class RunReportFilesTest {

    @Test
    void eachTablesMeasuredMessIsInBothFiles(@TempDir Path directory) throws IOException {
        Map<String, Double> mess = new LinkedHashMap<>();
        mess.put("nulls", 0.0498);
        mess.put("unicode", 0.1012);
        mess.put("whitespace", 0.0);
        mess.put("duplicates", 0.02);
        mess.put("extremes", 0.0);
        RunReport report = new RunReport();
        report.add(
                new RunReport.Environment(
                        "default",
                        "postgres",
                        "postgres:15",
                        "15.18",
                        Map.of(),
                        "",
                        "",
                        42,
                        List.of(
                                new RunReport.Table(
                                        "customers", 1000, Duration.ofMillis(20), mess)),
                        Instant.parse("2026-11-26T00:00:00Z"),
                        Duration.ofSeconds(4)));

        report.writeTo(directory);

        assertThat(Files.readString(directory.resolve("report.json")))
                .contains(
                        "\"datasets\": [{\"table\": \"customers\", \"rows\": 1000, "
                                + "\"millis\": 20, \"rowsPerSecond\": 50000, \"mess\": {\"nulls\": 0.0498, \"unicode\": 0.1012, \"whitespace\": 0.0000, "
                                + "\"duplicates\": 0.0200, \"extremes\": 0.0000}}]");
        assertThat(Files.readString(directory.resolve("report.md")))
                .contains(
                        "| customers 1,000 rows in 20 ms (50,000 rows/s; nulls 5.0%, unicode 10.1%, duplicates 2.0%) |");
    }
}
