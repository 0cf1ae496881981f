package dev.parity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a run tested against, written when the run ends as {@code report.json} (for tools) and
 * {@code report.md} (a table a person reads in a CI log or artifact): each environment as it started, each
 * test with its profile, toxics, faults, pins, outcome and time, and for a failed test one line that
 * replays its data, toxics, zone and locale. Safe to add to from parallel classes.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReport {

    /**
     * An environment as it started.
     *
     * @param settings the server settings the profile set, as written
     * @param tables   each table loaded: rows, milliseconds, rows per second
     */
    public record Environment(
            String profile,
            String engine,
            String image,
            String serverVersion,
            Map<String, String> settings,
            String zone,
            String locale,
            long seed,
            List<Table> tables,
            Instant startedAt,
            Duration startup,
            String start) {

        /** How an environment's server started when it was built from scratch: initdb, scripts, load. */
        public static final String COLD = "cold";

        /** As before warm starts: built from scratch. */
        public Environment(
                String profile,
                String engine,
                String image,
                String serverVersion,
                Map<String, String> settings,
                String zone,
                String locale,
                long seed,
                List<Table> tables,
                Instant startedAt,
                Duration startup) {
            this(
                    profile,
                    engine,
                    image,
                    serverVersion,
                    settings,
                    zone,
                    locale,
                    seed,
                    tables,
                    startedAt,
                    startup,
                    COLD);
        }
    }

    /**
     * One table of an environment's datasets.
     *
     * @param mess each kind of mess (nulls, unicode, ...) and its measured share of the cells that could take it, in order
     */
    public record Table(String name, long rows, Duration took, Map<String, Double> mess) {

        public Table {
            mess = Collections.unmodifiableMap(new LinkedHashMap<>(mess));
        }

        /** "nulls 4.9%, unicode 10.1%": the kinds it took. */
        String messDescribed() {
            return mess.entrySet().stream()
                    .filter(kind -> kind.getValue() > 0)
                    .map(
                            kind ->
                                    String.format(
                                            Locale.ROOT,
                                            "%s %.1f%%",
                                            kind.getKey(),
                                            kind.getValue() * 100))
                    .collect(Collectors.joining(", "));
        }

        double rowsPerSecond() {
            return took.isZero() ? 0 : rows / (took.toNanos() / 1e9);
        }
    }

    /**
     * One test.
     *
     * @param faults   the faults the test switched on (declared ones too), as called
     * @param fired    how often each of them fired over the test ("writes failed: accounts 2"); 0 for one that never did
     * @param outcome  successful, failed, aborted
     * @param replay   for a failed test, the switches that replay its data, toxics, zone and locale; else empty
     */
    public record Test(
            String testClass,
            String method,
            String profile,
            List<String> toxics,
            List<String> faults,
            List<String> fired,
            String zone,
            String locale,
            String outcome,
            Duration took,
            String replay) {}

    private final List<Environment> environments = new ArrayList<>();
    private final List<Test> tests = new ArrayList<>();

    public synchronized void add(Environment environment) {
        environments.add(environment);
    }

    public synchronized void add(Test test) {
        tests.add(test);
    }

    /** Writes both files into {@code directory}, creating it; returns how long it took. */
    public synchronized Duration writeTo(Path directory) {
        long started = System.nanoTime();
        List<Test> sorted =
                tests.stream()
                        .sorted(Comparator.comparing(Test::testClass).thenComparing(Test::method))
                        .toList();
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve("report.json"), json(sorted), StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve("report.md"), markdown(sorted), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the run report to " + directory + ": " + e.getMessage(), e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private String json(List<Test> sorted) {
        StringBuilder out = new StringBuilder("{\n  \"environments\": [");
        for (int i = 0; i < environments.size(); i++) {
            Environment e = environments.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"profile\": ")
                    .append(quoted(e.profile()))
                    .append(", \"engine\": ")
                    .append(quoted(e.engine()))
                    .append(", \"image\": ")
                    .append(quoted(e.image()))
                    .append(", \"serverVersion\": ")
                    .append(quoted(e.serverVersion()))
                    .append(", \"settings\": {")
                    .append(
                            e.settings().entrySet().stream()
                                    .map(s -> quoted(s.getKey()) + ": " + quoted(s.getValue()))
                                    .collect(Collectors.joining(", ")))
                    .append("}")
                    .append(", \"zone\": ")
                    .append(quoted(e.zone()))
                    .append(", \"locale\": ")
                    .append(quoted(e.locale()))
                    .append(", \"seed\": ")
                    .append(e.seed())
                    .append(", \"startedAt\": ")
                    .append(quoted(e.startedAt().toString()))
                    .append(", \"startupMillis\": ")
                    .append(e.startup().toMillis())
                    .append(", \"start\": ")
                    .append(quoted(e.start()))
                    .append(", \"datasets\": [")
                    .append(
                            e.tables().stream()
                                    .map(
                                            t ->
                                                    String.format(
                                                            Locale.ROOT,
                                                            "{\"table\": %s, \"rows\": %d, \"millis\": %d, \"rowsPerSecond\": %.0f, "
                                                                    + "\"mess\": {%s}}",
                                                            quoted(t.name()),
                                                            t.rows(),
                                                            t.took().toMillis(),
                                                            t.rowsPerSecond(),
                                                            t.mess().entrySet().stream()
                                                                    .map(
                                                                            kind ->
                                                                                    String.format(
                                                                                            Locale
                                                                                                    .ROOT,
                                                                                            "%s: %.4f",
                                                                                            quoted(
                                                                                                    kind
                                                                                                            .getKey()),
                                                                                            kind
                                                                                                    .getValue()))
                                                                    .collect(
                                                                            Collectors.joining(
                                                                                    ", "))))
                                    .collect(Collectors.joining(", ")))
                    .append("]}");
        }
        out.append("\n  ],\n  \"tests\": [");
        for (int i = 0; i < sorted.size(); i++) {
            Test t = sorted.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"class\": ")
                    .append(quoted(t.testClass()))
                    .append(", \"method\": ")
                    .append(quoted(t.method()))
                    .append(", \"profile\": ")
                    .append(quoted(t.profile()))
                    .append(", \"toxics\": ")
                    .append(list(t.toxics()))
                    .append(", \"faults\": ")
                    .append(list(t.faults()))
                    .append(", \"fired\": ")
                    .append(list(t.fired()))
                    .append(", \"zone\": ")
                    .append(quoted(t.zone()))
                    .append(", \"locale\": ")
                    .append(quoted(t.locale()))
                    .append(", \"outcome\": ")
                    .append(quoted(t.outcome()))
                    .append(", \"millis\": ")
                    .append(t.took().toMillis())
                    .append(t.replay().isEmpty() ? "" : ", \"replay\": " + quoted(t.replay()))
                    .append("}");
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private String markdown(List<Test> sorted) {
        StringBuilder out =
                new StringBuilder(
                        "# Parity run report\n\n## Environments\n\n"
                                + "| profile | engine | image | server version | settings | zone | locale | seed | datasets | started | startup |\n"
                                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Environment e : environments) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %d ms%s |\n",
                            cell(e.profile()),
                            cell(e.engine()),
                            cell(e.image()),
                            cell(e.serverVersion()),
                            cell(
                                    e.settings().entrySet().stream()
                                            .map(s -> s.getKey() + "=" + s.getValue())
                                            .collect(Collectors.joining(", "))),
                            cell(e.zone()),
                            cell(e.locale()),
                            e.seed(),
                            cell(
                                    e.tables().stream()
                                            .map(
                                                    t ->
                                                            String.format(
                                                                    Locale.ROOT,
                                                                    "%s %,d rows in %d ms (%,.0f rows/s%s)",
                                                                    t.name(),
                                                                    t.rows(),
                                                                    t.took().toMillis(),
                                                                    t.rowsPerSecond(),
                                                                    t.messDescribed().isEmpty()
                                                                            ? ""
                                                                            : "; "
                                                                                    + t
                                                                                            .messDescribed()))
                                            .collect(Collectors.joining("; "))),
                            e.startedAt(),
                            e.startup().toMillis(),
                            e.start().equals(Environment.COLD)
                                    ? ""
                                    : " (" + cell(e.start()) + ")"));
        }
        out.append(
                "\n## Tests\n\n| class | test | profile | toxics | faults | fired | zone | locale | outcome | time |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Test t : sorted) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d ms |\n",
                            cell(t.testClass()),
                            cell(t.method()),
                            cell(t.profile()),
                            cell(String.join(", ", t.toxics())),
                            cell(String.join(", ", t.faults())),
                            cell(String.join(", ", t.fired())),
                            cell(t.zone()),
                            cell(t.locale()),
                            t.outcome(),
                            t.took().toMillis()));
        }
        List<Test> failed = sorted.stream().filter(t -> !t.replay().isEmpty()).toList();
        if (!failed.isEmpty()) {
            out.append("\n## Replay a failed test\n\n");
            failed.forEach(
                    t ->
                            out.append("- `")
                                    .append(t.testClass())
                                    .append('.')
                                    .append(t.method())
                                    .append("`: `")
                                    .append(t.replay())
                                    .append("`\n"));
        }
        return out.toString();
    }

    private static String list(List<String> values) {
        return values.stream().map(RunReport::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                        out.append(
                                c < 0x20
                                        ? String.format(Locale.ROOT, "\\u%04x", (int) c)
                                        : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A Markdown table cell: no pipe or line break may end it early. */
    static String cell(String value) {
        return value == null || value.isEmpty()
                ? "—"
                : value.replace("|", "\\|").replace("\n", " ");
    }
}
