package dev.parity.data;

import dev.parity.data.check.Branches;
import dev.parity.data.check.CheckParser;
import dev.parity.data.check.Evaluator;
import dev.parity.data.check.Exactness;
import dev.parity.data.check.Expr;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.TableInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a table's CHECK constraints (column, table and domain ones) with {@link CheckParser} into conditions
 * the {@link Evaluator} can test on a row and {@link Branches} split into ways of meeting them. A CHECK that is
 * one conjunction of limits on single columns ({@code qty > 0}, {@code kind IN (...)}, {@code char_length(code)
 * <= 10}, {@code born >= '1930-01-01'}, {@code x IS NOT NULL}) also gives those columns their
 * {@link ColumnLimits}, which generators (unique keys and counters too) stay within.
 */
final class CheckReader {

    /**
     * One CHECK, read.
     *
     * @param condition what the evaluator tests
     * @param branches  the ways of meeting it, or empty when there are too many to spell out
     * @param exact     whether the evaluator's verdict is the server's (else the server judges the rows too)
     * @param clock     whether it reads the clock ({@code now()}), so that its verdict moves with time
     * @param columns   the table's columns it mentions
     */
    record Parsed(
            TableInfo.Check check,
            Expr condition,
            Optional<List<Branches.Branch>> branches,
            boolean exact,
            boolean clock,
            Set<String> columns) {

        /** Whether the evaluator can say anything at all: false for a condition it cannot read a word of. */
        boolean readable() {
            return !(condition instanceof Expr.Opaque);
        }
    }

    /**
     * What the checks of a table say.
     *
     * @param limits  each column's limits from the checks that are limits only
     * @param notNull columns a check keeps from being NULL ({@code x IS NOT NULL})
     * @param checks  every check, read
     * @param likes   each column's LIKE pattern from a check that is one conjunction, for a unique key to keep
     */
    record Result(
            Map<String, ColumnLimits> limits,
            Set<String> notNull,
            List<Parsed> checks,
            Map<String, String> likes) {

        ColumnLimits of(String column) {
            return limits.getOrDefault(column, ColumnLimits.NONE);
        }
    }

    private CheckReader() {}

    /** The limits only, for validating a dataset's rules against the schema before the engine is at hand: numbers, lengths, lists. */
    static Result read(TableInfo table) {
        Evaluator evaluator = new Evaluator(java.time.Instant.now(), java.time.ZoneOffset.UTC);
        return read(
                table,
                new CheckAtoms(table, evaluator, PLAIN, java.time.ZoneOffset.UTC),
                evaluator,
                true);
    }

    /** Booleans spelled true and false, for {@link #read(TableInfo)}. */
    private static final dev.parity.engine.ValueSyntax PLAIN =
            new dev.parity.engine.ValueSyntax() {
                @Override
                public String bool(boolean value) {
                    return Boolean.toString(value);
                }

                @Override
                public String bytes(byte[] bytes) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean zonesInLiterals() {
                    return true;
                }

                @Override
                public String bits(long value, int width) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public String array(List<String> items, boolean quoteItems) {
                    throw new UnsupportedOperationException();
                }
            };

    static Result read(
            TableInfo table, CheckAtoms atoms, Evaluator evaluator, boolean exactTextEquality) {
        CheckParser parser = new CheckParser(written -> column(written, table));
        Exactness exactness =
                new Exactness(
                        c ->
                                table.column(c)
                                        .map(i -> TypedValues.kind(i.type()))
                                        .orElse(Exactness.Kind.OTHER),
                        exactTextEquality);
        Map<String, ColumnLimits> limits = new HashMap<>();
        Set<String> notNull = new LinkedHashSet<>();
        List<Parsed> checks = new ArrayList<>();
        Map<String, String> likes = new HashMap<>();
        for (TableInfo.Check check : table.checks()) {
            Expr condition = parser.parse(check.neutral());
            Optional<List<Branches.Branch>> branches = Branches.of(condition);
            Set<String> columns = new LinkedHashSet<>(condition.columns());
            if (opaqueWithin(condition)) {
                columns.addAll(
                        mentioned(check.condition(), table)); // what it hides may name columns too
            }
            checks.add(
                    new Parsed(
                            check,
                            condition,
                            branches,
                            exactness.exact(condition),
                            Exactness.readsClock(condition),
                            columns));
            if (branches.isPresent() && branches.get().size() == 1) {
                for (Expr atom : branches.get().get(0).atoms()) {
                    if (atom instanceof Expr.Like like
                            && !like.negated()
                            && !like.caseInsensitive()
                            && like.operand() instanceof Expr.Column column
                            && evaluator.constant(like.pattern()).orElse(null)
                                    instanceof String pattern) {
                        likes.putIfAbsent(column.name(), pattern);
                    }
                }
                limitsOf(branches.get().get(0), atoms)
                        .ifPresent(
                                found ->
                                        found.forEach(
                                                (column, domain) -> {
                                                    limits.merge(
                                                            column,
                                                            domain.limits(),
                                                            ColumnLimits::and);
                                                    if (domain.nullness()
                                                            == ColumnDomain.Nullness.NOT_NULL) {
                                                        notNull.add(column);
                                                    }
                                                }));
            }
        }
        return new Result(limits, notNull, checks, likes);
    }

