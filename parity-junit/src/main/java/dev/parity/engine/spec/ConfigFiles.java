package dev.parity.engine.spec;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration tool's configuration files as the project keeps them, read into the tool's keys with the line
 * of each: Flyway's {@code flyway.conf} (properties, {@code ${VAR}} taken from the environment as Flyway does)
 * and {@code flyway.toml} (the {@code [flyway]} table and the environment's, {@code [environments.default]}
 * unless {@code environment} names another), Liquibase's {@code liquibase.properties}.
 */
final class ConfigFiles {

    /** A key of a file, its value, and where it was written. */
    record Entry(String key, String value, Location at) {}

    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private ConfigFiles() {}

    /**
     * The keys of a properties file, with {@code prefix} removed where they have it.
     *
     * @param environment what {@code ${VAR}} stands for; null: left as written (Liquibase does not expand)
     */
    static List<Entry> properties(
            Path file,
            String prefix,
            Function<String, String> environment,
            List<Problem> problems) {
        String text = read(file, problems);
        if (text == null) {
            return List.of();
        }
        if (environment != null) {
            Matcher m = ENVIRONMENT_VARIABLE.matcher(text);
            StringBuilder expanded = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                m.appendReplacement(expanded, Matcher.quoteReplacement(value == null ? "" : value));
            }
            text = m.appendTail(expanded).toString();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(
                    new Problem(
                            Location.of(file.toString()),
                            file + " cannot be read as a properties file: " + e.getMessage(),
                            "Write it as key=value lines."));
            return List.of();
        }
        String[] lines = text.split("\r?\n", -1);
        List<Entry> entries = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            String key = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
            entries.add(
                    new Entry(
                            key,
                            properties.getProperty(name).strip(),
                            new Location(file.toString(), lineOf(lines, name))));
        }
        entries.sort(java.util.Comparator.comparingInt(entry -> entry.at().line()));
        return entries;
    }

    private static int lineOf(String[] lines, String key) {
        Pattern start = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:\\s]");
        for (int i = 0; i < lines.length; i++) {
            if (start.matcher(lines[i] + " ").find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Flyway's keys in a {@code flyway.toml}: {@code [flyway]} and the tables under it ({@code [flyway.postgresql.transactional]
     * lock = false} is {@code postgresql.transactional.lock}), and the chosen environment's keys ({@code url}, {@code schemas}). Other
     * tables ({@code [flywayDesktop]}, {@code [redgateCompare]}, other environments) are other tools' and are left alone.
     */
    static List<Entry> flywayToml(Path file, List<Problem> problems) {
        String text = read(file, problems);
        if (text == null) {
            return List.of();
        }
        Map<String, Entry> all = new Toml(file, problems).read(text);
        String environment =
                all.containsKey("flyway.environment")
                        ? all.get("flyway.environment").value()
                        : "default";
        String environmentPrefix = "environments." + environment + ".";
        List<Entry> entries = new ArrayList<>();
        all.forEach(
                (path, entry) -> {
                    if (path.equals("flyway.environment")) {
                        return;
                    }
                    if (path.startsWith("flyway.")) {
                        entries.add(
                                new Entry(
                                        path.substring("flyway.".length()),
                                        entry.value(),
                                        entry.at()));
                    } else if (path.startsWith(environmentPrefix)) {
                        entries.add(
                                new Entry(
                                        path.substring(environmentPrefix.length()),
                                        entry.value(),
                                        entry.at()));
                    }
                });
        return entries;
    }

    private static String read(Path file, List<Problem> problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(
                    new Problem(
                            Location.of(file.toString()),
                            file + " cannot be read: " + e.getMessage(),
                            "Check that the file is readable."));
            return null;
        }
    }

    /**
     * The part of TOML configuration files use: tables, dotted and quoted keys, strings, numbers, booleans and
     * arrays of them (over several lines too). Arrays become comma-separated, as Flyway's keys take lists.
     */
    private static final class Toml {

        private static final Pattern TABLE = Pattern.compile("\\[\\s*([^\\[\\]]+?)\\s*]");
        private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

        private final Path file;
        private final List<Problem> problems;

        Toml(Path file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        Map<String, Entry> read(String text) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            String[] lines = text.split("\r?\n", -1);
            String table = "";
            for (int i = 0; i < lines.length; i++) {
                Location at = new Location(file.toString(), i + 1);
                String line = withoutComment(lines[i]).strip();
                if (line.isEmpty()) {
                    continue;
                }
                Matcher tableHeader = TABLE.matcher(line);
                if (tableHeader.matches()) {
                    table = dotted(tableHeader.group(1), at);
                    continue;
                }
                int equals = keyEnd(line);
                if (equals < 0) {
                    unreadable(at, "a line that is neither [table] nor key = value");
                    continue;
                }
                String key = dotted(line.substring(0, equals), at);
                String value = line.substring(equals + 1).strip();
                while (value.startsWith("[") && !closed(value) && i + 1 < lines.length) {
                    value = value + " " + withoutComment(lines[++i]).strip();
                }
                String parsed = value(value, at);
                if (parsed != null && key != null && table != null) {
                    String path = table.isEmpty() ? key : table + "." + key;
                    entries.put(path, new Entry(path, parsed, at));
                }
            }
            return entries;
        }

        private String dotted(String text, Location at) {
            List<String> parts = new ArrayList<>();
            for (String part : splitOutsideQuotes(text.strip(), '.')) {
                String p = part.strip();
                if (p.length() >= 2
                        && (p.startsWith("\"") && p.endsWith("\"")
                                || p.startsWith("'") && p.endsWith("'"))) {
                    parts.add(p.substring(1, p.length() - 1));
                } else if (BARE_KEY.matcher(p).matches()) {
                    parts.add(p);
                } else {
                    unreadable(at, "the key '" + text.strip() + "'");
                    return null;
                }
            }
            return String.join(".", parts);
        }

        private String value(String text, Location at) {
            if (text.startsWith("[")) {
                if (!closed(text)) {
                    unreadable(at, "an array that does not end");
                    return null;
                }
                String inner = text.substring(1, text.lastIndexOf(']')).strip();
                List<String> items = new ArrayList<>();
                for (String item : splitOutsideQuotes(inner, ',')) {
                    if (!item.isBlank()) {
                        String value = value(item.strip(), at);
                        if (value == null) {
                            return null;
                        }
                        items.add(value);
                    }
                }
                return String.join(",", items);
            }
            if (text.startsWith("\"\"\"") || text.startsWith("'''") || text.startsWith("{")) {
                unreadable(at, text.startsWith("{") ? "an inline table" : "a multi-line string");
                return null;
            }
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                return text.substring(1, text.length() - 1)
                        .replace("\\\"", "\"")
                        .replace("\\n", "\n")
                        .replace("\\t", "\t")
                        .replace("\\\\", "\\");
            }
            if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
                return text.substring(1, text.length() - 1);
            }
            if (text.matches("true|false|[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]+)?")) {
                return text.replace("_", "");
            }
            unreadable(at, "the value " + text);
            return null;
        }

        private void unreadable(Location at, String what) {
            problems.add(
                    new Problem(
                            at,
                            "Parity cannot read " + what + " in " + file,
                            "Parity reads the TOML Flyway's files use: [tables], key = \"text\", numbers, true/false and [arrays] of them."));
        }

        private static boolean closed(String value) {
            int depth = 0;
            char quote = 0;
            for (char c : value.toCharArray()) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
            }
            return depth == 0;
        }

        private static int keyEnd(String line) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '=') {
                    return i;
                }
            }
            return -1;
        }

        private static String withoutComment(String line) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '#') {
                    return line.substring(0, i);
                }
            }
            return line;
        }

        private static List<String> splitOutsideQuotes(String text, char separator) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            char quote = 0;
            int depth = 0;
            for (char c : text.toCharArray()) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (c == separator && depth == 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            parts.add(current.toString());
            return parts;
        }
    }
}
