package dev.parity.data;

import dev.parity.engine.SqlListItems;
import dev.parity.engine.TableInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CHECK constraints, in the plain form engines rewrite them into ({@link TableInfo.Check#neutral()}),
 * into {@link ColumnLimits}: comparisons with a number ({@code col > 0}), lists ({@code col IN (...)}),
 * lengths ({@code char_length(col) > n}), {@code col <> ''} and {@code IS NOT NULL}, joined by AND.
 * Anything else (OR, two columns, functions, patterns) is opaque: its columns get clean values and a
 * sample of rows is checked by the database before loading.
 */
final class CheckReader {

    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)";
    private static final Pattern COMPARISON = Pattern.compile("^" + IDENT + " (>=|<=|<>|!=|>|<|=) " + NUMBER + "$");
    private static final Pattern REVERSED = Pattern.compile("^" + NUMBER + " (>=|<=|<>|!=|>|<|=) " + IDENT + "$");
    private static final Pattern IN_LIST = Pattern.compile("^" + IDENT + " IN \\((.*)\\)$");
    private static final Pattern LENGTH = Pattern.compile("^(?:char_length|character_length|length)\\(" + IDENT + "\\) (>=|<=|>|<|=) (\\d+)$");
    private static final Pattern RELATION = Pattern.compile("^" + IDENT + " (>=|<=|>|<) " + IDENT + "$");
    private static final Pattern NOT_EMPTY = Pattern.compile("^" + IDENT + " <> ''$");
    private static final Pattern NOT_NULL = Pattern.compile("^" + IDENT + " IS NOT NULL$");
    private static final Pattern ANY_IDENT = Pattern.compile("\"((?:[^\"]|\"\")+)\"|\\b([A-Za-z_][A-Za-z0-9_$]*)\\b");

    /**
     * A CHECK comparing two columns ({@code ends_at > starts_at}): {@code column} is generated from {@code other}'s value.
     *
     * @param op how {@code column} compares to {@code other}: {@code >}, {@code >=}, {@code <} or {@code <=}
     */
    record Relation(String column, String op, String other, TableInfo.Check check) {
    }

    /**
     * The limits read per column, the relations between columns (at most one per column, none in a cycle), and
     * the checks that could not be read with the columns they mention.
     */
    record Result(Map<String, ColumnLimits> limits, Map<String, Relation> relations, Map<TableInfo.Check, Set<String>> opaque) {

        ColumnLimits of(String column) {
            return limits.getOrDefault(column, ColumnLimits.NONE);
        }

        Set<String> opaqueColumns() {
            Set<String> columns = new LinkedHashSet<>();
            opaque.values().forEach(columns::addAll);
            return columns;
        }
    }

    private CheckReader() {
    }

    static Result read(TableInfo table) {
        Map<String, ColumnLimits> limits = new HashMap<>();
        Map<String, Relation> relations = new LinkedHashMap<>();
        Map<TableInfo.Check, Set<String>> opaque = new LinkedHashMap<>();
        for (TableInfo.Check check : table.checks()) {
            Map<String, ColumnLimits> mine = new HashMap<>(limits);
            Map<String, Relation> myRelations = new LinkedHashMap<>(relations);
            if (!readInto(check, table, mine, myRelations)) {
                opaque.put(check, mentionedColumns(check.neutral(), table));
            } else {
                limits = mine;
                relations = myRelations;
            }
        }
        return new Result(limits, relations, opaque);
    }

    private static boolean readInto(TableInfo.Check check, TableInfo table, Map<String, ColumnLimits> limits, Map<String, Relation> relations) {
        for (String atom : splitAnd(unwrap(check.neutral()))) {
            if (!readAtom(unwrap(atom), table, limits, relations, check)) {
                return false;
            }
        }
        return true;
    }

    /** {@code a > b}: a follows b; readable when neither column already follows another and no cycle forms. */
    private static boolean relate(String column, String op, String other, Map<String, Relation> relations, TableInfo.Check check) {
        if (column == null || other == null || column.equals(other) || relations.containsKey(column)) {
            return false;
        }
        for (String at = other; at != null; at = relations.containsKey(at) ? relations.get(at).other() : null) {
            if (at.equals(column)) {
                return false;
            }
        }
        relations.put(column, new Relation(column, op, other, check));
        return true;
    }

    private static boolean readAtom(String atom, TableInfo table, Map<String, ColumnLimits> limits, Map<String, Relation> relations,
                                    TableInfo.Check check) {
        Matcher m;
        if ((m = RELATION.matcher(atom)).matches() && column(m.group(3), table) != null && !m.group(3).matches(NUMBER)) {
            String left = column(m.group(1), table);
            String right = column(m.group(3), table);
            return relate(left, m.group(2), right, relations, check) || relate(right, flip(m.group(2)), left, relations, check);
        }
        if ((m = COMPARISON.matcher(atom)).matches()) {
            return compare(column(m.group(1), table), m.group(2), new BigDecimal(m.group(3)), limits);
        }
        if ((m = REVERSED.matcher(atom)).matches()) {
            return compare(column(m.group(3), table), flip(m.group(2)), new BigDecimal(m.group(1)), limits);
        }
        if ((m = IN_LIST.matcher(atom)).matches()) {
            String column = column(m.group(1), table);
            List<String> values = listItems(m.group(2));
            return column != null && values != null && update(limits, column, l -> l.withAllowed(values));
        }
        if ((m = LENGTH.matcher(atom)).matches()) {
            String column = column(m.group(1), table);
            int n = Integer.parseInt(m.group(3));
            return column != null && switch (m.group(2)) {
                case ">" -> update(limits, column, l -> l.withMinLength(n + 1));
                case ">=" -> update(limits, column, l -> l.withMinLength(n));
                case "<" -> update(limits, column, l -> l.withMaxLength(n - 1));
                case "<=" -> update(limits, column, l -> l.withMaxLength(n));
                default -> update(limits, column, l -> l.withMinLength(n).withMaxLength(n));
            };
        }
        if ((m = NOT_EMPTY.matcher(atom)).matches()) {
            String column = column(m.group(1), table);
            return column != null && update(limits, column, l -> l.withMinLength(1));
        }
        // IS NOT NULL is left opaque on purpose: its column then gets no NULLs, and the sample check confirms
        return false;
    }

    private static boolean compare(String column, String op, BigDecimal value, Map<String, ColumnLimits> limits) {
        if (column == null) {
            return false;
        }
        return switch (op) {
            case ">" -> update(limits, column, l -> l.withMin(value, true));
            case ">=" -> update(limits, column, l -> l.withMin(value, false));
            case "<" -> update(limits, column, l -> l.withMax(value, true));
            case "<=" -> update(limits, column, l -> l.withMax(value, false));
            case "=" -> update(limits, column, l -> l.withAllowed(List.of(value.toPlainString())));
            default -> false; // <> a number: rare, and a range cannot say it
        };
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    private static boolean update(Map<String, ColumnLimits> limits, String column, UnaryOperator<ColumnLimits> change) {
        limits.put(column, change.apply(limits.getOrDefault(column, ColumnLimits.NONE)));
        return true;
    }

    /** The table's column an identifier names (quoted: exactly; bare: ignoring case, as engines fold it), or null. */
    private static String column(String identifier, TableInfo table) {
        if (identifier.startsWith("\"")) {
            String name = identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
            return table.column(name).isPresent() ? name : null;
        }
        return table.columns().stream().map(c -> c.name()).filter(n -> n.equalsIgnoreCase(identifier)).findFirst().orElse(null);
    }

    /** {@code 'a', 'b'} or {@code 1, 2}; null when an item is neither a plain string nor a number. */
    private static List<String> listItems(String items) {
        List<String> values = new ArrayList<>();
        for (SqlListItems.Item item : SqlListItems.of(items)) {
            if (!item.quoted() && !item.text().matches(NUMBER)) {
                return null;
            }
            values.add(item.text());
        }
        return values;
    }

    /** Removes parentheses that enclose the whole text. */
    private static String unwrap(String text) {
        String t = text.strip();
        while (t.startsWith("(") && t.endsWith(")") && closingOf(t, 0) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static int closingOf(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at AND outside parentheses and quotes. */
    private static List<String> splitAnd(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(" AND ", i)) {
                parts.add(text.substring(start, i));
                start = i + " AND ".length();
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Set<String> mentionedColumns(String condition, TableInfo table) {
        Set<String> columns = new LinkedHashSet<>();
        String withoutStrings = condition.replaceAll("'(?:[^']|'')*'", "''");
        Matcher m = ANY_IDENT.matcher(withoutStrings);
        while (m.find()) {
            String name = m.group(1) != null ? "\"" + m.group(1) + "\"" : m.group(2);
            String column = column(name, table);
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }
}
