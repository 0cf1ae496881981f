package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.Suggestions;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns each dataset whose table is a pattern ({@code tables: "*"}) into one dataset per table it matches,
 * with the pattern's rows, seed, mess and switches, and those of its column rules the table has a column
 * for. A table some dataset names by itself keeps that dataset; a table two patterns match takes the
 * later one. {@code *} matches the tables of the connection's current schema (those the schema keys by
 * their bare name), {@code public.*} those of schema {@code public}, {@code *.*} every table read; a
 * {@code *} stands for any run of characters within a name, case ignored.
 */
final class TablePatterns {

    private TablePatterns() {}

    /** The specs with patterns replaced by the tables they match, in place; problems for patterns and rules that match nothing. */
    static List<DatasetSpec> expand(
            List<DatasetSpec> specs,
            Map<String, TableInfo> schema,
            SpecValidator lookup,
            List<Problem> problems) {
        if (specs.stream().noneMatch(DatasetSpec::isPattern)) {
            return specs;
        }
        Set<TableInfo> named = new HashSet<>();
        specs.stream()
                .filter(s -> !s.isPattern())
                .forEach(s -> lookup.table(s.table()).ifPresent(named::add));
        Map<String, DatasetSpec> owner = new HashMap<>();
        for (DatasetSpec spec : specs) {
            if (spec.isPattern()) {
                List<String> matched = matches(spec.table(), schema);
                if (matched.isEmpty()) {
                    problems.add(
                            new Problem(
                                    spec.origin(),
                                    "tables '" + spec.table() + "' match no table",
                                    "Write \"*\" for every table of the current schema, or schema.* with one of the schemas Parity reads: "
                                            + String.join(", ", schemas(schema))
                                            + "."));
                }
                checkColumns(spec, matched.stream().map(schema::get).toList(), problems);
                matched.stream()
                        .filter(key -> !named.contains(schema.get(key)))
                        .forEach(key -> owner.put(key, spec));
            }
        }
        List<DatasetSpec> expanded = new ArrayList<>();
        for (DatasetSpec spec : specs) {
            if (!spec.isPattern()) {
                expanded.add(spec);
                continue;
            }
            for (String key : matches(spec.table(), schema)) {
                if (owner.get(key) == spec) {
                    expanded.add(spec.forTable(key, spec.rows(), columnsOf(spec, schema.get(key))));
                }
            }
        }
        return expanded;
    }

    /** The keys of the tables {@code pattern} matches, in the schema's order. */
    static List<String> matches(String pattern, Map<String, TableInfo> schema) {
        int dot = pattern.indexOf('.');
        Pattern schemaPart = dot < 0 ? null : glob(pattern.substring(0, dot));
        Pattern namePart = glob(dot < 0 ? pattern : pattern.substring(dot + 1));
        List<String> keys = new ArrayList<>();
        schema.forEach(
                (key, table) -> {
                    boolean inSchema =
                            schemaPart == null
                                    ? key.equals(table.name())
                                    : schemaPart.matcher(table.schema()).matches();
                    if (inSchema && namePart.matcher(table.name()).matches()) {
                        keys.add(key);
                    }
                });
        return keys;
    }

    private static Pattern glob(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "")
                    .append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Set<String> schemas(Map<String, TableInfo> schema) {
        Set<String> names = new TreeSet<>();
        schema.values().forEach(t -> names.add(t.schema()));
        return names;
    }

    /** The pattern's rules for the columns {@code table} has. */
    private static Map<String, ColumnRule> columnsOf(DatasetSpec pattern, TableInfo table) {
        Map<String, ColumnRule> rules = new LinkedHashMap<>();
        pattern.columns()
                .forEach(
                        (column, rule) -> {
                            if (table.column(column).isPresent()) {
                                rules.put(column, rule);
                            }
                        });
        return rules;
    }

    /** A pattern's rule for a column none of its tables has is a typo. */
    private static void checkColumns(
            DatasetSpec pattern, List<TableInfo> tables, List<Problem> problems) {
        if (tables.isEmpty()) {
            return;
        }
        Set<String> all = new TreeSet<>();
        tables.forEach(t -> t.columns().stream().map(ColumnInfo::name).forEach(all::add));
        for (String column : pattern.columns().keySet()) {
            Optional<TableInfo> having =
                    tables.stream().filter(t -> t.column(column).isPresent()).findFirst();
            if (having.isEmpty()) {
                problems.add(
                        new Problem(
                                pattern.origin(),
                                "none of the "
                                        + tables.size()
                                        + (tables.size() == 1 ? " table" : " tables")
                                        + " that '"
                                        + pattern.table()
                                        + "' matches has a column '"
                                        + column
                                        + "'",
                                Suggestions.didYouMean(column, all)
                                        + "A pattern's rules apply to the tables that have the column."));
            }
        }
    }
}
