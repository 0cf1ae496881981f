package dev.parity.bench;

import dev.parity.engine.Engine;
import dev.parity.engine.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CorpusHarness}'s command line: plain arguments select entries (a name or a prefix of names), the
 * options below change the run. Parsing has no side effects; {@link #USAGE} is what {@code --help} prints.
 *
 * @param selectors entry names or prefixes; none: every entry
 * @param scale     multiplies every rows line (at least 1 row per table)
 * @param images    engine id to the image to run it on, overriding the MANIFEST's default
 * @param entryImages entry name (or prefix) to the image its files run on, over {@code images} (a schema that needs a newer server)
 * @param engine    only the schema files of this engine, if given
 * @param corpus    the corpus directory, if given; else {@link #corpusDirectory(Path)} finds it
 * @param threads   Parity's generator threads
 * @param seed      the profile's seed: the same seed gives the same rows
 * @param timeout   the most one entry may take, start to baseline; then its containers are removed
 * @param baseline  whether to measure the server's own bulk load after Parity's
 * @param digest    whether to print a fingerprint of each loaded table's rows, to compare runs of one seed
 * @param help      {@code --help}: print {@link #USAGE} and do nothing else
 */
record HarnessOptions(
        List<String> selectors,
        double scale,
        Map<String, String> images,
        Map<String, String> entryImages,
        Optional<String> engine,
        Optional<Path> corpus,
        int threads,
        long seed,
        Duration timeout,
        boolean baseline,
        boolean digest,
        boolean help) {

    static final String USAGE =
            """
            Usage: java -cp "parity-bench/target/classes:$(cat parity-bench/target/classpath.txt)" dev.parity.bench.CorpusHarness [options] [entry ...]

            Fills every schema of the corpus (its MANIFEST.md) with its rows line, as a new user's profile would:
            the schema file as the database's init script, datasets with table names and row counts only.
            Prints one row per schema and engine, then the full problems, then 'filled k of n entries'.

              entry ...            entry names or prefixes (chinook, spring-batch); default: every entry
              --scale <f>          multiply every rows line by f, at least 1 row per table (default 1; 0.1 for a quick run)
              --image <image>      run that engine's files on this image (postgres:17, mariadb:11.8); repeatable,
                                   default: the first image the MANIFEST names per engine;
                                   <entry>=<image> for one entry's files (lemmy=postgres:17)
              --engine <id>        only the files of one engine: postgres or mariadb
              --corpus <dir>       the corpus directory (default ../shared/corpus from the working directory,
                                   else /work/shared/corpus)
              --threads <n>        Parity's generator threads (default: the processors, as a test run uses)
              --seed <n>           the profile's seed (default 42): the same seed gives the same rows
              --timeout <minutes>  the most one entry may take, start to baseline (default 30); then its
                                   containers are removed and the next entry starts
              --no-baseline        skip the server's own bulk load of the same rows
              --digest             print a fingerprint of each table's rows (order-free): two runs of one seed print the same
              --help               this text
            """;

    static final Path DEFAULT_CORPUS = Path.of("../shared/corpus");
    static final Path FALLBACK_CORPUS = Path.of("/work/shared/corpus");

    /**
     * @throws IllegalArgumentException naming the argument that is wrong and what it takes
     */
    static HarnessOptions parse(String... args) {
        List<String> selectors = new ArrayList<>();
        Map<String, String> images = new LinkedHashMap<>();
        Map<String, String> entryImages = new LinkedHashMap<>();
        double scale = 1.0;
        Optional<String> engine = Optional.empty();
        Optional<Path> corpus = Optional.empty();
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 42;
        Duration timeout = Duration.ofMinutes(30);
        boolean baseline = true;
        boolean digest = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                selectors.add(arg);
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help" -> help = true;
                case "--no-baseline" -> baseline = false;
                case "--digest" -> digest = true;
                case "--scale",
                        "--image",
                        "--engine",
                        "--corpus",
                        "--threads",
                        "--seed",
                        "--timeout" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--scale" -> scale = positive(name, number(name, value));
                        case "--image" -> {
                            if (value.contains("=")) {
                                String image = value.substring(value.indexOf('=') + 1);
                                engineOfImage(image);
                                entryImages.put(value.substring(0, value.indexOf('=')), image);
                            } else {
                                images.put(engineOfImage(value), value);
                            }
                        }
                        case "--engine" -> engine = Optional.of(engineId(value));
                        case "--corpus" -> corpus = Optional.of(Path.of(value));
                        case "--threads" -> threads = (int) positive(name, whole(name, value));
                        case "--seed" -> seed = whole(name, value);
                        default ->
                                timeout =
                                        Duration.ofMinutes(
                                                (long) positive(name, whole(name, value)));
                    }
                }
                default ->
                        throw new IllegalArgumentException(
                                "unknown option " + arg + "; --help lists them");
            }
        }
        return new HarnessOptions(
                List.copyOf(selectors),
                scale,
                Map.copyOf(images),
                Map.copyOf(entryImages),
                engine,
                corpus,
                threads,
                seed,
                timeout,
                baseline,
                digest,
                help);
    }

    /** Whether {@code entry} is selected: no selectors, or one that is its name or a prefix of it. */
    boolean selects(String entry) {
        return selectors.isEmpty() || selectors.stream().anyMatch(entry::startsWith);
    }

    /** The corpus directory: {@code --corpus}, else {@link #DEFAULT_CORPUS} from {@code workingDirectory} if it is one, else {@link #FALLBACK_CORPUS}. */
    Path corpusDirectory(Path workingDirectory) {
        if (corpus.isPresent()) {
            return corpus.get();
        }
        Path relative = workingDirectory.resolve(DEFAULT_CORPUS).normalize();
        return Files.isDirectory(relative) ? relative : FALLBACK_CORPUS;
    }

    /** As a profile without {@code engine:} tells it: by the official image's name. */
    private static String engineOfImage(String image) {
        return Engines.ownerOfImage(image)
                .map(Engine::id)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "--image "
                                                + image
                                                + ": not an official postgres or mariadb image"));
    }

    private static String engineId(String value) {
        if (value.equals("postgres") || value.equals("mariadb")) {
            return value;
        }
        throw new IllegalArgumentException("--engine takes postgres or mariadb, not " + value);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not " + value, e);
        }
    }

    private static long whole(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + value, e);
        }
    }

    private static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " takes a number above 0, not " + value);
        }
        return value;
    }
}
