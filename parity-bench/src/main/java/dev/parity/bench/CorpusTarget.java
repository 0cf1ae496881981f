package dev.parity.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One schema file of a corpus entry on one engine and image: one row of the harness's table.
 *
 * @param entry  the MANIFEST entry
 * @param file   the schema file, relative to the corpus directory ({@code spring-batch/schema-mariadb.sql})
 * @param engine the engine id that runs it
 * @param image  the image it runs on
 */
record CorpusTarget(CorpusEntry entry, String file, String engine, String image) {

    /** Every selected entry's files, in MANIFEST order, each on its engine's image ({@code --image}, else the MANIFEST's default). */
    static List<CorpusTarget> of(
            CorpusManifest manifest, HarnessOptions options, Map<String, String> engineDefaults) {
        List<CorpusTarget> targets = new ArrayList<>();
        for (CorpusEntry entry : manifest.entries()) {
            if (!options.selects(entry.name())) {
                continue;
            }
            for (String file : entry.files()) {
                String engine = entry.engineOf(file);
                if (options.engine().isPresent() && !options.engine().get().equals(engine)) {
                    continue;
                }
                String image =
                        options.entryImages().entrySet().stream()
                                .filter(e -> entry.name().startsWith(e.getKey()))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElseGet(
                                        () ->
                                                options.images()
                                                        .getOrDefault(
                                                                engine,
                                                                manifest.defaultImages()
                                                                        .getOrDefault(
                                                                                engine,
                                                                                engineDefaults.get(
                                                                                        engine))));
                targets.add(new CorpusTarget(entry, file, engine, image));
            }
        }
        return List.copyOf(targets);
    }

    /** The entry's name, with the engine where the entry has a file per engine: {@code spring-batch [mariadb]}. */
    String displayName() {
        return entry.files().size() > 1 ? entry.name() + " [" + engine + "]" : entry.name();
    }

    /** The init script's name as the profile gives it: the file's path inside the entry's directory. */
    String script() {
        return directory().relativize(Path.of(file)).toString();
    }

    /** The entry's directory, relative to the corpus: the class loader's root, so that the profile names the file alone. */
    Path directory() {
        Path parent = Path.of(file).getParent();
        return parent != null ? parent : Path.of(entry.name());
    }

    /** For container labels and file names: letters, digits and dashes. */
    String slug() {
        return (entry.name() + (entry.files().size() > 1 ? "-" + engine : ""))
                .replaceAll("[^A-Za-z0-9-]", "-");
    }
}
