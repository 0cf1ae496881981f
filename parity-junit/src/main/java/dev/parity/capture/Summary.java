package dev.parity.capture;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the capture wrote, told in a few lines: the file, the server, each table's rows, stats and withheld values. */
final class Summary {

    private Summary() {}

    static void print(CapturedProfile profile, Path file, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Parity capture: wrote %s: profile '%s', %s %s (image %s), rows x %s, from %s%n",
                file,
                profile.name(),
                profile.engine(),
                profile.version(),
                profile.image(),
                ProfileWriter.number(profile.scale()),
                profile.source());
        out.printf(
                Locale.ROOT,
                "  settings: %d set (database.settings and expect)%s%n",
                profile.settings().carried().size(),
                profile.settings().leftOut().isEmpty()
                        ? ""
                        : "; left out (production's machine, Parity's durability, the zone): "
                                + profile.settings().leftOut().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .collect(Collectors.joining(", ")));
        int withheld = 0;
        for (CapturedProfile.Table table : profile.tables()) {
            withheld += table.withheld().size();
            out.printf(
                    Locale.ROOT,
                    "  %s: %,d rows (production %s), %d columns with stats%s%s%n",
                    table.name(),
                    table.rows(),
                    table.productionRows() < 0
                            ? "never analyzed"
                            : String.format(Locale.ROOT, "%,d", table.productionRows()),
                    table.columns().size(),
                    table.withheld().isEmpty()
                            ? ""
                            : ", values withheld: " + String.join(", ", table.withheld()),
                    table.unanalyzed().isEmpty()
                            ? ""
                            : ", no statistics: " + String.join(", ", table.unanalyzed()));
        }
        out.printf(
                Locale.ROOT,
                "  %d tables; values withheld in %d columns (their frequencies kept; --allow-values table.column writes a column's)%n",
                profile.tables().size(),
                withheld);
        out.printf(
                Locale.ROOT,
                "  read the catalog only (%s): no row of any table was read%n",
                profile.sources());
    }
}
