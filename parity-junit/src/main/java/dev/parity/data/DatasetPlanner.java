package dev.parity.data;

import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.data.check.Evaluator;
import dev.parity.engine.Engine;
import dev.parity.engine.ValueSyntax;
import dev.parity.engine.schema.ColumnInfo;
import dev.parity.engine.schema.ColumnType;
import dev.parity.engine.schema.TableInfo;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Turns specs into {@link TablePlan}s: reads the schema, expands patterns of tables ({@link TablePatterns}),
 * validates the specs, adds the empty parents they need ({@link FollowedParents}), orders the tables, finds each
 * table's references ({@link References}) and the columns that make its unique keys unique, and lets each
 * column's {@link ColumnRule} decide its values. Reports every problem before a row is written.
 */
final class DatasetPlanner {

    private final DatabaseState database;
    private final Engine engine;
    private final long seed;
    private final LongFunction<FakerPools> pools;
    private final ZoneId sessionZone;
    private final Evaluator evaluator;
    private final TypedValues typedValues;
    private final List<Problem> problems = new ArrayList<>();
    private Map<DatasetSpec, String> neededBy = Map.of();
    private Set<TableInfo.ForeignKey> unchecked = Set.of();

    /** @param sessionZone the zone the loading session reads timestamps in */
    DatasetPlanner(
            DatabaseState database,
            Engine engine,
            long seed,
            LongFunction<FakerPools> pools,
            ZoneId sessionZone) {
        this.database = database;
        this.engine = engine;
        this.seed = seed;
        this.pools = pools;
        this.sessionZone = sessionZone;
        this.evaluator = new Evaluator(Instant.now(), sessionZone);
        this.typedValues = new TypedValues(engine.values(), sessionZone);
    }

    List<TablePlan> plan(List<DatasetSpec> given) throws SQLException {
        Map<String, TableInfo> schema = database.schema();
        SpecValidator validator = new SpecValidator(schema);
        List<DatasetSpec> asked = TablePatterns.expand(given, schema, validator, problems);
        problems.addAll(validator.validate(asked));
        failOnProblems();
        FollowedParents.Result followed =
                FollowedParents.follow(asked, schema, validator, database::hasRows);
        neededBy = followed.neededBy();
        List<DatasetSpec> specs = followed.specs();
        Map<DatasetSpec, TableInfo> tables = new LinkedHashMap<>();
        specs.forEach(s -> tables.put(s, validator.table(s.table()).orElseThrow()));
        LoadOrder.Result order =
                LoadOrder.of(specs, tables, engine.loader().checksForeignKeysAfterLoad());
        unchecked = order.unchecked();
        problems.addAll(order.problems());
        failOnProblems();
        Set<String> referenced = referencedColumns(schema, specs);
        References references = new References(database, schema, problems);
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        for (DatasetSpec spec : order.order()) {
            TableInfo table = tables.get(spec);
            plans.put(table.name(), table(spec, table, plans, order, referenced, references));
        }
        failOnProblems();
        return new ArrayList<>(plans.values());
    }

    /** After {@link #plan}: the foreign keys whose rows point ahead without the database checking them; the load checks them. */
    Set<TableInfo.ForeignKey> unchecked() {
        return unchecked;
    }

    /** After {@link #plan}: the datasets of parents nobody asked for, each with the table that needed it. */
    Map<DatasetSpec, String> neededBy() {
        return neededBy;
    }

