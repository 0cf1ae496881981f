package dev.parity.bench;

import dev.parity.engine.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 21's harness, "any production schema fills with row counts only": for every entry of the schema
 * corpus ({@code ../shared/corpus/MANIFEST.md}) and each engine it has a file for, does what a new user
 * does ({@link CorpusRun}: the schema file as the init script of a profile whose datasets are the entry's
 * rows line, table names and row counts only), times the server's own bulk load of the same rows beside
 * it ({@link ServerBulkLoad}), and prints a table ({@link CorpusTable}). A failing entry is a row of the
 * table, not the end of the run; every entry's containers are stopped after it, and the run checks that
 * none of its own is left.
 *
 * <p>On demand only (the corpus is not part of the repository; CI never runs it). From the repository root,
 * Docker running, the images local:
 * <pre>
 * mvn -B -q -pl parity-bench -am package -DskipTests
 * java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.CorpusHarness --help
 * </pre>
 */
public final class CorpusHarness {

    static final String COMMAND =
            "java -cp \"parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)\" dev.parity.bench.CorpusHarness";

    private CorpusHarness() {}

    public static void main(String[] args) throws IOException {
        quietContainerLogs();
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(HarnessOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(HarnessOptions.USAGE);
            return;
        }
        Path corpus = options.corpusDirectory(Path.of("").toAbsolutePath());
        Path manifestFile = corpus.resolve("MANIFEST.md");
        if (!Files.isRegularFile(manifestFile)) {
            System.err.println(
                    "no corpus at "
                            + corpus
                            + " (no MANIFEST.md there): give its directory with --corpus <dir>");
            System.exit(2);
            return;
        }
        CorpusManifest manifest =
                CorpusManifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        List<CorpusTarget> targets = CorpusTarget.of(manifest, options, engineDefaults());
        if (targets.isEmpty()) {
            System.err.println(
                    "no entry matches "
                            + options.selectors()
                            + options.engine().map(e -> " on " + e).orElse("")
                            + "; the MANIFEST has "
                            + manifest.entries().stream().map(CorpusEntry::name).toList());
            System.exit(2);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "Corpus %s: %d schema(s), scale %s, seed %d, %d generator threads, at most %d min each%n",
                corpus,
                targets.size(),
                options.scale(),
                options.seed(),
                options.threads(),
                options.timeout().toMinutes());
        Path profiles = Files.createTempDirectory("parity-corpus-profiles");
        long started = System.nanoTime();
        List<CorpusResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                CorpusTarget target = targets.get(i);
                System.out.printf(
                        Locale.ROOT,
                        "%n== [%d/%d] %s: %s on %s ==%n",
                        i + 1,
                        targets.size(),
                        target.displayName(),
                        target.file(),
                        target.image());
                long began = System.nanoTime();
                CorpusResult result =
                        BoundedRun.run(
                                new CorpusRun(target, options, corpus, profiles),
                                target,
                                options.timeout());
                results.add(result);
                System.out.printf(
                        Locale.ROOT,
                        "== %s: %s in %.0f s%n",
                        target.displayName(),
                        result.succeeded()
                                ? "filled"
                                : result.problem()
                                        .map(p -> p.cell(200))
                                        .orElse(
                                                result.filled()
                                                        + "/"
                                                        + result.asked()
                                                        + " tables filled"),
                        (System.nanoTime() - began) / 1e9);
            }
        } finally {
            int left = OwnContainers.remove(null);
            if (left > 0) {
                System.out.println(
                        "WARNING: "
                                + left
                                + " container(s) of this run were still there after their entries and have been removed");
            }
            deleteQuietly(profiles);
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        System.out.println();
        CorpusTable.print(results, System.out);
        System.out.printf(
                Locale.ROOT,
                "The whole run took %.1f min. No container of this run is left (checked by its labels).%n",
                minutes);
        System.out.println("Run again with: " + COMMAND + " " + String.join(" ", args));
    }

    /** Engine id to Parity's default image, for an engine the MANIFEST names no image for. */
    private static Map<String, String> engineDefaults() {
        Map<String, String> images = new LinkedHashMap<>();
        for (String id : Engines.ids()) {
            Engines.byId(id).ifPresent(engine -> images.put(id, engine.defaultImage()));
        }
        return images;
    }

    /** Testcontainers' and docker-java's INFO lines would bury the table; a user's {@code -D} setting wins. */
    private static void quietContainerLogs() {
        for (String logger : List.of("org.testcontainers", "tc", "com.github.dockerjava")) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a few small profile files in the temporary directory
        }
    }
}
