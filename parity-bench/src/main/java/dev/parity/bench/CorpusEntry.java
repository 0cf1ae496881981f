package dev.parity.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the corpus MANIFEST: its directory name, the engine(s) as the MANIFEST writes them
 * ({@code PostgreSQL}, {@code MySQL/MariaDB}, {@code PostgreSQL + MariaDB}), its schema files (relative
 * to the corpus directory, e.g. {@code spring-batch/schema-mariadb.sql}) and its rows line.
 */
record CorpusEntry(String name, String engines, List<String> files, List<TableRows> rows) {

    CorpusEntry {
        files = List.copyOf(files);
        rows = List.copyOf(rows);
    }

    /**
     * The engine id ({@code postgres} or {@code mariadb}) that runs {@code file}: its own name decides where
     * it names one ({@code schema-postgresql.sql}), else the entry's single engine.
     *
     * @throws IllegalArgumentException when neither tells
     */
    String engineOf(String file) {
        String name = Path.of(file).getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "postgres";
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return "mariadb";
        }
        String written = engines.toLowerCase(Locale.ROOT);
        boolean postgres = written.contains("postgres");
        boolean mariadb = written.contains("mariadb") || written.contains("mysql");
        if (postgres != mariadb) {
            return postgres ? "postgres" : "mariadb";
        }
        throw new IllegalArgumentException(
                "entry "
                        + name()
                        + ": cannot tell which engine runs "
                        + file
                        + " (engine: "
                        + engines
                        + ")");
    }
}
