package dev.parity.capture;

import static dev.parity.config.YamlSections.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.config.Problem;
import dev.parity.data.ColumnRule;
import dev.parity.data.DatasetSpec;
import dev.parity.data.DatasetsSection;
import dev.parity.engine.CapturedSettings;
import dev.parity.profile.Profile;
import dev.parity.profile.ProfileLoader;
import dev.parity.profile.ProfileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written profile reads back as it was captured, whatever the values hold. */
class ProfileWriterTest {

    @TempDir Path dir;

    private static CapturedProfile captured(Map<String, ColumnRule.Stats> columns) {
        return new CapturedProfile(
                "prod",
                Optional.of("default"),
                "jdbc:postgresql://replica/shop as reader",
                Instant.parse("2026-11-26T22:00:00Z"),
                "pg_class, pg_stats, pg_settings",
                "postgres",
                "postgres:15",
                "15.8 (Debian 15.8-1)",
                "15",
                "UTF8",
                "en_US.utf8",
                "en_US.utf8",
                new CapturedSettings(
                        Map.of(
                                "work_mem",
                                "16MB",
                                "default_transaction_isolation",
                                "repeatable read"),
                        Map.of("shared_buffers", "8GB")),
                0.01,
                List.of(
                        new CapturedProfile.Table(
                                "orders", 2_400_000, 24_000, columns, List.of("note"), List.of())));
    }

    @Test
    void statsReadBackAsWritten() {
        Map<String, Double> mcv = new LinkedHashMap<>();
        mcv.put("a \"quoted\" value: with {braces}, [brackets] and # hash", 0.25);
        mcv.put("line\nbreak\ttab \\ back\u2028slash", 0.125);
        mcv.put("007", 0.0625);
        mcv.put("true", 0.03125);
        mcv.put("", 0.01);
        Map<String, ColumnRule.Stats> columns = new LinkedHashMap<>();
        columns.put(
                "note",
                new ColumnRule.Stats(
                        0.02, -0.75, Map.of(), List.of(0.3, 0.000123), List.of(), 12.5, -0.0123));
        columns.put("status", new ColumnRule.Stats(null, 5.0, mcv, List.of(), List.of(), 7.0, 1.0));
        columns.put(
                "placed_at",
                new ColumnRule.Stats(
                        0.5,
                        1500.0,
                        Map.of("2020-01-01", 0.01),
                        List.of(),
                        List.of(
                                "2020-01-01 00:00:00+00",
                                "2022-06-30 12:00:00+00",
                                "2024-12-31 23:59:59+00"),
                        null,
                        0.98));
        columns.put(
                "nothing",
                new ColumnRule.Stats(null, null, Map.of(), List.of(), List.of(), null, null));
        String yaml = ProfileWriter.write(captured(columns));

        String body = yaml.substring(yaml.indexOf("    datasets:")).replaceAll("(?m)^    ", "");
        List<Problem> problems = new ArrayList<>();
        List<DatasetSpec> datasets = DatasetsSection.datasets(profile(body, problems), problems);

        assertThat(problems).isEmpty();
        assertThat(datasets).hasSize(1);
        assertThat(datasets.get(0).table()).isEqualTo("orders");
        assertThat(datasets.get(0).rows()).isEqualTo(24_000);
        assertThat(datasets.get(0).columns()).isEqualTo(columns);
    }

    @Test
    void theWholeProfileLoads() throws Exception {
        Path file = dir.resolve("parity.yml");
        String yaml =
                ProfileWriter.write(
                                captured(
                                        Map.of(
                                                "status",
                                                new ColumnRule.Stats(
                                                        0.1,
                                                        3.0,
                                                        Map.of(),
                                                        List.of(0.5),
                                                        List.of(),
                                                        6.0,
                                                        null))))
                        .replace("    extends: \"default\"\n", "");
        Files.writeString(file, yaml);

        Profile profile =
                new ProfileLoader(getClass().getClassLoader())
                        .load(new ProfileSource("parity.yml", file.toUri().toURL()))
                        .profile("prod", "the writer test");

        assertThat(profile.database().image()).isEqualTo("postgres:15");
        assertThat(profile.database().settings())
                .containsEntry("work_mem", "16MB")
                .containsEntry("default_transaction_isolation", "repeatable read")
                .doesNotContainKey("shared_buffers");
        assertThat(profile.expected())
                .extracting(
                        e ->
                                e.fact()
                                        + (e.name().isEmpty() ? "" : "." + e.name())
                                        + "="
                                        + e.value())
                .contains(
                        "server_version=15",
                        "encoding=UTF8",
                        "collation=en_US.utf8",
                        "settings.work_mem=16MB");
        assertThat(profile.datasets())
                .singleElement()
                .satisfies(d -> assertThat(d.rows()).isEqualTo(24_000));
        // what was left out is shown, not set
        assertThat(yaml)
                .contains(
                        "#   shared_buffers: 8GB",
                        "rows: 24000   # production: 2400000",
                        "\"status\":\n            stats:\n              nulls: 0.1\n");
    }

    @Test
    void numbersAreWrittenAsYamlReadsThem() {
        assertThat(ProfileWriter.number(5.0)).isEqualTo("5");
        assertThat(ProfileWriter.number(0.000123)).isEqualTo("0.000123");
        assertThat(ProfileWriter.number(-0.75)).isEqualTo("-0.75");
        assertThat(ProfileWriter.quote("ä😀\u0007")).isEqualTo("\"ä😀\\u0007\"");
    }
}
