package dev.parity.bench;

import java.util.List;

/**
 * The {@code parity.yml} a new user writes for a corpus schema: the database on the target's image, the
 * schema file as its only init script, and {@code datasets:} with table names and row counts only, no
 * column rules. The harness has Parity read it as it reads any profile file.
 */
final class CorpusProfile {

    /** The one profile in the file. */
    static final String NAME = "corpus";

    private CorpusProfile() {}

    /**
     * @param serverFiles whether the server may read and write files (MariaDB's {@code secure_file_priv}, which
     *                    the images leave off): the baseline needs it, Parity's load does not
     */
    static String yaml(CorpusTarget target, List<TableRows> rows, long seed, boolean serverFiles) {
        StringBuilder yaml =
                new StringBuilder()
                        .append("# ")
                        .append(target.displayName())
                        .append(": ")
                        .append(target.file())
                        .append(" on ")
                        .append(target.image())
                        .append(", row counts only (written by the corpus harness)\n")
                        .append("profiles:\n")
                        .append("  ")
                        .append(NAME)
                        .append(":\n")
                        .append("    seed: ")
                        .append(seed)
                        .append('\n')
                        .append("    database:\n")
                        .append("      engine: ")
                        .append(target.engine())
                        .append('\n')
                        .append("      image: ")
                        .append(quoted(target.image()))
                        .append('\n')
                        .append("      init: [")
                        .append(quoted(target.script()))
                        .append("]\n");
        if (serverFiles && target.engine().equals("mariadb")) {
            yaml.append(
                            "      settings:                  # not the user's: only the harness's baseline reads and writes files\n")
                    .append("        secure_file_priv: /tmp\n");
        }
        yaml.append("    datasets:\n");
        for (TableRows table : rows) {
            yaml.append("      - table: ")
                    .append(quoted(table.table()))
                    .append('\n')
                    .append("        rows: ")
                    .append(table.rows())
                    .append('\n');
        }
        return yaml.toString();
    }

    /** A YAML double-quoted scalar: names with {@code .}, {@code :} or a leading {@code *} stay text. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
