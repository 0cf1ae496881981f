package dev.parity.data;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.data.check.Branches;
import dev.parity.data.check.Evaluator;
import dev.parity.data.check.Exactness;
import dev.parity.data.check.Expr;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

/**
 * The columns of a table that its CHECKs tie together, made row by row so that every CHECK holds: for each
 * row, one way of meeting each CHECK ({@link Branches}) is picked from the seed (so an {@code OR} is met now by
 * one side, now by the other), the columns get values within what that way asks ({@link ColumnDomain}), mess
 * included, and the {@link Evaluator} tests the row; a row that fails is made again from the next attempt's
 * seed, later attempts without mess, the last ones with NULLs where they are allowed. A CHECK the evaluator
 * cannot judge for sure is judged by the server before the rows are written ({@link ServerJudge}), which moves
 * the rows it rejects to later attempts. A row's values depend on (seed, table, row) and those verdicts only, so
 * the same seed gives the same rows whatever the thread count.
 */
final class RowGroup {

    /** Attempts at a row before it counts as one no values meet. */
    static final int ATTEMPTS = 12;

    private static final int CLEAN_FROM = 6;
    private static final int NULLS_FROM = 9;

    /** Attempts that try the column's own values before a LIKE or regular expression makes them: most real values already match. */
    private static final int PATTERN_FROM = 3;

    /** How far past the plan's clock a row's CHECKs of {@code now()} must still hold: the rows are written a while later. */
    private static final long CLOCK_MARGIN_SECONDS = 6 * 3600;

    /** How a member column's values come about. */
    enum Kind {
        /** A key, a counter, a partition key: its values are what they are; the CHECK is only tested. */
        FIXED,
        /** A foreign key's column: which row it points at may change between attempts, and whether it is NULL. */
        REFERENCE,
        /** A column with a rule of the dataset's: its rule's values, from another seed per attempt. */
        FREE,
        /** A column Parity generates: within what the picked way of meeting the CHECKs asks. */
        SHAPED,
        /** A column the database fills (a default, a generated column): its value is not known. */
        UNAVAILABLE
    }

    /** One column of the group. */
    static final class Member {
        final ColumnInfo column;
        final Kind kind;
        final ColumnPlan standard;
        final References.Reference reference;
        final ColumnLimits limits;
        final Mess mess;
        final boolean later;
        final long salt;
        private final Map<ColumnDomain, ColumnPlan> shaped = new ConcurrentHashMap<>();

        /**
         * @param standard  its values were the CHECKs not there (null when {@code UNAVAILABLE})
         * @param reference the foreign key it belongs to ({@code REFERENCE})
         * @param limits    its limits from the CHECKs that are limits only ({@code SHAPED})
         * @param mess      the mess it may take ({@code SHAPED})
         * @param later     written in the second pass: NULL when its row is inserted
         */
        Member(
                ColumnInfo column,
                Kind kind,
                ColumnPlan standard,
                References.Reference reference,
                ColumnLimits limits,
                Mess mess,
                boolean later) {
            this.column = column;
            this.kind = kind;
            this.standard = standard;
            this.reference = reference;
            this.limits = limits;
            this.mess = mess;
            this.later = later;
            this.salt = CellRandom.hash("group:" + column.name());
        }
    }

    /** A row's values and the attempt that made them. */
    record Made(String[] values, int attempt) {}

    /** A CHECK of the group with the ways of meeting it that are possible on their own, and how often each is picked. */
    private record GroupCheck(CheckReader.Parsed parsed, int[] branches, double[] cumulative) {

