package dev.parity.capture;

import dev.parity.data.ColumnRule;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Writes a {@link CapturedProfile} as a Parity profile file that {@code DatasetsSection} and the profile loader read
 * back as they read a hand-written one. Every text is double-quoted, so no value, however odd, changes the YAML.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProfileWriter {

    private ProfileWriter() {}

    public static String write(CapturedProfile profile) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Captured by Parity from ")
                .append(profile.source())
                .append(" on ")
                .append(profile.at().truncatedTo(ChronoUnit.SECONDS))
                .append(": ")
                .append(profile.engine())
                .append(' ')
                .append(profile.version())
                .append(".\n");
        yaml.append("# Read from the catalog only (")
                .append(profile.sources())
                .append("): no row of any table was read.\n");
        yaml.append("# Rows are production's estimates times ")
                .append(number(profile.scale()))
                .append(". Values of text columns, and of columns\n")
                .append(
                        "# named like personal data, are withheld: their frequencies are kept (mcv-withheld) and Parity generates the values.\n");
        if (profile.extendsName().isEmpty()) {
            yaml.append(
                    "# The tables must exist: add extends: <your profile with the migrations>, or database.migrations / init.\n");
        }
        yaml.append("profiles:\n");
        yaml.append("  ").append(profile.name()).append(":\n");
        profile.extendsName()
                .ifPresent(base -> yaml.append("    extends: ").append(quote(base)).append('\n'));
        yaml.append("    database:\n");
        yaml.append("      engine: ").append(profile.engine()).append('\n');
        yaml.append("      image: ").append(quote(profile.image())).append('\n');
        yaml.append("      encoding: ").append(quote(profile.encoding())).append('\n');
        yaml.append("      collation: ").append(quote(profile.collationSetting())).append('\n');
        settings(yaml, "      ", profile.settings().carried());
        if (!profile.settings().leftOut().isEmpty()) {
            yaml.append(
                    "      # left out: sized for production's machine, set by Parity for speed, or the server's zone (timezone: pins it):\n");
            profile.settings()
                    .leftOut()
                    .forEach(
                            (name, value) ->
                                    yaml.append("      #   ")
                                            .append(name)
                                            .append(": ")
                                            .append(value)
                                            .append('\n'));
        }
        yaml.append("    expect:\n");
        yaml.append("      server_version: ")
                .append(quote(profile.release()))
                .append("   # production runs ")
                .append(profile.version())
                .append('\n');
        yaml.append("      encoding: ").append(quote(profile.encoding())).append('\n');
        yaml.append("      collation: ").append(quote(profile.collation())).append('\n');
        settings(yaml, "      ", profile.settings().carried());
        yaml.append("    datasets:\n");
        if (profile.tables().isEmpty()) {
            yaml.setLength(yaml.length() - 1);
            yaml.append(" []\n");
        }
        for (CapturedProfile.Table table : profile.tables()) {
            yaml.append("      - table: ").append(quote(table.name())).append('\n');
            yaml.append("        rows: ")
                    .append(table.rows())
                    .append(
                            table.productionRows() < 0
                                    ? "   # never analyzed in production: no estimate"
                                    : "   # production: " + table.productionRows())
                    .append('\n');
            yaml.append("        mess: none   # the shapes below are production's\n");
            if (table.columns().isEmpty()) {
                continue;
            }
            yaml.append("        columns:\n");
            table.columns()
                    .forEach(
                            (column, stats) -> {
                                yaml.append("          ").append(quote(column)).append(":\n");
                                yaml.append("            stats:")
                                        .append(
                                                table.withheld().contains(column)
                                                        ? "   # values withheld\n"
                                                        : "\n");
                                stats(yaml, "              ", stats);
                            });
        }
        return yaml.toString();
    }

    private static void settings(StringBuilder yaml, String indent, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        yaml.append(indent).append("settings:\n");
        settings.forEach(
                (name, value) ->
                        yaml.append(indent)
                                .append("  ")
                                .append(quote(name))
                                .append(": ")
                                .append(quote(value))
                                .append('\n'));
    }

    /** The keys in the order of a {@code stats:} rule's; a part the statistics lack is left out. */
    static void stats(StringBuilder yaml, String indent, ColumnRule.Stats stats) {
        int before = yaml.length();
        if (stats.nulls() != null) {
            yaml.append(indent).append("nulls: ").append(number(stats.nulls())).append('\n');
        }
        if (stats.distinct() != null) {
            yaml.append(indent).append("distinct: ").append(number(stats.distinct())).append('\n');
        }
        if (!stats.mcv().isEmpty()) {
            yaml.append(indent)
                    .append("mcv: {")
                    .append(
                            stats.mcv().entrySet().stream()
                                    .map(e -> quote(e.getKey()) + ": " + number(e.getValue()))
                                    .collect(Collectors.joining(", ")))
                    .append("}\n");
        }
        if (!stats.withheld().isEmpty()) {
            yaml.append(indent)
                    .append("mcv-withheld: ")
                    .append(list(stats.withheld().stream().map(ProfileWriter::number).toList()))
                    .append('\n');
        }
        if (!stats.histogram().isEmpty()) {
            yaml.append(indent)
                    .append("histogram: ")
                    .append(list(stats.histogram().stream().map(ProfileWriter::quote).toList()))
                    .append('\n');
        }
        if (stats.width() != null) {
            yaml.append(indent).append("width: ").append(number(stats.width())).append('\n');
        }
        if (stats.correlation() != null) {
            yaml.append(indent)
                    .append("correlation: ")
                    .append(number(stats.correlation()))
                    .append('\n');
        }
        if (yaml.length() == before) {
            yaml.append(indent).append("{}\n");
        }
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    /** A number as YAML reads it back: no exponent, no trailing zeros. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A YAML double-quoted scalar: backslash escapes for quotes, backslashes, and every character YAML would not keep as written. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints()
                .forEach(
                        c -> {
                            switch (c) {
                                case '"' -> quoted.append("\\\"");
                                case '\\' -> quoted.append("\\\\");
                                case '\n' -> quoted.append("\\n");
                                case '\t' -> quoted.append("\\t");
                                case '\r' -> quoted.append("\\r");
                                default -> {
                                    if (c < 0x20
                                            || c == 0x7f
                                            || c == 0x85
                                            || c == 0x2028
                                            || c == 0x2029
                                            || c == 0xfeff
                                            || (c >= 0xd800 && c <= 0xdfff)) {
                                        quoted.append(String.format(Locale.ROOT, "\\u%04x", c));
                                    } else {
                                        quoted.appendCodePoint(c);
                                    }
                                }
                            }
                        });
        return quoted.append('"').toString();
    }
}