    private void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
    }

    /** "table.column" of every column some foreign key or ref points at: those stay clean. */
    private static Set<String> referencedColumns(
            Map<String, TableInfo> schema, List<DatasetSpec> specs) {
        Set<String> referenced = new HashSet<>();
        schema.values()
                .forEach(
                        t ->
                                t.foreignKeys()
                                        .forEach(
                                                fk ->
                                                        fk.refColumns()
                                                                .forEach(
                                                                        c ->
                                                                                referenced.add(
                                                                                        fk
                                                                                                        .refTable()
                                                                                                + "."
                                                                                                + c))));
        specs.forEach(
                s ->
                        s.columns()
                                .values()
                                .forEach(
                                        rule -> {
                                            if (rule instanceof ColumnRule.Ref ref) {
                                                referenced.add(ref.table() + "." + ref.column());
                                            }
                                        }));
        return referenced;
    }

    private TablePlan table(
            DatasetSpec spec,
            TableInfo table,
            Map<String, TablePlan> plans,
            LoadOrder.Result order,
            Set<String> referenced,
            References references)
            throws SQLException {
        long baseSeed = spec.seed().orElse(seed);
        long tableSeed = CellRandom.mix(baseSeed, CellRandom.hash(table.name()));
        TablePlan plan = new TablePlan(spec, table, tableSeed);
        FakerPools tablePools = pools.apply(baseSeed);
        ColumnGenerators types = new ColumnGenerators(tablePools, engine.values(), sessionZone);
        CheckAtoms atoms = new CheckAtoms(table, evaluator, engine.values(), sessionZone);
        CheckReader.Result checks =
                CheckReader.read(table, atoms, evaluator, engine.dialect().exactTextEquality());
        Set<String> keyColumns = new HashSet<>();
        table.keys().forEach(keyColumns::addAll);

        Map<String, References.Reference> referenceOf =
                References.byColumn(references.of(spec, table, plans, order, plan));
        Map<String, long[]> counters = new HashMap<>();
        Map<String, List<String>> listed = new HashMap<>();
        Set<String> rowUnique =
                rowUniqueColumns(spec, table, checks, referenceOf, references, counters, listed);
        TableInfo.Partitioning partitioning =
                spec.columns().containsKey(partitionColumn(table)) ? null : table.partitioning();

        Map<String, ColumnPlan> planned = new LinkedHashMap<>();
        Map<String, RowGroup.Member> members = new LinkedHashMap<>();
        Set<String> computedFrom = CheckReader.computedFrom(table);
        for (ColumnInfo declared : table.columns()) {
            // a CHECK's IS NOT NULL makes the column as good as NOT NULL
            ColumnInfo column =
                    declared.nullable() && checks.notNull().contains(declared.name())
                            ? new ColumnInfo(
                                    declared.name(),
                                    declared.type(),
                                    false,
                                    declared.defaultValue(),
                                    declared.generated(),
                                    declared.autoIncrement())
                            : declared;
            // a count the schema's triggers keep (person.post_count) starts at its default and
            // counts the rows loaded after
            boolean maintained =
                    table.maintained().contains(column.name())
                            && !spec.columns().containsKey(column.name())
                            && (column.defaultValue() != null || column.nullable())
                            && !keyColumns.contains(column.name());
            if (column.generated() || maintained) {
                members.put(
                        column.name(),
                        new RowGroup.Member(
                                column,
                                RowGroup.Kind.UNAVAILABLE,
                                null,
                                null,
                                ColumnLimits.NONE,
                                Mess.none(),
                                false));
                continue;
            }
            ColumnLimits limits = checks.of(column.name());
            boolean partitionKey =
                    partitioning != null && column.name().equals(partitioning.column());
            PartitionValues.Spans partitionSpans = null;
            if (partitionKey && PartitionValues.allowed(partitioning) != null) {
                limits = limits.withAllowed(PartitionValues.allowed(partitioning));
            } else if (partitionKey) {
                partitionSpans = PartitionValues.spans(column.type(), partitioning);
            }
            // keys, referenced columns and partition keys take no mess; a CHECK's columns do, and
            // each row is tested
            boolean clean =
                    keyColumns.contains(column.name())
                            || referenced.contains(table.name() + "." + column.name())
                            || partitionKey;
            Mess mess =
                    clean
                            ? Mess.none()
                            : column.nullable() ? spec.mess() : spec.mess().withNulls(0);
            if (computedFrom.contains(column.name())) {
                mess = mess.withExtremes(0);
                limits = computable(column, limits);
            }
            References.Reference reference = referenceOf.get(column.name());
            ColumnContext.Planned values;
            RowGroup.Kind kind;
            if (counters.containsKey(column.name())) {
                long[] counter = counters.get(column.name());
                List<String> list = listed.get(column.name());
                values =
                        new ColumnContext.Planned(
                                ColumnValues.of(
                                        list != null
                                                ? ColumnGenerators.counter(list, counter[0])
                                                : ColumnGenerators.counter(
                                                        column,
                                                        keyLimits(
                                                                spec, table, checks, column.name()),
                                                        counter[0],
                                                        counter[1])),
                                Mess.none());
                kind = RowGroup.Kind.FIXED;
            } else {
                ColumnContext context =
                        new Context(
                                spec,
                                table,
                                column,
                                limits,
                                checks.likes().get(column.name()),
                                mess,
                                rowUnique.contains(column.name()),
                                Optional.ofNullable(reference)
                                        .map(
                                                r ->
                                                        r.generator(
                                                                column.name(),
                                                                tableSeed,
                                                                spec.mess().nulls())),
                                tablePools,
                                types,
                                partitionSpans,
                                tableSeed);
                ColumnRule rule = spec.rule(column.name());
                values = rule.plan(context);
                kind =
                        rowUnique.contains(column.name())
                                        || partitionKey
                                        || reference != null && reference.divisor > 0
                                ? RowGroup.Kind.FIXED
                                : reference != null
                                                && (rule == ColumnRule.FROM_TYPE
                                                        || rule instanceof ColumnRule.Ref
                                                        || rule instanceof ColumnRule.Stats)
                                        ? RowGroup.Kind.REFERENCE
                                        : rule != ColumnRule.FROM_TYPE
                                                ? RowGroup.Kind.FREE
                                                : RowGroup.Kind.SHAPED;
            }
            if (values.values() == null) {
                members.put(
                        column.name(),
                        new RowGroup.Member(
                                column,
                                RowGroup.Kind.UNAVAILABLE,
                                null,
                                null,
                                limits,
                                mess,
                                false));
                continue;
            }
            int maxLength =
                    column.type().length() < 0
                            ? limits.maxLength()
                            : limits.maxLength() < 0
                                    ? column.type().length()
                                    : Math.min(column.type().length(), limits.maxLength());
            if (!column.type().isText()) {
                maxLength = -1;
            }
            ColumnPlan columnPlan =
                    new ColumnPlan(
                            column, values.values(), values.mess(), limits.minLength(), maxLength);
            planned.put(column.name(), columnPlan);
            boolean later = reference != null && reference.later;
            members.put(
                    column.name(),
                    new RowGroup.Member(
                            column,
                            kind,
                            columnPlan,
                            reference,
                            kind == RowGroup.Kind.REFERENCE ? ColumnLimits.NONE : limits,
                            kind == RowGroup.Kind.REFERENCE ? spec.mess() : mess,
                            later));
        }
        for (RowGroup group : groups(spec, table, tableSeed, checks, members, atoms, types)) {
            plan.addGroup(group);
            for (int i = 0; i < group.members().size(); i++) {
                RowGroup.Member member = group.members().get(i);
                if (planned.containsKey(member.column.name())) {
                    int at = i;
                    planned.put(
                            member.column.name(),
                            new ColumnPlan(
                                    member.column,
                                    ColumnValues.of((row, r) -> group.value(row, at)),
                                    Mess.none(),
                                    0,
                                    -1));
                }
            }
        }
        planned.forEach(
                (name, columnPlan) -> {
                    if (referenceOf.containsKey(name) && referenceOf.get(name).later) {
                        plan.addLater(columnPlan);
                    } else {
                        plan.add(columnPlan);
                    }
                });
        return plan;
    }

    /** The columns the table's CHECKs tie together, each set a group: a CHECK's columns are in one group, and CHECKs sharing a column too. */
    private List<RowGroup> groups(
            DatasetSpec spec,
            TableInfo table,
            long tableSeed,
            CheckReader.Result checks,
            Map<String, RowGroup.Member> members,
            CheckAtoms atoms,
            ColumnGenerators types) {
        Map<String, String> parent = new HashMap<>();
        List<CheckReader.Parsed> grouped = new ArrayList<>();
        for (CheckReader.Parsed check : checks.checks()) {
            List<String> columns = check.columns().stream().filter(members::containsKey).toList();
            if (columns.isEmpty()
                    || columns.stream()
                            .allMatch(c -> members.get(c).kind == RowGroup.Kind.UNAVAILABLE)) {
                continue; // nothing Parity writes: the database's own values meet it or not
            }
            grouped.add(check);
            columns.forEach(c -> parent.putIfAbsent(c, c));
            for (String c : columns.subList(1, columns.size())) {
                parent.put(root(parent, c), root(parent, columns.get(0)));
            }
        }
        Map<String, List<CheckReader.Parsed>> checksByRoot = new LinkedHashMap<>();
        for (CheckReader.Parsed check : grouped) {
            String first =
                    check.columns().stream().filter(members::containsKey).findFirst().orElseThrow();
            checksByRoot.computeIfAbsent(root(parent, first), k -> new ArrayList<>()).add(check);
        }
        List<RowGroup> groups = new ArrayList<>();
        checksByRoot.forEach(
                (root, groupChecks) -> {
                    List<RowGroup.Member> groupMembers =
                            members.values().stream()
                                    .filter(
                                            m ->
                                                    parent.containsKey(m.column.name())
                                                            && root(parent, m.column.name())
                                                                    .equals(root))
                                    .toList();
                    groups.add(
                            new RowGroup(
                                    table.name(),
                                    spec.origin(),
                                    tableSeed,
                                    groupMembers,
                                    groupChecks,
                                    evaluator,
                                    typedValues,
                                    atoms,
                                    types,
                                    spec.mess().nulls(),
                                    !engine.values().zonesInLiterals()));
                });
        return groups;
    }

    private static String root(Map<String, String> parent, String column) {
        String at = column;
        while (!parent.get(at).equals(at)) {
            at = parent.get(at);
        }
        return at;
    }

    private static String partitionColumn(TableInfo table) {
        return table.partitioning() == null ? "" : table.partitioning().column();
    }

    /**
     * For each unique key, one column that makes it unique by itself (the shortest keys first; a key that
     * already has one is done). A key no column of which can be unique alone, made of foreign keys and columns of
     * few values (small ranges, CHECK-bounded numbers, lists, enums, booleans), counts through their combinations
     * instead: referenced rows turning fastest, then each listed column ({@link References#enumerate}).
     *
     * @param counters filled with each counting column's {divisor, capacity}
     * @param listed   filled with the values of each counting column that is a list (enum, boolean, a CHECK's or a rule's values)
     */
    private Set<String> rowUniqueColumns(
            DatasetSpec spec,
            TableInfo table,
            CheckReader.Result checks,
            Map<String, References.Reference> referenceOf,
            References references,
            Map<String, long[]> counters,
            Map<String, List<String>> listed) {
        Set<String> rowUnique = new HashSet<>();
        List<List<String>> keys = new ArrayList<>(table.keys());
        keys.sort((a, b) -> Integer.compare(a.size(), b.size()));
        for (List<String> key : keys) {
            if (key.stream().anyMatch(rowUnique::contains)
                    || key.stream().allMatch(counters::containsKey)) {
                continue;
            }
            // a column of listed values (a CHECK's IN list) counts through them rather than being
            // made unique alone
            List<String> candidates =
                    key.stream()
                            .filter(
                                    c ->
                                            !referenceOf.containsKey(c)
                                                    && !counters.containsKey(c)
                                                    && uniqueCapable(
                                                            table.column(c).orElseThrow(),
                                                            spec.rule(c))
                                                    && checks.of(c).allowed() == null)
                            .toList();
            String candidate =
                    candidates.stream()
                            .filter(
                                    c ->
                                            ColumnGenerators.uniqueCapacity(
                                                            table.column(c).orElseThrow(),
                                                            keyLimits(spec, table, checks, c))
                                                    >= spec.rows())
                            .findFirst()
                            .orElse(null);
            List<String> small = key.stream().filter(c -> !referenceOf.containsKey(c)).toList();
            Map<String, Long> capacities = new LinkedHashMap<>();
            boolean countable =
                    candidate == null && !small.isEmpty() && (key.size() > 1 || small.size() == 1);
            for (String c : small) {
                if (!countable) {
                    break;
                }
                List<String> values =
                        counters.containsKey(c) ? null : listOf(spec, table, checks, c);
                ColumnInfo column = table.column(c).orElseThrow();
                if (values != null) {
                    listed.put(c, values);
                    capacities.put(c, (long) values.size());
                } else if (key.size() > 1
                        && (spec.rule(c) == ColumnRule.FROM_TYPE
                                || spec.rule(c) instanceof ColumnRule.Between)
                        && countable(column, keyLimits(spec, table, checks, c))) {
                    capacities.put(
                            c,
                            ColumnGenerators.uniqueCapacity(
                                    column, keyLimits(spec, table, checks, c)));
                } else {
                    countable = false;
                }
            }
            if (candidate != null) {
                rowUnique.add(candidate);
            } else if (countable
                    && key.size() == 1
                    && listed.containsKey(key.get(0))
                    && capacities.get(key.get(0)) < spec.rows()) {
                listed.remove(key.get(0));
                problems.add(
                        new Problem(
                                spec.origin(),
                                "column '"
                                        + table.name()
                                        + "."
                                        + key.get(0)
                                        + "' ("
                                        + table.column(key.get(0)).orElseThrow().type().sqlType()
                                        + ") is a unique key and holds at most "
                                        + capacities.get(key.get(0))
                                        + " distinct values, fewer than the "
                                        + spec.rows()
                                        + " rows asked for",
                                "Ask for at most " + capacities.get(key.get(0)) + " rows."));
            } else if (countable || key.stream().allMatch(referenceOf::containsKey)) {
                counters.putAll(references.enumerate(spec, table, key, referenceOf, capacities));
            } else if (!candidates.isEmpty()) {
                rowUnique.add(
                        candidates.get(0)); // too few values: planning it reports how many rows fit
            } else {
                small.forEach(listed::remove);
                problems.add(
                        new Problem(
                                spec.origin(),
                                "table '"
                                        + table.name()
                                        + "' has the unique key ("
                                        + String.join(", ", key)
                                        + "), and Parity cannot make those columns unique: "
                                        + String.join(
                                                ", ",
                                                small.stream()
                                                        .map(
                                                                c ->
                                                                        c
                                                                                + " ("
                                                                                + table.column(c)
                                                                                        .orElseThrow()
                                                                                        .type()
                                                                                        .sqlType()
                                                                                + (spec.rule(c)
                                                                                                == ColumnRule
                                                                                                        .FROM_TYPE
                                                                                        ? ""
                                                                                        : ", with a rule")
                                                                                + ")")
                                                        .toList())
                                        + (small.size() == 1 ? " is" : " are")
                                        + " neither unique alone nor of few values to count through",
                                "Give one of them an expression rule whose values are unique, or remove the value or constant rules on them."));
            }
        }
        return rowUnique;
    }

    /** The few values a key column can take, in order, when they are a list: a rule's values or constant, a CHECK's list, an enum, a boolean; else null. */
    private List<String> listOf(
            DatasetSpec spec, TableInfo table, CheckReader.Result checks, String column) {
        ColumnInfo info = table.column(column).orElseThrow();
        ColumnRule rule = spec.rule(column);
        if (rule instanceof ColumnRule.Weighted weighted) {
            return weighted.values().stream()
                    .distinct()
                    .map(v -> ColumnRule.written(v, info.type(), engine.values()))
                    .toList();
        }
        if (rule instanceof ColumnRule.Constant constant) {
            return constant.value() == null
                    ? null
                    : List.of(ColumnRule.written(constant.value(), info.type(), engine.values()));
        }
        if (rule != ColumnRule.FROM_TYPE) {
            return null;
        }
        List<String> allowed = checks.of(column).allowed();
        if (info.type().kind() == ColumnType.Kind.ENUM) {
            return allowed == null
                    ? info.type().labels()
                    : info.type().labels().stream().filter(allowed::contains).toList();
        }
        if (allowed != null) {
            return allowed;
        }
        return info.type().kind() == ColumnType.Kind.BOOLEAN
                ? List.of(engine.values().bool(false), engine.values().bool(true))
                : null;
    }

    /** A key column's limits: its CHECKs', narrowed by a {@code between} rule of whole numbers. */
    private static ColumnLimits keyLimits(
            DatasetSpec spec, TableInfo table, CheckReader.Result checks, String column) {
        ColumnLimits limits = checks.of(column);
        if (spec.rule(column) instanceof ColumnRule.Between between
                && table.column(column).orElseThrow().type().kind() == ColumnType.Kind.INTEGER
                && between.from().matches("-?\\d+")
                && between.to().matches("-?\\d+")) {
            return limits.withMin(new java.math.BigDecimal(between.from()), false)
                    .withMax(new java.math.BigDecimal(between.to()), false);
        }
        return limits;
    }

    private static boolean countable(ColumnInfo column, ColumnLimits limits) {
        ColumnType.Kind kind = column.type().kind();
        return (kind == ColumnType.Kind.INTEGER || kind == ColumnType.Kind.YEAR)
                && ColumnGenerators.uniqueCapacity(column, limits) > 0;
    }

    private static boolean uniqueCapable(ColumnInfo column, ColumnRule rule) {
        ColumnType.Kind kind = column.type().kind();
        return rule.canBeUnique()
                && (kind == ColumnType.Kind.INTEGER
                        || kind == ColumnType.Kind.DECIMAL
                        || kind == ColumnType.Kind.TEXT
                        || kind == ColumnType.Kind.UUID
                        || kind == ColumnType.Kind.DATE
                        || kind == ColumnType.Kind.TIMESTAMP
                        || kind == ColumnType.Kind.TIMESTAMP_TZ
                        || kind == ColumnType.Kind.YEAR
                        || kind == ColumnType.Kind.BYTES);
    }

    /** Rows already in the table push a unique number column past them. */
    private long offset(TableInfo table, ColumnInfo column) throws SQLException {
        ColumnType.Kind kind = column.type().kind();
        if (kind != ColumnType.Kind.INTEGER && kind != ColumnType.Kind.DECIMAL) {
            return 0;
        }
        return database.largest(table, column.name());
    }

    /** One column's view of the plan, for its rule. */
    private final class Context implements ColumnContext {
        private final DatasetSpec spec;
        private final TableInfo table;
        private final ColumnInfo column;
        private final ColumnLimits limits;
        private final String like;
        private final Mess mess;
        private final boolean rowUnique;
        private final Optional<ValueGenerator> reference;
        private final FakerPools pools;
        private final ColumnGenerators types;
        private final PartitionValues.Spans partitionSpans;
        private final long tableSeed;

        Context(
                DatasetSpec spec,
                TableInfo table,
                ColumnInfo column,
                ColumnLimits limits,
                String like,
                Mess mess,
                boolean rowUnique,
                Optional<ValueGenerator> reference,
                FakerPools pools,
                ColumnGenerators types,
                PartitionValues.Spans partitionSpans,
                long tableSeed) {
            this.tableSeed = tableSeed;
            this.spec = spec;
            this.table = table;
            this.column = column;
            this.limits = limits;
            this.like = like;
            this.mess = mess;
            this.rowUnique = rowUnique;
            this.reference = reference;
            this.pools = pools;
            this.types = types;
            this.partitionSpans = partitionSpans;
        }

        @Override
        public ColumnInfo info() {
            return column;
        }

        @Override
        public Mess mess() {
            return mess;
        }

        @Override
        public boolean rowUnique() {
            return rowUnique;
        }

        @Override
        public Optional<ValueGenerator> reference() {
            return reference;
        }

        @Override
        public ValueGenerator expression(String expression) {
            FakerPools.Pool pool = pools.pool(expression);
            int length = column.type().isText() ? column.type().length() : -1;
            return (row, r) -> Formats.truncate(pool.pick(r), length);
        }

        @Override
        public Planned uniqueValues(ValueGenerator base) {
            long capacity =
                    partitionSpans != null
                            ? partitionSpans.capacity()
                            : ColumnGenerators.uniqueCapacity(column, limits);
            if (spec.rows() > capacity) {
                problems.add(
                        new Problem(
                                spec.origin(),
                                "column '"
                                        + table.name()
                                        + "."
                                        + column.name()
                                        + "' ("
                                        + column.type().sqlType()
                                        + ") is a unique key and holds at most "
                                        + capacity
                                        + " distinct values, fewer than the "
                                        + spec.rows()
                                        + " rows asked for",
                                "Ask for at most " + capacity + " rows."));
                return Planned.FILLED_BY_DATABASE;
            }
            if (partitionSpans != null) {
                return new Planned(
                        new ColumnValues(partitionSpans.unique(), List.of(), false), Mess.none());
            }
            if (base == null && like != null && like.endsWith("%") && column.type().isText()) {
                base =
                        PatternValues.like(
                                like,
                                types.text(column, -1),
                                -1); // a key's suffix goes where the pattern's last % is
            }
            try {
                ValueGenerator unique = types.unique(column, limits, offset(table, column), base);
                if (unique == null) {
                    problems.add(
                            new Problem(
                                    spec.origin(),
                                    "column '"
                                            + table.name()
                                            + "."
                                            + column.name()
                                            + "' is a unique key of type "
                                            + column.type().sqlType()
                                            + ", which Parity cannot make unique",
                                    "Give it an expression rule whose values are unique."));
                    return Planned.FILLED_BY_DATABASE;
                }
                return new Planned(new ColumnValues(unique, List.of(), false), Mess.none());
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "could not read the largest "
                                + column.name()
                                + " of "
                                + table.name()
                                + ": "
                                + e.getMessage(),
                        e);
            }
        }

        @Override
        public String table() {
            return table.name();
        }

        @Override
        public long rows() {
            return spec.rows();
        }

        @Override
        public long seed() {
            return tableSeed;
        }

        @Override
        public void problem(String what, String fix) {
            problems.add(new Problem(spec.origin(), what, fix));
        }

        @Override
        public ValueSyntax syntax() {
            return engine.values();
        }

        @Override
        public ZoneId sessionZone() {
            return sessionZone;
        }

        @Override
        public Planned fromType() {
            if (partitionSpans != null) {
                return new Planned(partitionSpans.random(), Mess.none());
            }
            ColumnValues values = types.forColumn(column, limits);
            if (values == null) {
                if (column.defaultValue() != null
                        || column.autoIncrement()
                        || table.triggerFilled()) {
                    return Planned.FILLED_BY_DATABASE;
                }
                if (!column.nullable()) {
                    problems.add(
                            new Problem(
                                    spec.origin(),
                                    "column '"
                                            + table.name()
                                            + "."
                                            + column.name()
                                            + "' has type "
                                            + column.type().sqlType()
                                            + ", which Parity cannot generate, and is NOT NULL without a default",
                                    "Give it a rule under columns (a Datafaker expression, values or a constant)."));
                    return Planned.FILLED_BY_DATABASE;
                }
                return new Planned(ColumnValues.of((row, r) -> null), mess);
            }
            boolean closedSet =
                    limits.allowed() != null
                            || column.type().kind() == ColumnType.Kind.ENUM
                            || column.type().kind() == ColumnType.Kind.SET;
            return new Planned(values, closedSet ? Mess.none().withNulls(mess.nulls()) : mess);
        }
    }

    /**
     * An integer column a generated column reads keeps within half its type's range: PostgreSQL computes
     * {@code c * 2} in {@code c}'s type (integer at least), so a value past half overflows it whatever the generated
     * column's own type; a CHECK that ties the column to another's (such as {@code c >= other}) is met within these
     * limits too.
     */
    private static ColumnLimits computable(ColumnInfo column, ColumnLimits limits) {
        ColumnType type = column.type();
        if (type.kind() != ColumnType.Kind.INTEGER) {
            return limits;
        }
        return limits.withMin(BigDecimal.valueOf(type.min() / 2), false)
                .withMax(BigDecimal.valueOf(type.max() / 2), false);
    }
}