        int pick(double u) {
            if (branches.length == 0) {
                return -1;
            }
            double total = cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (u * total < cumulative[i]) {
                    return branches[i];
                }
            }
            return branches[branches.length - 1];
        }
    }

    /** How a combination of ways makes a row: each member's domain, whom it follows, in which order. */
    private record Recipe(
            boolean feasible,
            ColumnDomain[] domains,
            ColumnDomain.Relation[] follows,
            ColumnDomain.Nullness[] referenceNullness,
            int[] order,
            AtomicReferenceArray<ColumnPlan> plans) {

        Recipe(
                boolean feasible,
                ColumnDomain[] domains,
                ColumnDomain.Relation[] follows,
                ColumnDomain.Nullness[] referenceNullness,
                int[] order) {
            this(
                    feasible,
                    domains,
                    follows,
                    referenceNullness,
                    order,
                    new AtomicReferenceArray<>(2 * domains.length));
        }
    }

    private static final class Cache {
        long row = -1;
        int generation = -1;
        String[] values;
        final CellRandom random = new CellRandom();
    }

    private final String table;
    private final Location origin;
    private final long tableSeed;
    private final long salt;
    private final List<Member> members;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<GroupCheck> checks = new ArrayList<>();
    private final Evaluator evaluator;
    private final Evaluator later;
    private final TypedValues typed;
    private final CheckAtoms atoms;
    private final ColumnGenerators generators;
    private final boolean wholeDays;
    private final boolean hasLater;
    private final Map<List<Integer>, Recipe> recipes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> startAttempts = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final ThreadLocal<Cache> cache = ThreadLocal.withInitial(Cache::new);

    /**
     * @param nulls     how often a way of meeting a CHECK that only asks for NULLs is picked beside the others (the dataset's NULL mess)
     * @param wholeDays move related timestamps by whole days (an engine that reads literals in the session's zone)
     */
    RowGroup(
            String table,
            Location origin,
            long tableSeed,
            List<Member> members,
            List<CheckReader.Parsed> parsed,
            Evaluator evaluator,
            TypedValues typed,
            CheckAtoms atoms,
            ColumnGenerators generators,
            double nulls,
            boolean wholeDays) {
        this.table = table;
        this.origin = origin;
        this.tableSeed = tableSeed;
        this.members = List.copyOf(members);
        this.salt =
                CellRandom.hash(
                        "group:"
                                + members.stream()
                                        .map(m -> m.column.name())
                                        .collect(Collectors.joining(",")));
        for (int i = 0; i < members.size(); i++) {
            index.put(members.get(i).column.name(), i);
        }
        this.evaluator = evaluator;
        this.later = evaluator.shifted(CLOCK_MARGIN_SECONDS);
        this.typed = typed;
        this.atoms = atoms;
        this.generators = generators;
        this.wholeDays = wholeDays;
        this.hasLater = members.stream().anyMatch(m -> m.later);
        for (CheckReader.Parsed check : parsed) {
            checks.add(groupCheck(check, nulls));
        }
    }

    List<Member> members() {
        return members;
    }

    String table() {
        return table;
    }

    Location origin() {
        return origin;
    }

    /** The group's CHECKs that the server judges: those the evaluator's word is not final on, whose columns are all written. */
    List<CheckReader.Parsed> judged() {
        return checks.stream()
                .map(GroupCheck::parsed)
                .filter(p -> !p.exact())
                .filter(
                        p ->
                                p.columns().stream()
                                        .allMatch(
                                                c ->
                                                        index.containsKey(c)
                                                                && members.get(index.get(c)).kind
                                                                        != Kind.UNAVAILABLE))
                .toList();
    }

    int indexOf(String column) {
        return index.get(column);
    }

    /** The value of member {@code member} in {@code row}. */
    String value(long row, int member) {
        Cache c = cache.get();
        int current = generation.get();
        if (c.row != row || c.generation != current) {
            c.values = make(row, c.random).values();
            c.row = row;
            c.generation = current;
        }
        return c.values[member];
    }

    /** The row as it is made now, with its attempt; not cached. */
    Made made(long row) {
        return make(row, new CellRandom());
    }

    /** After the server rejected {@code row} as made at {@code attempt}: it is made from the next attempt on. */
    void rejected(long row, int attempt) {
        startAttempts.put(row, attempt + 1);
        generation.incrementAndGet();
    }

    private Made make(long row, CellRandom random) {
        int start = startAttempts.getOrDefault(row, 0);
        Made fallback = null;
        String[] last = null;
        CheckReader.Parsed failing = null;
        for (int attempt = start; attempt < start + ATTEMPTS; attempt++) {
            String[] values = candidate(row, attempt, random);
            last = values;
            Read read = read(values);
            CheckReader.Parsed failed = failed(read, true);
            if (failed == null) {
                CheckReader.Parsed guessed = failed(read, false);
                if (guessed == null) {
                    return new Made(values, attempt);
                }
                if (fallback == null) {
                    fallback =
                            new Made(
                                    values,
                                    attempt); // only checks the server judges say no: it may say
                    // yes
                }
            } else {
                failing = failing == null ? failed : failing;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        throw new ProblemException(
                new Problem(
                        origin,
                        "table '"
                                + table
                                + "' has the CHECK constraint "
                                + describe(failing)
                                + ", and Parity found no values for row "
                                + row
                                + " that meet it in "
                                + ATTEMPTS
                                + " tries (the last: "
                                + describe(last)
                                + ")",
                        "Give its columns ("
                                + String.join(", ", failing.columns())
                                + ") rules under columns whose values meet it."));
    }

    private String describe(CheckReader.Parsed check) {
        return check.check().name() + " (" + check.check().definition() + ")";
    }

    private String describe(String[] values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            parts.add(
                    members.get(i).column.name()
                            + " = "
                            + (values[i] == null ? "NULL" : "'" + values[i] + "'"));
        }
        return String.join(", ", parts);
    }

    /**
     * A candidate's values as its checks see them, read once for both kinds of check.
     *
     * @param inserted the row as an INSERT sees it, members filled later still NULL; null when there are none
     * @param unwritable a number or a date Parity cannot read back, or a NULL where none may be
     */
    private record Read(Object[] row, Object[] inserted, boolean unwritable) {}

    private Read read(String[] values) {
        Object[] row = new Object[values.length];
        Object[] inserted = hasLater ? new Object[values.length] : null;
        boolean unwritable = false;
        for (int i = 0; i < values.length; i++) {
            Member m = members.get(i);
            row[i] =
                    m.kind == Kind.UNAVAILABLE
                            ? Evaluator.UNDECIDED
                            : typed.read(m.column.type(), values[i]);
            boolean unreadable =
                    row[i] == Evaluator.UNDECIDED
                            && m.kind != Kind.UNAVAILABLE
                            && TypedValues.kind(m.column.type()) != Exactness.Kind.OTHER;
            unwritable |=
                    unreadable
                            || values[i] == null
                                    && !m.column.nullable()
                                    && m.kind != Kind.UNAVAILABLE
                                    && !m.later;
            if (inserted != null) {
                inserted[i] = m.later ? null : row[i];
            }
        }
        return new Read(row, inserted, unwritable);
    }

    /**
     * The first check the row fails, of those the evaluator's word is final on ({@code exact}) or of the others;
     * null when none.
     */
    private CheckReader.Parsed failed(Read read, boolean exact) {
        if (exact && read.unwritable()) {
            return checks.get(0).parsed(); // no row to write
        }
        for (GroupCheck check : checks) {
            CheckReader.Parsed parsed = check.parsed();
            if (parsed.exact() != exact) {
                continue;
            }
            if (!passes(parsed, read.row())
                    || read.inserted() != null && !passes(parsed, read.inserted())) {
                return parsed;
            }
        }
        return null;
    }

    private boolean passes(CheckReader.Parsed check, Object[] row) {
        Evaluator.Row values =
                column -> {
                    Integer i = index.get(column);
                    return i == null ? Evaluator.UNDECIDED : row[i];
                };
        return evaluator.test(check.condition(), values).passes()
                && (!check.clock() || later.test(check.condition(), values).passes());
    }

    private String[] candidate(long row, int attempt, CellRandom random) {
        random.seed(CellRandom.mix(CellRandom.mix(tableSeed, row), CellRandom.mix(salt, attempt)));
        Recipe recipe = null;
        for (int tries = 0; tries < 4 && (recipe == null || !recipe.feasible()); tries++) {
            Integer[] choice = new Integer[checks.size()];
            for (int k = 0; k < checks.size(); k++) {
                choice[k] = checks.get(k).pick(random.nextDouble());
            }
            recipe = recipe(Arrays.asList(choice));
        }
        if (!recipe.feasible()) {
            recipe = recipe(unshaped());
        }
        long seed = attempt == 0 ? tableSeed : CellRandom.mix(tableSeed, 0x5EED_0000L + attempt);
        boolean clean = attempt >= CLEAN_FROM;
        boolean nulls = attempt >= NULLS_FROM;
        String[] values = new String[members.size()];
        for (int i : recipe.order()) {
            values[i] = value(i, recipe, row, attempt, seed, clean, nulls, values, random);
        }
        return values;
    }

    private List<Integer> unshaped() {
        Integer[] none = new Integer[checks.size()];
        Arrays.fill(none, -1);
        return Arrays.asList(none);
    }

    private String value(
            int i,
            Recipe recipe,
            long row,
            int attempt,
            long seed,
            boolean clean,
            boolean nulls,
            String[] values,
            CellRandom random) {
        Member m = members.get(i);
        ColumnDomain domain = recipe.domains()[i];
        switch (m.kind) {
            case UNAVAILABLE -> {
                return null;
            }
            case FIXED -> {
                return m.standard.value(tableSeed, row, random);
            }
            case REFERENCE -> {
                ColumnDomain.Nullness nullness = recipe.referenceNullness()[i];
                if (nullness == ColumnDomain.Nullness.NULL) {
                    return null;
                }
                if (attempt == 0 && nullness == ColumnDomain.Nullness.FREE) {
                    return m.standard.value(tableSeed, row, random);
                }
                return m.reference
                        .generator(
                                m.column.name(),
                                tableSeed,
                                m.mess.nulls(),
                                attempt,
                                nullness == ColumnDomain.Nullness.NOT_NULL)
                        .next(row, random);
            }
            default -> {
                if (domain.nullness() == ColumnDomain.Nullness.NULL
                        || nulls
                                && domain.nullness() == ColumnDomain.Nullness.FREE
                                && m.column.nullable()) {
                    return null;
                }
                ColumnDomain.Relation follows = recipe.follows()[i];
                if (follows != null) {
                    String base = values[index.get(follows.other())];
                    if (base != null) {
                        random.seed(CellRandom.mix(CellRandom.mix(seed, row), m.salt));
                        String related =
                                RelatedValues.from(
                                        follows.op(), m.column.type(), base, random, wholeDays);
                        // a number moved past the column's own range (one a generated column's
                        // expression needs, say) is made as if unrelated, and the row tried again
                        if (related != null
                                && (m.column.type().kind() != ColumnType.Kind.INTEGER
                                        || m.limits.inRange(new BigDecimal(related)))) {
                            return related;
                        }
                    }
                }
                // per cell: the recipe keeps the plan it chose, sparing the domain's hashing
                int slot = 2 * i + (attempt < PATTERN_FROM ? 0 : 1);
                ColumnPlan plan = recipe.plans().get(slot);
                if (plan == null) {
                    plan = plan(m, domain, attempt < PATTERN_FROM);
                    recipe.plans().set(slot, plan);
                }
                String value =
                        clean ? plan.clean(seed, row, random) : plan.value(seed, row, random);
                for (int extra = 1;
                        value == null
                                && domain.nullness() == ColumnDomain.Nullness.NOT_NULL
                                && extra <= 3;
                        extra++) {
                    value = plan.clean(CellRandom.mix(seed, extra), row, random);
                }
                return value;
            }
        }
    }

    /** The values of member {@code m} within {@code domain}; before patterns are tried, without its pattern. */
    private ColumnPlan plan(Member m, ColumnDomain domain, boolean withoutPatterns) {
        ColumnDomain shaping =
                withoutPatterns && (domain.like() != null || domain.regex() != null)
                        ? new ColumnDomain(
                                domain.nullness(), domain.limits(), domain.excluded(), null, null)
                        : domain;
        return m.kind == Kind.SHAPED
                        && (shaping.shapesValues()
                                || shaping.nullness() == ColumnDomain.Nullness.NOT_NULL)
                ? shaped(m, shaping)
                : m.standard;
    }

    /** The member's values within {@code domain}, made once per domain. */
    private ColumnPlan shaped(Member m, ColumnDomain domain) {
        return m.shaped.computeIfAbsent(
                domain,
                d -> {
                    ColumnLimits limits = m.limits.and(d.limits());
                    ColumnType type = m.column.type();
                    int maxLength =
                            !type.isText()
                                    ? -1
                                    : type.length() < 0
                                            ? limits.maxLength()
                                            : limits.maxLength() < 0
                                                    ? type.length()
                                                    : Math.min(type.length(), limits.maxLength());
                    Mess mess =
                            d.nullness() == ColumnDomain.Nullness.NOT_NULL
                                    ? m.mess.withNulls(0)
                                    : m.mess;
                    Mess closed = Mess.none().withNulls(mess.nulls());
                    ColumnValues values;
                    if (d.like() != null) {
                        values =
                                new ColumnValues(
                                        PatternValues.like(
                                                d.like(), generators.text(m.column, -1), maxLength),
                                        List.of(),
                                        false);
                        mess = closed;
                    } else if (d.regex() != null) {
                        String regex = dev.parity.data.check.RegexTranslation.toJava(d.regex());
                        values =
                                new ColumnValues(
                                        PatternValues.regex(
                                                generators
                                                        .pools()
                                                        .regexPool(
                                                                regex == null ? d.regex() : regex),
                                                maxLength),
                                        List.of(),
                                        false);
                        mess = closed;
                    } else if (limits.allowed() != null) {
                        values = StructuredValues.oneOf(limits.allowed());
                        mess = closed;
                    } else {
                        values = generators.forColumn(m.column, limits);
                        if (values == null) {
                            return m.standard;
                        }
                        if (type.kind() == ColumnType.Kind.ENUM
                                || type.kind() == ColumnType.Kind.SET) {
                            mess = closed;
                        }
                    }
                    return new ColumnPlan(m.column, values, mess, limits.minLength(), maxLength);
                });
    }

    private GroupCheck groupCheck(CheckReader.Parsed check, double nulls) {
        List<Branches.Branch> branches = check.branches().orElse(List.of());
        int mine = checks.size();
        List<Integer> feasible = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) {
            Integer[] alone = new Integer[mine + 1];
            Arrays.fill(alone, -1);
            alone[mine] = b;
            // the checks before this one have been added; the recipe only needs this one's branch
            if (recipe(Arrays.asList(alone), List.of(branches.get(b))).feasible()) {
                feasible.add(b);
                weights.add(escape(branches, b) ? nulls : 1.0);
            }
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() == 0) {
            weights.replaceAll(w -> 1.0);
        }
        double[] cumulative = new double[feasible.size()];
        double sum = 0;
        for (int i = 0; i < feasible.size(); i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
        return new GroupCheck(
                check, feasible.stream().mapToInt(Integer::intValue).toArray(), cumulative);
    }

    /**
     * Whether branch {@code b} only lets NULLs through where the others ask for values ({@code x IS NULL OR x > 0}): such
     * a way is taken as often as the dataset's NULL mess says, the others evenly. A branch of NULLs of columns no
     * other branch speaks of ({@code ended OR (end_year IS NULL AND ...)}) is a way like any other.
     */
    private static boolean escape(List<Branches.Branch> branches, int b) {
        java.util.Set<String> nulled = new java.util.HashSet<>();
        for (Expr atom : branches.get(b).atoms()) {
            if (!(atom instanceof Expr.IsNull isNull) || isNull.negated()) {
                return false;
            }
            nulled.addAll(atom.columns());
        }
        java.util.Set<String> others = new java.util.HashSet<>();
        for (int i = 0; i < branches.size(); i++) {
            if (i != b) {
                branches.get(i).atoms().forEach(a -> others.addAll(a.columns()));
            }
        }
        return others.containsAll(nulled);
    }

    private Recipe recipe(List<Integer> choice) {
        return recipes.computeIfAbsent(
                choice,
                c -> {
                    List<Branches.Branch> picked = new ArrayList<>();
                    for (int k = 0; k < c.size(); k++) {
                        if (c.get(k) >= 0) {
                            picked.add(
                                    checks.get(k).parsed().branches().orElseThrow().get(c.get(k)));
                        }
                    }
                    return recipe(c, picked);
                });
    }

    private Recipe recipe(List<Integer> choice, List<Branches.Branch> picked) {
        Map<String, ColumnDomain.Builder> builders = new LinkedHashMap<>();
        List<ColumnDomain.Relation> relations = new ArrayList<>();
        for (Branches.Branch branch : picked) {
            for (Expr atom : branch.atoms()) {
                atoms.read(atom, builders, relations);
            }
        }
        int n = members.size();
        ColumnDomain[] domains = new ColumnDomain[n];
        ColumnDomain.Nullness[] referenceNullness = new ColumnDomain.Nullness[n];
        boolean feasible = true;
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            ColumnDomain.Builder builder = builders.get(m.column.name());
            feasible &= builder == null || !builder.infeasible();
            domains[i] = builder == null ? ColumnDomain.FREE : builder.build();
            feasible &= feasible(m, domains[i]);
        }
        // the columns of one foreign key are NULL together or point at one row together
        Map<References.Reference, ColumnDomain.Nullness> byReference = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            if (m.kind == Kind.REFERENCE && domains[i].nullness() != ColumnDomain.Nullness.FREE) {
                ColumnDomain.Nullness before =
                        byReference.putIfAbsent(m.reference, domains[i].nullness());
                feasible &= before == null || before == domains[i].nullness();
            }
        }
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            referenceNullness[i] =
                    m.kind == Kind.REFERENCE
                            ? byReference.getOrDefault(m.reference, ColumnDomain.Nullness.FREE)
                            : null;
            if (referenceNullness[i] == ColumnDomain.Nullness.NOT_NULL && !m.reference.canPoint()) {
                feasible = false;
            }
        }
        ColumnDomain.Relation[] follows = new ColumnDomain.Relation[n];
        for (ColumnDomain.Relation relation : relations) {
            Integer a = index.get(relation.column());
            Integer b = index.get(relation.other());
            if (a == null || b == null) {
                continue;
            }
            if (canFollow(a, b, follows)) {
                follows[a] = relation;
            } else if (canFollow(b, a, follows)) {
                follows[b] = relation.reversed();
            }
        }
        return new Recipe(feasible, domains, follows, referenceNullness, order(follows));
    }

    /** Whether a NULL or a value can be what {@code domain} asks of the member at all. */
    private static boolean feasible(Member m, ColumnDomain domain) {
        if (domain.nullness() == ColumnDomain.Nullness.NULL && !m.column.nullable()) {
            return false;
        }
        if (m.kind != Kind.SHAPED) {
            return true;
        }
        ColumnLimits limits = m.limits.and(domain.limits());
        if (limits.empty()) {
            return false;
        }
        ColumnType type = m.column.type();
        return limits.allowed() == null
                || type.kind() != ColumnType.Kind.ENUM
                || limits.allowed().stream().anyMatch(type.labels()::contains);
    }

    private boolean canFollow(int follower, int followed, ColumnDomain.Relation[] follows) {
        if (members.get(follower).kind != Kind.SHAPED || follows[follower] != null) {
            return false;
        }
        for (Integer at = followed;
                at != null;
                at = follows[at] == null ? null : index.get(follows[at].other())) {
            if (at == follower) {
                return false;
            }
        }
        return true;
    }

    /** Members that follow none first, then each after the one it follows. */
    private int[] order(ColumnDomain.Relation[] follows) {
        int n = follows.length;
        int[] order = new int[n];
        boolean[] placed = new boolean[n];
        int count = 0;
        while (count < n) {
            for (int i = 0; i < n; i++) {
                if (!placed[i] && (follows[i] == null || placed[index.get(follows[i].other())])) {
                    placed[i] = true;
                    order[count++] = i;
                }
            }
        }
        return order;
    }
}
