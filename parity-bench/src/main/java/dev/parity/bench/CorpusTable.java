package dev.parity.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The harness's output: one row per corpus target, a legend of what each number measures, each target's
 * details and full problem, and the summary line {@code filled k of n entries}.
 */
final class CorpusTable {

    static final String[] HEADER = {
        "entry",
        "engine/image",
        "tables filled (n/m)",
        "rows",
        "seconds",
        "rows/s",
        "server's own bulk load rows/s (baseline)",
        "Parity / baseline",
        "Parity / (baseline + ANALYZE)",
        "first problem"
    };

    /** The first problem's cell is cut here; the whole message follows the table. */
    static final int PROBLEM_WIDTH = 150;

    private CorpusTable() {}

    static void print(List<CorpusResult> results, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        results.forEach(result -> rows.add(cells(result)));
        int[] widths = new int[HEADER.length];
        rows.forEach(
                row -> {
                    for (int i = 0; i < row.length; i++) {
                        widths[i] = Math.max(widths[i], row[i].length());
                    }
                });
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[HEADER.length];
                for (int i = 0; i < rule.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
        out.println();
        out.println(
                "seconds: Parity's DatasetLoader.load from the profile's datasets (planning, generating, COPY / LOAD DATA LOCAL, indexes and foreign keys"
                        + " rebuilt, ANALYZE); rows: all it loaded, parents it followed included.");
        out.println(
                "baseline: the same rows, written to a file inside the container, loaded by the server alone. PostgreSQL: "
                        + PostgresBulkLoad.HOW
                        + ". MariaDB: "
                        + MariaDbBulkLoad.HOW
                        + ". Then the server's ANALYZE of the same tables, timed apart, one session.");
        out.println(
                "Parity / baseline: Parity's seconds over the baseline's load (the issue's goal: 1.3 at most); Parity /"
                        + " (baseline + ANALYZE): over its load and ANALYZE, the same work as Parity's (whose tables end"
                        + " analyzed).");
        out.println(
                "2 shared cores, other engineers' builds beside it: the numbers are noisy; read the ratios first.");
        out.println();
        for (CorpusResult result : results) {
            out.println(
                    "## "
                            + result.target().displayName()
                            + " ("
                            + result.target().file()
                            + " on "
                            + result.target().image()
                            + ")");
            result.problem()
                    .ifPresent(
                            problem ->
                                    out.println(
                                            "first problem ("
                                                    + problem.stage()
                                                    + "):\n"
                                                    + indented(problem.full())));
            result.notes().forEach(note -> out.println("  - " + note));
        }
        out.println();
        long filled = results.stream().filter(CorpusResult::succeeded).count();
        out.printf(Locale.ROOT, "filled %d of %d entries%n", filled, results.size());
    }

    static String[] cells(CorpusResult result) {
        CorpusTarget target = result.target();
        boolean loaded = !Double.isNaN(result.seconds());
        String tables =
                result.filled()
                        + "/"
                        + result.asked()
                        + (result.parents() > 0 ? " +" + result.parents() + " parents" : "");
        String baseline =
                result.baseline()
                        .map(b -> String.format(Locale.ROOT, "%,.0f", b.rowsPerSecond()))
                        .orElse(result.baselineNote());
        String ratio =
                result.baseline()
                        .filter(b -> loaded)
                        .map(
                                b ->
                                        String.format(
                                                Locale.ROOT,
                                                "%.2f",
                                                result.seconds() / b.seconds()))
                        .orElse("—");
        String analyzedRatio =
                result.baseline()
                        .filter(b -> loaded)
                        .map(
                                b ->
                                        String.format(
                                                Locale.ROOT,
                                                "%.2f",
                                                result.seconds()
                                                        / (b.seconds() + b.analyzeSeconds())))
                        .orElse("—");
        return new String[] {
            target.displayName(),
            target.engine() + "/" + target.image(),
            tables,
            loaded ? String.format(Locale.ROOT, "%,d", result.rows()) : "—",
            loaded ? String.format(Locale.ROOT, "%.1f", result.seconds()) : "—",
            loaded ? String.format(Locale.ROOT, "%,.0f", result.rowsPerSecond()) : "—",
            baseline,
            ratio,
            analyzedRatio,
            result.problem().map(p -> p.cell(PROBLEM_WIDTH)).orElse("—")
        };
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ')
                    .append(cells[i])
                    .append(" ".repeat(widths[i] - cells[i].length()))
                    .append(" |");
        }
        return line.toString();
    }

    private static String indented(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