    /** The domains of a single way of meeting a check, when every atom is a limit; empty otherwise. */
    private static Optional<Map<String, ColumnDomain>> limitsOf(
            Branches.Branch branch, CheckAtoms atoms) {
        Map<String, ColumnDomain.Builder> domains = new LinkedHashMap<>();
        List<ColumnDomain.Relation> relations = new ArrayList<>();
        for (Expr atom : branch.atoms()) {
            if (atoms.read(atom, domains, relations) != CheckAtoms.Capture.LIMIT) {
                return Optional.empty();
            }
        }
        if (domains.values().stream().anyMatch(ColumnDomain.Builder::infeasible)) {
            return Optional.empty();
        }
        Map<String, ColumnDomain> built = new LinkedHashMap<>();
        domains.forEach((column, builder) -> built.put(column, builder.build()));
        return Optional.of(built);
    }

    /** The table's column an identifier names (quoted: exactly; bare: as the engine folds it, ignoring case), or empty. */
    /**
     * The columns of {@code table} that the generated columns' expressions read. Their values must leave those
     * expressions computable ({@code c1 * 2} overflows an integer at its largest value), so they take no extremes.
     */
    static Set<String> computedFrom(TableInfo table) {
        Set<String> read = new java.util.LinkedHashSet<>();
        CheckParser parser = new CheckParser(written -> column(written, table));
        for (ColumnInfo column : table.columns()) {
            if (column.generated() && column.defaultValue() != null) {
                Expr expr = parser.parse("(" + column.defaultValue() + ") is not null");
                if (opaqueWithin(expr)) {
                    // what cannot be read may read any column its text names
                    String text = column.defaultValue().toLowerCase(java.util.Locale.ROOT);
                    table.columns().stream()
                            .map(ColumnInfo::name)
                            .filter(n -> text.contains(n.toLowerCase(java.util.Locale.ROOT)))
                            .forEach(read::add);
                } else {
                    read.addAll(expr.columns());
                }
            }
        }
        return read;
    }

    static Optional<String> column(String identifier, TableInfo table) {
        if (identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() > 1) {
            String name = identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
            return table.column(name).map(ColumnInfo::name);
        }
        Optional<String> exact = table.column(identifier).map(ColumnInfo::name);
        return exact.isPresent()
                ? exact
                : table.columns().stream()
                        .map(ColumnInfo::name)
                        .filter(n -> n.equalsIgnoreCase(identifier))
                        .findFirst();
    }

    private static boolean opaqueWithin(Expr expr) {
        return expr instanceof Expr.Opaque
                || expr.children().stream().anyMatch(CheckReader::opaqueWithin);
    }

    /** The columns an unreadable condition names, as far as its words tell. */
    private static Set<String> mentioned(String condition, TableInfo table) {
        Set<String> columns = new LinkedHashSet<>();
        String withoutStrings = condition.replaceAll("'(?:[^']|'')*'", "''");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(
                                "\"((?:[^\"]|\"\")+)\"|`((?:[^`]|``)+)`|\\b([A-Za-z_][A-Za-z0-9_$]*)\\b")
                        .matcher(withoutStrings);
        while (m.find()) {
            String name =
                    m.group(1) != null
                            ? "\"" + m.group(1) + "\""
                            : m.group(2) != null
                                    ? "\"" + m.group(2).replace("``", "`") + "\""
                                    : m.group(3);
            column(name, table).ifPresent(columns::add);
        }
        return columns;
    }
}
