package dev.parity.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus's {@code MANIFEST.md}, as far as the harness needs it: the index table (entry, engine,
 * files), each entry's section ({@code ## 6. spring-batch ...}) with its {@code - Rows: `...`} line, and
 * the images the introduction names first per engine ({@code postgres:15/17, mariadb:10.11/11.8}: the
 * defaults). Everything else in it is for people.
 */
final class CorpusManifest {

    private static final Pattern INDEX_ROW = Pattern.compile("^\\|\\s*\\d+\\s*\\|(.*)\\|\\s*$");
    private static final Pattern SECTION = Pattern.compile("^##\\s+\\d+\\.\\s+(\\S+).*$");
    private static final Pattern ROWS = Pattern.compile("^-\\s+Rows\\b.*:.*`[^`]*`\\s*$");
    private static final Pattern IMAGE =
            Pattern.compile("\\b(postgres|mariadb):(\\d+(?:\\.\\d+)*)");

    private final List<CorpusEntry> entries;
    private final Map<String, String> defaultImages;

    private CorpusManifest(List<CorpusEntry> entries, Map<String, String> defaultImages) {
        this.entries = List.copyOf(entries);
        this.defaultImages = Map.copyOf(defaultImages);
    }

    /** The entries, in the index table's order. */
    List<CorpusEntry> entries() {
        return entries;
    }

    /** Engine id to the image the MANIFEST names first for it, for the engines it names. */
    Map<String, String> defaultImages() {
        return defaultImages;
    }

    /**
     * @throws IllegalArgumentException with the line, when the index table is missing, a row of it is not
     *                                  {@code | # | entry | engine | file(s) | tables |}, or an entry has
     *                                  no section with a rows line (or a rows line is not {@code table:rows ...})
     */
    static CorpusManifest parse(String text) {
        String[] lines = text.split("\\R", -1);
        Map<String, String[]> index = new LinkedHashMap<>();
        Map<String, List<TableRows>> rows = new LinkedHashMap<>();
        Map<String, String> images = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (index.isEmpty() && section == null) {
                Matcher image = IMAGE.matcher(line);
                while (image.find()) {
                    images.putIfAbsent(image.group(1), image.group(1) + ":" + image.group(2));
                }
            }
            Matcher row = INDEX_ROW.matcher(line);
            Matcher heading = SECTION.matcher(line);
            if (row.matches()) {
                String[] cells = row.group(1).split("\\|", -1);
                if (cells.length < 3) {
                    throw new IllegalArgumentException(
                            "MANIFEST line "
                                    + (i + 1)
                                    + ": an index row is | # | entry | engine | file(s) | tables |");
                }
                index.put(cells[0].strip(), cells);
            } else if (heading.matches()) {
                section = heading.group(1);
            } else if (section != null
                    && ROWS.matcher(line).matches()
                    && !rows.containsKey(section)) {
                String quoted =
                        line.substring(
                                line.lastIndexOf('`', line.length() - 2) + 1,
                                line.lastIndexOf('`'));
                try {
                    rows.put(section, TableRows.parseLine(quoted));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "MANIFEST line "
                                    + (i + 1)
                                    + ", rows of "
                                    + section
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
        }
        if (index.isEmpty()) {
            throw new IllegalArgumentException(
                    "MANIFEST has no index table (| # | entry | engine | file(s) | tables |)");
        }
        List<CorpusEntry> entries = new ArrayList<>();
        index.forEach(
                (name, cells) -> {
                    List<TableRows> entryRows = rows.get(name);
                    if (entryRows == null || entryRows.isEmpty()) {
                        throw new IllegalArgumentException(
                                "MANIFEST: entry "
                                        + name
                                        + " has no section '## n. "
                                        + name
                                        + "' with a '- Rows: `table:rows ...`' line");
                    }
                    List<String> files = new ArrayList<>();
                    for (String file : cells[2].split(",")) {
                        if (!file.isBlank()) {
                            files.add(file.strip());
                        }
                    }
                    entries.add(new CorpusEntry(name, cells[1].strip(), files, entryRows));
                });
        return new CorpusManifest(entries, images);
    }
}
